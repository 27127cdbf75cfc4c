import type { AlertStore } from '../../../core/alerts';
import type { TSqlQuery } from '../../db/database';
import { insertItems, loadRecipients } from './alert-planning-store';

// The "no pass by the first lesson" scan (core/alerts/plan-no-pass.ts). It starts from the
// enabled no-pass subscriptions, so a deployment where nobody asked for it pays one small read;
// the rest goes through indexes: the class's lessons of the day (Lesson by class and date) and
// the pupil's passes of the day (Pass by student and time). The items' unique (outbox id, chat)
// makes a second scan — or another worker's — write nothing new.

type TScan = NonNullable<AlertStore['scanMissingPasses']>;

export async function scanMissingPasses(
  query: TSqlQuery,
  now: Date,
  latestMs: number,
  plan: Parameters<TScan>[2],
): Promise<number> {
  const found = await query<{ studentId: string; day: string; start: string }>(
    `WITH pupil AS (
       SELECT DISTINCT st.id AS "studentId", st."classId", sc.timezone,
         ($1::timestamptz AT TIME ZONE sc.timezone)::date AS day
       FROM "Subscription" s
       JOIN "Student" st ON st.id = s."studentId"
       JOIN "School" sc ON sc.id = st."schoolId"
       WHERE s.type = 'no-pass' AND s.enabled AND sc."lastPassAt" > $1::timestamptz - interval '7 days'
     )
     SELECT p."studentId", p.day::text AS day, f.start
     FROM pupil p
     CROSS JOIN LATERAL (
       SELECT l.start FROM "Lesson" l
       WHERE l."classId" = p."classId" AND l.date = p.day AND l."deletedAt" IS NULL AND NOT l.cancelled
       ORDER BY l.start LIMIT 1
     ) f
     WHERE ((p.day + f.start::time) AT TIME ZONE p.timezone) <= $1::timestamptz
       AND ((p.day + f.start::time) AT TIME ZONE p.timezone) > $1::timestamptz - make_interval(secs => $2::float8)
       AND NOT EXISTS (
         SELECT 1 FROM "Pass" x WHERE x."studentId" = p."studentId" AND x.direction = 'in'
           AND x.at >= (p.day::timestamp AT TIME ZONE p.timezone) AND x.at <= $1::timestamptz)`,
    [now.toISOString(), latestMs / 1000],
  );
  if (found.length === 0) return 0;
  const recipients = await loadRecipients(query, [...new Set(found.map((f) => f.studentId))]);
  const items = plan(found, recipients);
  if (items.length === 0) return 0;
  return insertItems(query, items);
}
