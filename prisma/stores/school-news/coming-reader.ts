import type { TAccessEntry, TTeacherGrant } from '../../../core/access';
import type { ComingReader, TComingTest, TSchoolEventItem } from '../../../core/school-news';
import type { Database, TSqlQuery } from '../../db/database';
import { accessLogInsert, accessLogParams } from '../access/access-log-store';
import { diaryLimits } from '../diary/diary-grants';

// Tests and school events coming. Each method is one prepared statement for all the students of a
// question: the requests travel as parallel arrays (unnest … WITH ORDINALITY), each row comes back
// numbered with the request it answers, and the access-log entries are inserted by the same
// statement (a data-modifying WITH runs whether or not the select reads it). The class and school
// are read from the Student row, so a request can reach no other class's or school's data. On the
// indexes Lesson(classId, date) and SchoolEvent(schoolId, date). Days come back as text.

// A cancelled or deleted test will not be written. Its number counts the class's lessons held that
// day up to it («2-й урок»). The grants (a teacher's, prisma/stores/diary/diary-grants.ts) are the
// fourth parameter and name the lesson `l`, as the diary's do.
const TESTS_SQL = `SELECT q.n::int AS n, l.id, l.date::text AS date, l.start, l."end", sub.name AS subject, l.topic,
    (SELECT count(*) FROM "Lesson" o WHERE o."classId" = l."classId" AND o.date = l.date
      AND o."deletedAt" IS NULL AND NOT o.cancelled AND o.start <= l.start)::int AS "lessonNumber"
  FROM unnest($1::text[], $2::date[], $3::date[], /*subjects*/::text[]) WITH ORDINALITY AS q(id, "from", "to", subject, n)
  JOIN "Student" st ON st.id = q.id
  JOIN "Lesson" l ON l."classId" = st."classId" AND l.date BETWEEN q."from" AND q."to"
    AND l."isTest" AND l."deletedAt" IS NULL AND NOT l.cancelled
  JOIN "Subject" sub ON sub.id = l."subjectId"
  WHERE (q.subject IS NULL OR sub.name = q.subject) /*limit*/
  ORDER BY q.n, l.date, l.start, l.id`;

// An event with no classes is the whole school's.
const EVENTS_SQL = `SELECT q.n::int AS n, e.id, e.title, e.date::text AS date, e.start, e."end", e.place,
    e."onlineUrl", e.description
  FROM unnest($1::text[], $2::date[], $3::date[]) WITH ORDINALITY AS q(id, "from", "to", n)
  JOIN "Student" st ON st.id = q.id
  JOIN "SchoolEvent" e ON e."schoolId" = st."schoolId" AND e.date BETWEEN q."from" AND q."to"
    AND e."deletedAt" IS NULL AND (cardinality(e."classIds") = 0 OR st."classId" = ANY(e."classIds"))
  ORDER BY q.n, e.date, e.start NULLS FIRST, e.id`;

/** The insert of the access-log entries in front of a read: stored exactly when the data is read. */
function withAccessLog(sql: string, params: unknown[], entries: readonly TAccessEntry[]): [string, unknown[]] {
  if (entries.length === 0) return [sql, params];
  return [`WITH logged AS (${accessLogInsert(params.length + 1)}) ${sql}`, [...params, ...accessLogParams(entries)]];
}

type TNumbered<T> = T & { n: number };

/** Rows numbered by request (1-based, as ORDINALITY counts), gathered per request. */
function perRequest<T>(rows: TNumbered<T>[], count: number): T[][] {
  const out: T[][] = Array.from({ length: count }, () => []);
  for (const { n, ...row } of rows) out[Number(n) - 1]?.push(row as T);
  return out;
}

export function createComingReader(db: Database): ComingReader {
  // Asked with every such question (and events with every day's timetable): prepared.
  const query: TSqlQuery = db.sql.prepared;

  return {
    async tests(requests, accessEntries, grants = null) {
      if (requests.length === 0) return [];
      // The grants' condition joins the lesson by its class; diaryLimits keys them by class only.
      const limit = diaryLimits(grants as readonly TTeacherGrant[] | null, []).lessons;
      const params: unknown[] = [
        requests.map((r) => r.studentId),
        requests.map((r) => r.range.from),
        requests.map((r) => r.range.to),
        ...limit.params,
      ];
      const sql = TESTS_SQL.replace('/*limit*/', limit.sql).replace('/*subjects*/', `$${params.length + 1}`);
      const rows = await query<TNumbered<TComingTest>>(
        ...withAccessLog(sql, [...params, requests.map((r) => r.subject ?? null)], accessEntries),
      );
      return perRequest(
        rows.map((r) => ({ ...r, lessonNumber: Number(r.lessonNumber) })),
        requests.length,
      );
    },

    async events(requests, accessEntries) {
      if (requests.length === 0) return [];
      const params = [
        requests.map((r) => r.studentId),
        requests.map((r) => r.range.from),
        requests.map((r) => r.range.to),
      ];
      const rows = await query<TNumbered<TSchoolEventItem>>(...withAccessLog(EVENTS_SQL, params, accessEntries));
      return perRequest(rows, requests.length);
    },
  };
}
