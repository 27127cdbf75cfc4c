import type {
  AlertStore,
  TItemGroup,
  TItemKind,
  TItemPayload,
  TOutboxFact,
  TPlannedItem,
  TRecipient,
  TSubscriptionSettings,
  TWithdrawnItem,
} from '../../../core/alerts';
import { refsToWithdraw, ruFeminine } from '../../../core/alerts';
import type { TSqlQuery } from '../../db/database';
import { loadNewsStudents } from './news-students';
import { loadPresenceContext, withdrawDepartures } from './presence-context';
import { loadSubjectAverages } from './subject-averages';

// Outbox → alert items → messages, each step one transaction of set-based statements. A
// transaction-scoped advisory lock keeps one planner (and one composer) at a time across worker
// processes: facts must be planned in order, or a removal could overtake the grade it removes.

const PLAN_LOCK = 7_242_001;
const COMPOSE_LOCK = 7_242_002;
/** Longest a due group waits for the planner to catch up (planning 50,000 grades took under a minute). */
const MAX_PLANNER_WAIT_MS = 10 * 60_000;

const json = (rows: unknown) => JSON.stringify(rows);

/** A recipient as one flat row: the subscription's columns beside the chat's. */
type TRecipientRow = Omit<TRecipient, 'subscription'> & TSubscriptionSettings & { studentMiddleName: string | null };

async function locked(query: TSqlQuery, key: number): Promise<boolean> {
  const [row] = await query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [key]);
  return row.ok;
}

export async function loadRecipients(query: TSqlQuery, studentIds: string[]): Promise<Map<string, TRecipient[]>> {
  const rows = await query<TRecipientRow>(
    `SELECT c.id AS "chatId", c.channel, c.active AS "chatActive", s."personId", s."studentId", st."firstName" AS "studentName",
            st."middleName" AS "studentMiddleName",
            sc.timezone, s.type, s.enabled, s.mode, s."digestTime", s."quietFrom", s."quietTo", s."thresholdKopecks",
            EXISTS (SELECT 1 FROM "Consent" k WHERE k."personId" = s."personId" AND k."withdrawnAt" IS NULL) AS "consentActive"
     FROM "Subscription" s
     JOIN "StudentLink" l ON l."personId" = s."personId" AND l."studentId" = s."studentId"
     JOIN "Chat" c ON c."personId" = s."personId"
     JOIN "Student" st ON st.id = s."studentId"
     JOIN "School" sc ON sc.id = st."schoolId"
     WHERE s."studentId" IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [json(studentIds)],
  );
  const byStudent = new Map<string, TRecipient[]>();
  for (const r of rows) {
    const { type, enabled, mode, digestTime, quietFrom, quietTo, thresholdKopecks, studentMiddleName, ...rest } = r;
    const list = byStudent.get(r.studentId) ?? [];
    // Only the gender is kept of the patronymic: the Russian texts agree with it.
    const studentFeminine = ruFeminine(r.studentName, studentMiddleName);
    list.push({
      ...rest,
      studentFeminine,
      subscription: { type, enabled, mode, digestTime, quietFrom, quietTo, thresholdKopecks },
    });
    byStudent.set(r.studentId, list);
  }
  return byStudent;
}

export async function planNextBatch(query: TSqlQuery, limit: number, plan: Parameters<AlertStore['planNext']>[1]) {
  if (!(await locked(query, PLAN_LOCK))) return { facts: 0, items: 0 };
  // A grade fact carries only the grade's id (and what it was before): its fields come from the
  // grade row now. Keys the fact does carry win, so rows written with full payloads read the same.
  // A final grade's fact is whole but names its period by id: the period's kind and its number
  // among the school's periods of that kind in its school year (by start, as core/terms numbers
  // them) are added here, in the same statement — a handful of index reads per final grade.
  const facts = await query<TOutboxFact>(
    `SELECT o.id::text AS id, o.kind, o."studentId", o."classId", o."createdAt",
       CASE WHEN g.id IS NOT NULL
           THEN jsonb_build_object('subjectId', g."subjectId", 'date', g.date::text, 'value', g.value, 'weight', g.weight,
             'workType', g."workType", 'comment', g.comment, 'lessonId', g."lessonId") || o.payload
         WHEN p.kind IS NOT NULL
           THEN o.payload || jsonb_build_object('periodKind', p.kind, 'periodNumber', p.number)
         ELSE o.payload END AS payload
     FROM (SELECT * FROM "Outbox" WHERE "processedAt" IS NULL ORDER BY id LIMIT $1) o
     LEFT JOIN "Grade" g ON o.kind LIKE 'grade.%' AND g.id = o.payload ->> 'gradeId'
     LEFT JOIN LATERAL (
       SELECT p.kind,
         (SELECT count(*)::int FROM "Period" q
          WHERE q."schoolId" = p."schoolId" AND q.kind = p.kind AND (q."deletedAt" IS NULL OR q.id = p.id)
            AND q.start >= make_date(extract(year FROM p.start)::int - CASE WHEN extract(month FROM p.start) >= 9 THEN 0 ELSE 1 END, 9, 1)
            AND (q.start < p.start OR (q.start = p.start AND q.id <= p.id))) AS number
       FROM "Period" p WHERE p.id = o.payload ->> 'periodId'
     ) p ON o.kind LIKE 'final_grade.%'
     ORDER BY o.id`,
    [limit],
  );
  if (facts.length === 0) return { facts: 0, items: 0 };
  for (const f of facts) f.createdAt = new Date(f.createdAt);

  const classIds = [...new Set(facts.filter((f) => !f.studentId && f.classId).map((f) => f.classId!))];
  const classStudents = new Map<string, string[]>();
  if (classIds.length > 0) {
    const rows = await query<{ id: string; classId: string }>(
      `SELECT id, "classId" FROM "Student" WHERE "classId" IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [json(classIds)],
    );
    for (const r of rows) classStudents.set(r.classId, [...(classStudents.get(r.classId) ?? []), r.id]);
  }
  const newsStudents = await loadNewsStudents(query, facts);
  const studentIds = new Set<string>([
    ...facts.flatMap((f) => (f.studentId ? [f.studentId] : (classStudents.get(f.classId ?? '') ?? []))),
    ...[...newsStudents.values()].flat(),
  ]);
  const recipients = await loadRecipients(query, [...studentIds]);
  const subjectIds = [
    ...new Set(
      facts.map((f) => (f.payload as { subjectId?: string }).subjectId).filter((s): s is string => Boolean(s)),
    ),
  ];
  const subjectRows = await query<{ id: string; name: string }>(
    `SELECT id, name FROM "Subject" WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [json(subjectIds)],
  );
  // Unsent items the batch supersedes leave the store now; the planner re-issues what is still news.
  const refs = refsToWithdraw(facts);
  const withdrawn =
    refs.length === 0
      ? []
      : await query<TWithdrawnItem>(
          `DELETE FROM "AlertItem" WHERE "refId" IN (SELECT jsonb_array_elements_text($1::jsonb)) AND "messageId" IS NULL RETURNING "chatId", "refId", kind`,
          [json(refs)],
        );

  await withdrawDepartures(query, facts);

  const averages = await loadSubjectAverages(query, facts, recipients, new Date());
  const presence = await loadPresenceContext(query, facts, recipients);
  const items = plan({
    facts,
    recipients,
    classStudents,
    subjectNames: new Map(subjectRows.map((s) => [s.id, s.name])),
    withdrawn,
    averages,
    newsStudents,
    ...presence,
  });
  if (items.length > 0) await insertItems(query, items);
  await query(
    `UPDATE "Outbox" SET "processedAt" = now() WHERE id IN (SELECT (jsonb_array_elements_text($1::jsonb))::bigint)`,
    [json(facts.map((f) => f.id))],
  );
  return { facts: facts.length, items: items.length };
}

/** Returns how many were new: an item already written for its (outbox id, chat) is left as it is. */
export async function insertItems(query: TSqlQuery, items: TPlannedItem[]): Promise<number> {
  const rows = items.map((i) => ({ ...i, ingestedAt: i.ingestedAt.toISOString(), dueAt: i.dueAt.toISOString() }));
  const written = await query<{ id: string }>(
    `INSERT INTO "AlertItem" ("outboxId", "chatId", "studentId", type, kind, "refId", "groupKey", payload, "ingestedAt", "dueAt")
     SELECT "outboxId"::bigint, "chatId", "studentId", type, kind, "refId", "groupKey", payload, "ingestedAt"::timestamptz, "dueAt"::timestamptz
     FROM jsonb_to_recordset($1::jsonb) AS x("outboxId" text, "chatId" text, "studentId" text, type text, kind text, "refId" text, "groupKey" text, payload jsonb, "ingestedAt" text, "dueAt" text)
     ON CONFLICT ("outboxId", "chatId") DO NOTHING
     RETURNING id::text AS id`,
    [json(rows)],
  );
  return written.length;
}

interface TDueRow {
  id: string;
  chatId: string;
  groupKey: string;
  kind: TItemKind;
  payload: TItemPayload;
  ingestedAt: Date;
  locale: string | null;
}

export async function composeDueMessages(
  query: TSqlQuery,
  now: Date,
  limit: number,
  compose: Parameters<AlertStore['composeDue']>[2],
): Promise<string[]> {
  if (!(await locked(query, COMPOSE_LOCK))) return [];
  // A group goes out when its first item is due; the rest of the group rides along. "Due" also
  // waits for the planner: while facts ingested before the due time are still unplanned, they may
  // belong to the group (a backlog after a burst of grades would otherwise split every window).
  // The wait is capped, so a planner that is stuck on one fact does not hold back every alert.
  const rows = await query<TDueRow>(
    `WITH horizon AS (
       SELECT greatest(
         least($1::timestamptz, coalesce((SELECT min("createdAt") FROM "Outbox" WHERE "processedAt" IS NULL), $1::timestamptz)),
         $1::timestamptz - make_interval(secs => $3::float8)) AS at)
     SELECT i.id::text AS id, i."chatId", i."groupKey", i.kind, i.payload, i."ingestedAt", c.locale
     FROM "AlertItem" i
     JOIN (SELECT DISTINCT "chatId", "groupKey" FROM "AlertItem", horizon WHERE "messageId" IS NULL AND "dueAt" <= horizon.at LIMIT $2) g
       ON g."chatId" = i."chatId" AND g."groupKey" = i."groupKey"
     LEFT JOIN "Chat" c ON c.id = i."chatId"
     WHERE i."messageId" IS NULL
     ORDER BY i.id
     FOR UPDATE OF i`,
    [now.toISOString(), limit, MAX_PLANNER_WAIT_MS / 1000],
  );
  if (rows.length === 0) return [];
  const groups = new Map<string, TItemGroup>();
  for (const r of rows) {
    const key = `${r.chatId}\u0000${r.groupKey}`;
    const group = groups.get(key) ?? { chatId: r.chatId, locale: r.locale ?? 'ru', groupKey: r.groupKey, items: [] };
    group.items.push({ id: r.id, kind: r.kind, payload: r.payload, ingestedAt: new Date(r.ingestedAt) });
    groups.set(key, group);
  }
  const messages = [...groups.values()].map(compose);
  const ids = await query<{ id: string }>(
    `SELECT nextval(pg_get_serial_sequence('"AlertMessage"', 'id'))::text AS id FROM generate_series(1, $1::int)`,
    [messages.length],
  );
  const rowsToWrite = messages.map((m, n) => ({
    id: ids[n].id,
    chatId: m.chatId,
    text: m.text,
    itemCount: m.itemIds.length,
    ingestedAt: m.ingestedAt.toISOString(),
  }));
  await query(
    `INSERT INTO "AlertMessage" (id, "chatId", text, "itemCount", "ingestedAt", status, "nextAttemptAt", "createdAt")
     SELECT id::bigint, "chatId", text, "itemCount", "ingestedAt"::timestamptz, 'queued', now(), now()
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, "chatId" text, text text, "itemCount" int, "ingestedAt" text)`,
    [json(rowsToWrite)],
  );
  const links = messages.flatMap((m, n) => m.itemIds.map((itemId) => ({ itemId, messageId: ids[n].id })));
  await query(
    `UPDATE "AlertItem" i SET "messageId" = x."messageId"::bigint
     FROM jsonb_to_recordset($1::jsonb) AS x("itemId" text, "messageId" text) WHERE i.id = x."itemId"::bigint`,
    [json(links)],
  );
  return ids.map((r) => r.id);
}
