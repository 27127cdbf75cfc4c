import type { TLessonDay, TOutboxFact, TRecipient, TStoredPass } from '../../../core/alerts';
import { batchPasses, departuresToWithdraw, lessonDayKey } from '../../../core/alerts';
import type { TSqlQuery } from '../../db/database';

// What the presence planner needs beyond the batch (core/alerts/plan-presence.ts, plan-absence.ts):
// each statement runs only when some recipient of the batch's pupils has that type on, and reads
// through an index — Pass by (student, at) within one school day, AlertItem by ref, Lesson by
// (class, date).

const json = (rows: unknown) => JSON.stringify(rows);

const watches = (recipients: Map<string, TRecipient[]>, studentId: string, types: readonly string[]) =>
  (recipients.get(studentId) ?? []).some((r) => r.subscription.enabled && types.includes(r.subscription.type));

/** The batch's passes with their school's time zone. */
const PASS_DAYS = `SELECT x."studentId", x.at, sc.timezone
  FROM jsonb_to_recordset($1::jsonb) AS x("studentId" text, at timestamptz)
  JOIN "Student" st ON st.id = x."studentId" JOIN "School" sc ON sc.id = st."schoolId"`;

export interface TPresenceContext {
  passes: Map<string, TStoredPass[]>;
  arrived: Set<string>;
  lessonDays: Map<string, TLessonDay>;
}

/**
 * Unsent departures the batch's passes take back (a way back in within ten minutes). The item's
 * due time is at least ten minutes after its way out, which keeps the statement on the index of
 * unsent items by due time.
 */
export async function withdrawDepartures(query: TSqlQuery, facts: TOutboxFact[]): Promise<void> {
  const spans = departuresToWithdraw(facts).map((s) => ({ ...s, from: s.from.toISOString(), to: s.to.toISOString() }));
  if (spans.length === 0) return;
  await query(
    `DELETE FROM "AlertItem" i USING jsonb_to_recordset($1::jsonb) AS x("studentId" text, "from" timestamptz, "to" timestamptz)
     WHERE i."messageId" IS NULL AND i."dueAt" >= x."to" AND i.kind = 'pass.departure' AND i."studentId" = x."studentId"
       AND (i.payload ->> 'passAt')::timestamptz >= x."from" AND (i.payload ->> 'passAt')::timestamptz < x."to"`,
    [json(spans)],
  );
}

async function loadPasses(query: TSqlQuery, facts: TOutboxFact[], recipients: Map<string, TRecipient[]>) {
  const passes = new Map<string, TStoredPass[]>();
  const arrived = new Set<string>();
  const wanted = batchPasses(facts).filter((p) => watches(recipients, p.studentId, ['arrival', 'departure']));
  if (wanted.length === 0) return { passes, arrived };
  // The school day of each pass up to ten minutes after it: the earlier ways in, and what followed a
  // way out; and the arrivals already planned for those days (an earlier pass sent late tells nothing).
  const rows = await query<TStoredPass & { studentId: string }>(
    `WITH x AS (${PASS_DAYS})
     SELECT DISTINCT p.id, p."studentId", p.at, p.direction
     FROM x JOIN "Pass" p ON p."studentId" = x."studentId"
       AND p.at >= (date_trunc('day', x.at AT TIME ZONE x.timezone) AT TIME ZONE x.timezone)
       AND p.at <= x.at + interval '10 minutes'`,
    [json(wanted.map((p) => ({ studentId: p.studentId, at: p.pass.at.toISOString() })))],
  );
  for (const r of rows) {
    const list = passes.get(r.studentId) ?? [];
    list.push({ id: r.id, at: new Date(r.at), direction: r.direction });
    passes.set(r.studentId, list);
  }
  const sent = await query<{ refId: string; chatId: string }>(
    `WITH x AS (${PASS_DAYS})
     SELECT DISTINCT i."refId", i."chatId"
     FROM (SELECT DISTINCT 'arr:' || x."studentId" || ':' || (x.at AT TIME ZONE x.timezone)::date::text AS ref FROM x) r
     JOIN "AlertItem" i ON i."refId" = r.ref AND i.kind = 'pass.arrival'`,
    [
      json(
        wanted
          .filter((p) => p.pass.direction === 'in')
          .map((p) => ({ studentId: p.studentId, at: p.pass.at.toISOString() })),
      ),
    ],
  );
  for (const s of sent) arrived.add(`${s.refId}\u0000${s.chatId}`);
  return { passes, arrived };
}

/** Each mark's lesson number in its class's day and the end of that day's last lesson. */
async function loadLessonDays(query: TSqlQuery, facts: TOutboxFact[], recipients: Map<string, TRecipient[]>) {
  const lessonDays = new Map<string, TLessonDay>();
  const marks = facts.flatMap((f) => {
    const p = f.payload as { lessonId?: unknown; date?: unknown } | null;
    if (f.kind !== 'attendance.changed' || !f.studentId || typeof p?.lessonId !== 'string') return [];
    if (typeof p.date !== 'string' || !watches(recipients, f.studentId, ['absence'])) return [];
    return [{ studentId: f.studentId, lessonId: p.lessonId, date: p.date }];
  });
  if (marks.length === 0) return lessonDays;
  const rows = await query<{
    studentId: string;
    lessonId: string;
    lessonNumber: number | null;
    lastEnd: string | null;
  }>(
    `SELECT x."studentId", x."lessonId", d."lessonNumber", d."lastEnd"
     FROM jsonb_to_recordset($1::jsonb) AS x("studentId" text, "lessonId" text, date date)
     JOIN "Student" st ON st.id = x."studentId"
     CROSS JOIN LATERAL (
       SELECT max(l."end") AS "lastEnd",
         (SELECT count(*)::int FROM "Lesson" k
          WHERE k."classId" = st."classId" AND k.date = x.date AND k."deletedAt" IS NULL AND NOT k.cancelled
            AND (k.start, k.id) <= (m.start, m.id)) AS "lessonNumber"
       FROM "Lesson" l
       LEFT JOIN "Lesson" m ON m.id = x."lessonId" AND m."deletedAt" IS NULL AND NOT m.cancelled
       WHERE l."classId" = st."classId" AND l.date = x.date AND l."deletedAt" IS NULL AND NOT l.cancelled
       GROUP BY m.start, m.id
     ) d`,
    [json(marks)],
  );
  for (const r of rows) {
    lessonDays.set(lessonDayKey(r.studentId, r.lessonId), {
      lessonNumber: r.lessonNumber || null,
      lastEnd: r.lastEnd,
    });
  }
  return lessonDays;
}

export async function loadPresenceContext(
  query: TSqlQuery,
  facts: TOutboxFact[],
  recipients: Map<string, TRecipient[]>,
): Promise<TPresenceContext> {
  const { passes, arrived } = await loadPasses(query, facts, recipients);
  const lessonDays = await loadLessonDays(query, facts, recipients);
  return { passes, arrived, lessonDays };
}
