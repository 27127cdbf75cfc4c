import type { AlertStore } from '../../../core/alerts';
import type { TSqlQuery } from '../../db/database';
import { insertItems, loadRecipients } from './alert-planning-store';

// The evening scan of tomorrow's tests (core/alerts/plan-coming.ts). It starts from the enabled
// 'tests' subscriptions whose chosen time has come in the school's zone, so before 18:00 (and where
// nobody asked) it is one small read; the class's lessons of tomorrow come through Lesson's
// (classId, date) index. A cancelled, removed or moved test is not tomorrow's any more and is not
// found. A person whose chats already hold the reminder is skipped (AlertItem's refId index), so
// the scans after the first write nothing; the items' unique (outbox id, chat) keeps concurrent
// scans — of several workers — to one reminder per pupil's test and chat.

type TScan = NonNullable<AlertStore['scanTestsTomorrow']>;

export async function scanTestsTomorrow(
  query: TSqlQuery,
  now: Date,
  defaultTime: string,
  plan: Parameters<TScan>[2],
): Promise<number> {
  const found = await query<{
    lessonId: string;
    studentId: string;
    subjectName: string;
    date: string;
    start: string;
    topic: string | null;
  }>(
    `WITH sub AS (
       SELECT DISTINCT s."personId", st.id AS "studentId", st."classId",
         ($1::timestamptz AT TIME ZONE sc.timezone)::date + 1 AS day
       FROM "Subscription" s
       JOIN "Student" st ON st.id = s."studentId"
       JOIN "School" sc ON sc.id = st."schoolId"
       WHERE s.type = 'tests' AND s.enabled
         AND to_char($1::timestamptz AT TIME ZONE sc.timezone, 'HH24:MI') >= coalesce(s."digestTime", $2)
     )
     SELECT DISTINCT l.id AS "lessonId", u."studentId", j.name AS "subjectName", l.date::text AS date, l.start, l.topic
     FROM sub u
     JOIN "Lesson" l ON l."classId" = u."classId" AND l.date = u.day
     JOIN "Subject" j ON j.id = l."subjectId"
     WHERE l."isTest" AND NOT l.cancelled AND l."deletedAt" IS NULL
       AND NOT EXISTS (
         SELECT 1 FROM "AlertItem" i JOIN "Chat" c ON c.id = i."chatId"
         WHERE i."refId" = 'tt:' || l.id || ':' || l.date::text AND i."studentId" = u."studentId"
           AND c."personId" = u."personId")`,
    [now.toISOString(), defaultTime],
  );
  if (found.length === 0) return 0;
  const recipients = await loadRecipients(query, [...new Set(found.map((f) => f.studentId))]);
  const items = plan(found, recipients);
  if (items.length === 0) return 0;
  return insertItems(query, items);
}
