import type {
  ReminderStore,
  TDispatchResult,
  TJournalLesson,
  TMissing,
  TReminderSettings,
  TTeacherBatch,
} from '../../../core/reminders';
import { DEFAULT_REMINDER_SETTINGS } from '../../../core/reminders';
import type { Database, TSqlQuery } from '../../db/database';
import { MISSING_SQL } from './reminder-sql';

// Reminders in the database. The scan reads only lessons whose local end (date, end) falls in
// the window since the previous scan — one range of the (date, end) index per time zone and delay
// — so its cost follows the lessons of the last minutes, not the years stored. A transaction-scoped
// advisory lock and the watermark row make any number of runners do each window once; the
// lesson's primary key on LessonReminder makes a second reminder for a lesson impossible.

const SCAN_LOCK = 7_242_101;
const DISPATCH_LOCK = 7_242_102;
/** Where a first scan starts: lessons due within the last day, not the school's whole history. */
const FIRST_LOOKBACK_MS = 24 * 3_600_000;
/** After a longer outage, older lessons are left to the teachers' own questions and the admin view. */
const MAX_LOOKBACK_MS = 7 * 24 * 3_600_000;
/** Sent reminders are checked for completion this long; later a filled journal changes nothing to send. */
const RESOLVE_HORIZON_DAYS = 7;
/**
 * Marking sent reminders resolved is bookkeeping (what a teacher asks is computed live): each run
 * re-checks one of this many slices of the week's sent reminders (by a hash of the lesson id, the
 * slice by the minute), so with one run a minute each is re-checked every quarter hour.
 */
const RESOLVE_SLICES = 15;
/**
 * Lessons that arrived or changed since the previous scan are looked at too (the journal may
 * send a lesson after it ended). The window reaches back this far before the previous scan:
 * an ingestion transaction stamps its rows when it starts and may commit after a scan has run.
 */
const LATE_OVERLAP_MS = 5 * 60_000;
/** ... and only lessons of the last week: a back-filled school year needs no reminders. */
const LATE_MAX_AGE_DAYS = 7;
/** Chats that can receive a message we start. */
const PUSH_CHANNELS = ['telegram', 'vk', 'max'];

const json = (value: unknown) => JSON.stringify(value);
const floorToMinute = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000);

async function locked(query: TSqlQuery, key: number): Promise<boolean> {
  const [row] = await query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [key]);
  return row.ok;
}

interface TZoneWindow {
  timezone: string;
  delay: number;
  loDate: string;
  loTime: string;
  hiDate: string;
  hiTime: string;
}

/**
 * Per time zone and delay (a handful across all schools), the school-local end times
 * (date, "HH:mm") that became due in (from, to]: a lesson is due when its local end plus the delay
 * is at or before `to`.
 */
async function zoneWindows(query: TSqlQuery, from: Date, to: Date): Promise<TZoneWindow[]> {
  return query<TZoneWindow>(
    `SELECT timezone, delay, to_char(lo, 'YYYY-MM-DD') AS "loDate", to_char(lo, 'HH24:MI') AS "loTime",
            to_char(hi, 'YYYY-MM-DD') AS "hiDate", to_char(hi, 'HH24:MI') AS "hiTime"
     FROM (SELECT timezone, "reminderDelayHours" AS delay,
                  ($1::timestamptz AT TIME ZONE timezone) - make_interval(hours => "reminderDelayHours") AS lo,
                  ($2::timestamptz AT TIME ZONE timezone) - make_interval(hours => "reminderDelayHours") AS hi
           FROM (SELECT DISTINCT timezone, "reminderDelayHours" FROM "School") z) w`,
    [from.toISOString(), to.toISOString()],
  );
}

/**
 * The scan statement for these windows: one (date, end) index range per window with constant
 * bounds (so the planner can only read that range), plus the lessons changed since the previous
 * scan (an updatedAt index range) that are due by now; then the schools' zone checked, the
 * completeness rule applied and a reminder inserted for each incomplete lesson.
 */
export function scanStatement(
  windows: TZoneWindow[],
  from: Date,
  to: Date,
  now: Date,
): { sql: string; params: unknown[] } {
  const minDate = new Date(to.getTime() - (LATE_MAX_AGE_DAYS + 1) * 86_400_000).toISOString().slice(0, 10);
  const params: unknown[] = [
    now.toISOString(),
    new Date(from.getTime() - LATE_OVERLAP_MS).toISOString(),
    to.toISOString(),
    minDate,
  ];
  const ranges = windows.map((w) => {
    const p = params.length;
    params.push(w.loDate, w.loTime, w.hiDate, w.hiTime, w.timezone, w.delay);
    return `SELECT l.id, l."classId", l."teacherId", l.topic, l."isTest", l.date, l."end", $${p + 5}::text AS timezone, $${p + 6}::int AS delay
            FROM "Lesson" l
            WHERE (l.date, l."end") > ($${p + 1}::date, $${p + 2}::text) AND (l.date, l."end") <= ($${p + 3}::date, $${p + 4}::text)
              AND NOT l.cancelled AND l."deletedAt" IS NULL`;
  });
  ranges.push(`SELECT l.id, l."classId", l."teacherId", l.topic, l."isTest", l.date, l."end", NULL::text AS timezone, NULL::int AS delay
            FROM "Lesson" l
            WHERE l."updatedAt" > $2::timestamptz AND l."updatedAt" <= $3::timestamptz AND l.date >= $4::date
              AND NOT l.cancelled AND l."deletedAt" IS NULL`);
  const sql = `
WITH candidates AS MATERIALIZED (
  ${ranges.join('\n  UNION ALL\n  ')}
), due AS MATERIALIZED (
  SELECT DISTINCT ON (l.id) l.id, l."teacherId", sc.id AS "schoolId", ${MISSING_SQL} AS missing
  FROM candidates l
  JOIN "SchoolClass" c ON c.id = l."classId"
  JOIN "School" sc ON sc.id = c."schoolId"
   AND ((l.timezone IS NOT NULL AND sc.timezone = l.timezone AND sc."reminderDelayHours" = l.delay)
     OR (l.timezone IS NULL AND ((l.date + l."end"::time) AT TIME ZONE sc.timezone) + make_interval(hours => sc."reminderDelayHours") <= $3::timestamptz))
), ins AS (
  INSERT INTO "LessonReminder" ("lessonId", "teacherId", "schoolId", reasons, "foundAt")
  SELECT id, "teacherId", "schoolId", missing, $1::timestamptz FROM due WHERE cardinality(missing) > 0
  ON CONFLICT ("lessonId") DO NOTHING
  RETURNING 1
)
SELECT (SELECT count(*) FROM due)::int AS due, (SELECT count(*) FROM ins)::int AS found`;
  return { sql, params };
}

/** Records reminders for the lessons that became due in (from, to]; the scan's whole database work. */
export async function scanWindowOnce(
  query: TSqlQuery,
  from: Date,
  to: Date,
  now: Date,
): Promise<{ due: number; found: number }> {
  const windows = await zoneWindows(query, from, to);
  if (windows.length === 0) return { due: 0, found: 0 };
  const { sql, params } = scanStatement(windows, from, to, now);
  const [result] = await query<{ due: number; found: number }>(sql, params);
  return result;
}

export { zoneWindows };

/** The window a scan at `now` covers after a previous scan that stopped at `scannedUntil`. */
export function scanWindow(scannedUntil: Date | null, now: Date): { from: Date; to: Date } {
  const to = floorToMinute(now);
  const earliest = new Date(to.getTime() - MAX_LOOKBACK_MS);
  const from = scannedUntil ?? new Date(to.getTime() - FIRST_LOOKBACK_MS);
  return { from: from < earliest ? earliest : from, to };
}

export async function scanOnce(query: TSqlQuery, now: Date) {
  if (!(await locked(query, SCAN_LOCK))) return null;
  const [mark] = await query<{ scannedUntil: Date }>(`SELECT "scannedUntil" FROM "ReminderScan" WHERE id = 1`);
  const { from, to } = scanWindow(mark ? new Date(mark.scannedUntil) : null, now);
  if (to <= from) return { due: 0, found: 0 };
  const result = await scanWindowOnce(query, from, to, now);
  await query(
    `INSERT INTO "ReminderScan" (id, "scannedUntil") VALUES (1, $1::timestamptz) ON CONFLICT (id) DO UPDATE SET "scannedUntil" = excluded."scannedUntil"`,
    [to.toISOString()],
  );
  return result;
}

interface TPendingRow {
  lessonId: string;
  gone: boolean;
  teacherId: string;
  foundAt: Date;
  date: string;
  start: string;
  className: string;
  subject: string;
  missing: TMissing[];
  timezone: string;
  enabled: boolean | null;
  mode: TReminderSettings['mode'] | null;
  digestTime: string | null;
  quietFrom: string | null;
  quietTo: string | null;
  snoozedUntil: Date | null;
}

function settingsOf(r: TPendingRow): TReminderSettings {
  if (r.enabled === null) return DEFAULT_REMINDER_SETTINGS;
  return {
    enabled: r.enabled,
    mode: r.mode ?? 'instant',
    digestTime: r.digestTime,
    quietFrom: r.quietFrom ?? DEFAULT_REMINDER_SETTINGS.quietFrom,
    quietTo: r.quietTo ?? DEFAULT_REMINDER_SETTINGS.quietTo,
    snoozedUntil: r.snoozedUntil ? new Date(r.snoozedUntil) : null,
  };
}

/** Sent reminders (of this run's slice) whose journal was completed since, or whose lesson was cancelled. */
export async function resolveSent(query: TSqlQuery, now: Date): Promise<number> {
  const slice = Math.floor(now.getTime() / 60_000) % RESOLVE_SLICES;
  const rows = await query(
    `UPDATE "LessonReminder" r SET "resolvedAt" = $1::timestamptz
     FROM "Lesson" l
     WHERE l.id = r."lessonId" AND r.status = 'sent' AND r."resolvedAt" IS NULL
       AND r."foundAt" > $1::timestamptz - make_interval(days => ${RESOLVE_HORIZON_DAYS})
       AND abs(hashtext(r."lessonId")::bigint) % ${RESOLVE_SLICES} = $2
       AND (l.cancelled OR l."deletedAt" IS NOT NULL OR cardinality(${MISSING_SQL}) = 0)
     RETURNING 1`,
    [now.toISOString(), slice],
  );
  return rows.length;
}

/**
 * Pending reminders due for a look, grouped per teacher; those whose journal got filled in (or
 * lesson cancelled) meanwhile are withdrawn here, before anything is sent.
 */
async function loadBatches(query: TSqlQuery, now: Date): Promise<{ batches: TTeacherBatch[]; resolved: number }> {
  const rows = await query<TPendingRow>(
    `SELECT r."lessonId", l.cancelled OR l."deletedAt" IS NOT NULL AS gone, r."teacherId", r."foundAt", to_char(l.date, 'YYYY-MM-DD') AS date, l.start,
            c.name AS "className", sub.name AS subject, ${MISSING_SQL} AS missing, sc.timezone,
            rs.enabled, rs.mode, rs."digestTime", rs."quietFrom", rs."quietTo", rs."snoozedUntil"
     FROM "LessonReminder" r
     JOIN "Lesson" l ON l.id = r."lessonId"
     JOIN "SchoolClass" c ON c.id = l."classId"
     JOIN "Subject" sub ON sub.id = l."subjectId"
     JOIN "School" sc ON sc.id = r."schoolId"
     LEFT JOIN "ReminderSettings" rs ON rs."teacherId" = r."teacherId"
     WHERE r.status = 'pending' AND (r."notBefore" IS NULL OR r."notBefore" <= $1::timestamptz)
     ORDER BY r."teacherId", l.date, l.start
     FOR UPDATE OF r`,
    [now.toISOString()],
  );
  const filled = rows.filter((r) => r.gone || r.missing.length === 0).map((r) => r.lessonId);
  if (filled.length > 0) {
    await query(
      `UPDATE "LessonReminder" SET status = 'resolved', "resolvedAt" = $2::timestamptz WHERE "lessonId" IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [json(filled), now.toISOString()],
    );
  }
  const open = rows.filter((r) => !r.gone && r.missing.length > 0);
  if (open.length === 0) return { batches: [], resolved: filled.length };
  const teacherIds = [...new Set(open.map((r) => r.teacherId))];
  const chats = await query<{ teacherId: string; chatId: string; locale: string }>(
    `SELECT DISTINCT tl."teacherId", ch.id AS "chatId", ch.locale
     FROM "TeacherLink" tl
     JOIN "Chat" ch ON ch."personId" = tl."personId"
     WHERE tl."teacherId" IN (SELECT jsonb_array_elements_text($1::jsonb))
       AND ch.active AND ch.channel IN (SELECT jsonb_array_elements_text($2::jsonb))
       AND EXISTS (SELECT 1 FROM "Consent" k WHERE k."personId" = tl."personId" AND k."withdrawnAt" IS NULL)
     ORDER BY ch.id`,
    [json(teacherIds), json(PUSH_CHANNELS)],
  );
  const batches = new Map<string, TTeacherBatch>();
  for (const r of open) {
    const lesson: TJournalLesson = {
      lessonId: r.lessonId,
      date: r.date,
      start: r.start,
      className: r.className,
      subject: r.subject,
      missing: r.missing,
    };
    const foundAt = new Date(r.foundAt);
    const batch = batches.get(r.teacherId);
    if (batch) {
      batch.lessons.push(lesson);
      if (foundAt < batch.oldestFoundAt) batch.oldestFoundAt = foundAt;
    } else {
      batches.set(r.teacherId, {
        teacherId: r.teacherId,
        timezone: r.timezone,
        settings: settingsOf(r),
        oldestFoundAt: foundAt,
        lessons: [lesson],
        chats: [],
      });
    }
  }
  for (const c of chats) batches.get(c.teacherId)?.chats.push({ chatId: c.chatId, locale: c.locale });
  return { batches: [...batches.values()], resolved: filled.length };
}

export async function dispatchOnce(
  query: TSqlQuery,
  now: Date,
  decide: Parameters<ReminderStore['dispatch']>[1],
): Promise<TDispatchResult> {
  if (!(await locked(query, DISPATCH_LOCK))) return { resolved: 0, sent: 0, messageIds: [] };
  const sentResolved = await resolveSent(query, now);
  const loaded = await loadBatches(query, now);
  const messages: { chatId: string; text: string; itemCount: number; ingestedAt: string }[] = [];
  const done: { lessonId: string; status: string }[] = [];
  const waiting: { lessonId: string; notBefore: string | null }[] = [];
  for (const batch of loaded.batches) {
    const decision = decide(batch);
    if (!decision.send) {
      for (const l of batch.lessons)
        waiting.push({ lessonId: l.lessonId, notBefore: decision.until?.toISOString() ?? null });
      continue;
    }
    // No chat to send to (not linked, blocked, consent withdrawn) or reminders turned off: the lesson's one reminder is spent.
    const status = decision.messages.length > 0 ? 'sent' : batch.settings.enabled ? 'unlinked' : 'muted';
    for (const l of batch.lessons) done.push({ lessonId: l.lessonId, status });
    for (const m of decision.messages)
      messages.push({ ...m, itemCount: batch.lessons.length, ingestedAt: batch.oldestFoundAt.toISOString() });
  }
  let messageIds: string[] = [];
  if (messages.length > 0) {
    const rows = await query<{ id: string }>(
      `INSERT INTO "AlertMessage" ("chatId", text, "itemCount", "ingestedAt", status, "nextAttemptAt", "createdAt")
       SELECT "chatId", text, "itemCount", "ingestedAt"::timestamptz, 'queued', now(), now()
       FROM jsonb_to_recordset($1::jsonb) AS x("chatId" text, text text, "itemCount" int, "ingestedAt" text)
       RETURNING id::text AS id`,
      [json(messages)],
    );
    messageIds = rows.map((r) => r.id);
  }
  if (done.length > 0) {
    await query(
      `UPDATE "LessonReminder" r SET status = x.status, "sentAt" = $2::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS x("lessonId" text, status text) WHERE r."lessonId" = x."lessonId"`,
      [json(done), now.toISOString()],
    );
  }
  if (waiting.length > 0) {
    await query(
      `UPDATE "LessonReminder" r SET "notBefore" = x."notBefore"::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS x("lessonId" text, "notBefore" text) WHERE r."lessonId" = x."lessonId"`,
      [json(waiting)],
    );
  }
  return { resolved: sentResolved + loaded.resolved, sent: done.filter((d) => d.status === 'sent').length, messageIds };
}

export function createReminderStore(db: Database): ReminderStore {
  const { sql } = db;
  return {
    scan: (now) => sql.transaction((query) => scanOnce(query, now)),
    dispatch: (now, decide) => sql.transaction((query) => dispatchOnce(query, now, decide)),
  };
}
