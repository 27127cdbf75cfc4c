import type { TAccessEntry, TTeacherGrant } from '../../../core/access';
import type {
  PresenceReader,
  TAbsenceTally,
  TAttendanceRequest,
  TAttendanceStatus,
  TMarkedLesson,
} from '../../../core/presence';
import type { Database, TSqlQuery } from '../../db/database';
import { accessLogInsert, accessLogParams } from '../access/access-log-store';
import { diaryLimits } from '../diary/diary-grants';

// The presence read model. Each method is one prepared statement for all the students of a
// question: the requests travel as parallel arrays (unnest … WITH ORDINALITY), each row comes back
// numbered with the request it answers, and the access-log entries are inserted by the same
// statement (a data-modifying WITH runs whether or not the select reads it). On the indexes
// Pass(studentId, at), Attendance(studentId) and Lesson(classId, date). Instants travel as ISO text
// and come back as epoch milliseconds, days as text: no driver's parsing can shift either.

// The school "sends passes" once it has sent one: School.lastPassAt is set by ingestion.
const PASSES_SQL = `SELECT q.n::int AS n, (s."lastPassAt" IS NOT NULL) AS sends,
    COALESCE((SELECT json_agg(json_build_object('at', floor(extract(epoch FROM p.at) * 1000), 'direction', p.direction, 'place', p.place) ORDER BY p.at, p.id)
      FROM "Pass" p WHERE p."studentId" = q.id AND p.at >= q."from" AND p.at < q."to"), '[]'::json) AS passes
  FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS q(id, "from", "to", n)
  LEFT JOIN "Student" st ON st.id = q.id
  LEFT JOIN "School" s ON s.id = st."schoolId"`;

// A cancelled lesson was not held and a deleted one never was: neither is missed. The grants
// (a teacher's, prisma/stores/diary/diary-grants.ts) are the fourth parameter and name the lesson
// `l`, as the diary's do: a teacher sees the marks of the lessons they may see.
const ABSENCES_SQL = `SELECT t.n, sub.name AS subject, t.absent, t.late FROM (
    SELECT q.n::int AS n, l."subjectId",
      count(*) FILTER (WHERE a.status = 'absent')::int AS absent,
      count(*) FILTER (WHERE a.status = 'late')::int AS late
    FROM unnest($1::text[], $2::date[], $3::date[]) WITH ORDINALITY AS q(id, "from", "to", n)
    JOIN "Attendance" a ON a."studentId" = q.id AND a.status IN ('absent', 'late')
    JOIN "Lesson" l ON l.id = a."lessonId" AND l.date BETWEEN q."from" AND q."to" AND l."deletedAt" IS NULL AND NOT l.cancelled
    WHERE true /*limit*/
    GROUP BY q.n, l."subjectId"
  ) t JOIN "Subject" sub ON sub.id = t."subjectId"
  ORDER BY t.n, sub.name`;

const LESSONS_SQL = `SELECT q.n::int AS n, l.id, l.date::text AS date, l.start, l."end", sub.name AS subject, a.status
  FROM unnest($1::text[], $2::date[], $3::date[], /*classes*/::text[]) WITH ORDINALITY AS q(id, "from", "to", "classId", n)
  JOIN "Lesson" l ON l."classId" = q."classId" AND l.date BETWEEN q."from" AND q."to" AND l."deletedAt" IS NULL AND NOT l.cancelled
  JOIN "Subject" sub ON sub.id = l."subjectId"
  LEFT JOIN "Attendance" a ON a."lessonId" = l.id AND a."studentId" = q.id
  WHERE true /*limit*/
  ORDER BY q.n, l.date, l.start, l.id`;

const limited = (sql: string, limit: string) => sql.replace('/*limit*/', limit);

/** The insert of the access-log entries in front of a read: stored exactly when the data is read. */
function withAccessLog(sql: string, params: unknown[], entries: readonly TAccessEntry[]): [string, unknown[]] {
  if (entries.length === 0) return [sql, params];
  return [`WITH logged AS (${accessLogInsert(params.length + 1)}) ${sql}`, [...params, ...accessLogParams(entries)]];
}

type TNumbered<T> = T & { n: number };
type TPassJson = { at: number | string; direction: string; place: string | null };
type TPassRow = { n: number; sends: boolean; passes: TPassJson[] | string };

/** Rows numbered by request (1-based, as ORDINALITY counts), gathered per request. */
function perRequest<T>(rows: TNumbered<T>[], count: number): T[][] {
  const out: T[][] = Array.from({ length: count }, () => []);
  for (const { n, ...row } of rows) out[Number(n) - 1]?.push(row as T);
  return out;
}

const STATUSES = new Set<string>(['present', 'absent', 'late']);

export function createPresenceReader(db: Database): PresenceReader {
  // Asked with every presence question: prepared, each is planned once per connection.
  const query: TSqlQuery = db.sql.prepared;

  /** The ranges' parameters, then the grants' condition and parameter: the fourth (diary-grants.ts numbers it so). */
  function attendanceParams(requests: readonly TAttendanceRequest[], grants: readonly TTeacherGrant[] | null) {
    const students = requests.map((r) => ({ id: r.studentId, classId: r.classId }));
    const limit = diaryLimits(grants, students).lessons;
    const params: unknown[] = [
      requests.map((r) => r.studentId),
      requests.map((r) => r.range.from),
      requests.map((r) => r.range.to),
      ...limit.params,
    ];
    return { limit: limit.sql, params };
  }

  return {
    async passes(requests, accessEntries) {
      if (requests.length === 0) return [];
      const rows = await query<TPassRow>(
        ...withAccessLog(
          PASSES_SQL,
          [
            requests.map((r) => r.studentId),
            requests.map((r) => r.from.toISOString()),
            requests.map((r) => r.to.toISOString()),
          ],
          accessEntries,
        ),
      );
      const byRequest = new Map(rows.map((r) => [Number(r.n), r]));
      return requests.map((_, i) => {
        const row = byRequest.get(i + 1);
        const passes = typeof row?.passes === 'string' ? (JSON.parse(row.passes) as TPassJson[]) : (row?.passes ?? []);
        return {
          schoolSendsPasses: row?.sends === true,
          passes: passes.map((p) => ({
            at: new Date(Number(p.at)),
            direction: p.direction === 'out' ? 'out' : 'in',
            place: p.place ?? null,
          })),
        };
      });
    },

    async absences(requests, accessEntries, grants = null) {
      if (requests.length === 0) return [];
      const { limit, params } = attendanceParams(requests, grants);
      const rows = await query<TNumbered<TAbsenceTally>>(
        ...withAccessLog(limited(ABSENCES_SQL, limit), params, accessEntries),
      );
      return perRequest(rows, requests.length);
    },

    async lessons(requests, accessEntries, grants = null) {
      if (requests.length === 0) return [];
      const { limit, params } = attendanceParams(requests, grants);
      // The class ids follow the grants, when there are any.
      const sql = limited(LESSONS_SQL, limit).replace('/*classes*/', `$${params.length + 1}`);
      const rows = await query<TNumbered<TMarkedLesson & { status: string | null }>>(
        ...withAccessLog(sql, [...params, requests.map((r) => r.classId)], accessEntries),
      );
      return perRequest(
        rows.map((r) => ({
          ...r,
          status: r.status && STATUSES.has(r.status) ? (r.status as TAttendanceStatus) : null,
        })),
        requests.length,
      );
    },
  };
}
