import type { TAccessEntry } from '../../../core/access';
import {
  daysLeft,
  periodsOfSchoolYear,
  roundingOrDefault,
  schoolYearOf,
  type TermReader,
  type TFinalGradeItem,
  type TLessonsLeft,
  type TPeriodRow,
  type TSubjectTally,
  type TTermGrade,
  type TTopicTally,
} from '../../../core/terms';
import type { Database, TSqlQuery } from '../../db/database';
import { accessLogInsert, accessLogParams } from '../access/access-log-store';
import { diaryLimits } from '../diary/diary-grants';
import { FINAL_GRADES_GRANTED, finalGradeGrants } from './term-grants';

// The term-results read model. Each part is one prepared statement for all the students asked
// about, whatever their ranges: the requests travel as parallel arrays (unnest … WITH ORDINALITY),
// so each row comes back numbered with the request it answers. On the indexes Grade(studentId,
// date), Lesson(classId, date), FinalGrade(studentId, periodId) and Period(schoolId, start). Days
// travel as text, so no driver's date parsing can shift one.

const SCHOOL_TERMS_SQL = `SELECT q.n::int AS n, s.rounding,
    COALESCE((SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, 'start', p.start::text, 'end', p."end"::text))
      FROM "Period" p WHERE p."schoolId" = q."schoolId" AND p."deletedAt" IS NULL AND p.start BETWEEN q."from" AND q."to"), '[]'::json) AS periods
  FROM unnest($1::text[], $2::date[], $3::date[]) WITH ORDINALITY AS q("schoolId", "from", "to", n)
  LEFT JOIN "School" s ON s.id = q."schoolId"`;

const GRADES_SQL = `SELECT q.n::int AS n, g.id, g.date::text AS date, g."subjectId", sub.name AS subject, g.value, g.weight, g."workType",
    g.comment, g."lessonId", CASE WHEN l."deletedAt" IS NULL THEN l.topic END AS topic
  FROM unnest($1::text[], $2::date[], $3::date[]) WITH ORDINALITY AS q(id, "from", "to", n)
  JOIN "Grade" g ON g."studentId" = q.id AND g.date BETWEEN q."from" AND q."to" AND g."deletedAt" IS NULL
  JOIN "Subject" sub ON sub.id = g."subjectId"
  LEFT JOIN "Lesson" l ON l.id = g."lessonId"
  WHERE true /*limit*/
  ORDER BY q.n, g.date, g."createdAt", g.id`;

// The sums behind an average (as core/diary's weightedAverage counts: a mark 1–5 does, a pass or
// a fail does not): a year of a pupil's grades comes back as a row per subject.
const MARK = `g.value IN ('1', '2', '3', '4', '5')`;
// Summed first and named after: the subject's name is looked up once per subject, not per grade.
const SUBJECTS_SQL = `SELECT t.*, sub.name AS subject FROM (
    SELECT q.n::int AS n, g."subjectId", count(*)::int AS count,
      coalesce(sum(CASE WHEN ${MARK} THEN g.value::int * g.weight END), 0)::int AS sum,
      coalesce(sum(CASE WHEN ${MARK} THEN g.weight END), 0)::int AS weights,
      coalesce(max(CASE WHEN ${MARK} THEN g.weight END), 0)::int AS heaviest
    FROM unnest($1::text[], $2::date[], $3::date[]) WITH ORDINALITY AS q(id, "from", "to", n)
    JOIN "Grade" g ON g."studentId" = q.id AND g.date BETWEEN q."from" AND q."to" AND g."deletedAt" IS NULL
    WHERE true /*limit*/
    GROUP BY q.n, g."subjectId"
  ) t JOIN "Subject" sub ON sub.id = t."subjectId"`;

// The marks per topic of the lessons they were given in; the dates travel as one string.
const TOPICS_SQL = `SELECT q.n::int AS n, sub.name AS subject, l.topic,
    sum(g.value::int * g.weight)::int AS sum, sum(g.weight)::int AS weights,
    string_agg(g.date::text, ',' ORDER BY g.date, g.id) AS dates
  FROM unnest($1::text[], $2::date[], $3::date[]) WITH ORDINALITY AS q(id, "from", "to", n)
  JOIN "Grade" g ON g."studentId" = q.id AND g.date BETWEEN q."from" AND q."to" AND g."deletedAt" IS NULL AND ${MARK}
  JOIN "Lesson" l ON l.id = g."lessonId" AND l."deletedAt" IS NULL AND l.topic IS NOT NULL
  JOIN "Subject" sub ON sub.id = g."subjectId"
  WHERE true /*limit*/
  GROUP BY q.n, sub.name, l.topic`;

// A cancelled lesson will not be held, so it is not one left.
const LESSONS_LEFT_SQL = `SELECT q.n::int AS n, l."subjectId", sub.name AS subject, count(*)::int AS count
  FROM unnest($1::text[], $2::date[], $3::date[]) WITH ORDINALITY AS q("classId", "from", "to", n)
  JOIN "Lesson" l ON l."classId" = q."classId" AND l.date BETWEEN q."from" AND q."to" AND l."deletedAt" IS NULL AND NOT l.cancelled
  JOIN "Subject" sub ON sub.id = l."subjectId"
  WHERE true /*limit*/
  GROUP BY q.n, l."subjectId", sub.name
  ORDER BY q.n, sub.name`;

const FINAL_GRADES_SQL = `SELECT q.n, f.id, f."periodId", f."subjectId", sub.name AS subject, f.value, f.comment
  FROM unnest($1::int[], $2::text[], $3::text[]) AS q(n, "studentId", "periodId")
  JOIN "FinalGrade" f ON f."studentId" = q."studentId" AND f."periodId" = q."periodId" AND f."deletedAt" IS NULL
  JOIN "Period" p ON p.id = f."periodId" AND p."deletedAt" IS NULL
  JOIN "Subject" sub ON sub.id = f."subjectId"
  WHERE true /*limit*/
  ORDER BY q.n, p.start, p."end", sub.name, f.id`;

const limited = (sql: string, limit: string) => sql.replace('/*limit*/', limit);

/** The insert of the access-log entries in front of a read: stored exactly when the data is read. */
function withAccessLog(sql: string, params: unknown[], entries: readonly TAccessEntry[]): [string, unknown[]] {
  return [`WITH logged AS (${accessLogInsert(params.length + 1)}) ${sql}`, [...params, ...accessLogParams(entries)]];
}

type TNumbered<T> = T & { n: number };
type TTopicRow = Omit<TTopicTally, 'dates'> & { dates: string };
type TSchoolRow = { n: number; rounding: unknown; periods: TPeriodRow[] | string };

/** Rows numbered by request (1-based, as ORDINALITY counts), gathered per request. */
function perRequest<T>(rows: TNumbered<T>[], count: number): T[][] {
  const out: T[][] = Array.from({ length: count }, () => []);
  for (const { n, ...row } of rows) out[Number(n) - 1]?.push(row as T);
  return out;
}

export function createTermReader(db: Database): TermReader {
  // Asked with every term question: prepared, each is planned once per connection.
  const query: TSqlQuery = db.sql.prepared;
  return {
    async schoolTerms(schools) {
      if (schools.length === 0) return [];
      const years = schools.map((s) => schoolYearOf(s.day));
      const rows = await query<TSchoolRow>(SCHOOL_TERMS_SQL, [
        schools.map((s) => s.schoolId),
        years.map((y) => y.start),
        years.map((y) => y.end),
      ]);
      const byRequest = new Map(rows.map((r) => [Number(r.n), r]));
      return schools.map((s, i) => {
        const row = byRequest.get(i + 1);
        const stored =
          typeof row?.periods === 'string' ? (JSON.parse(row.periods) as TPeriodRow[]) : (row?.periods ?? []);
        return {
          schoolId: s.schoolId,
          ...periodsOfSchoolYear(stored, s.day),
          rounding: roundingOrDefault(row?.rounding),
        };
      });
    },

    async studentTerms(requests, wants, accessEntries, grants = null) {
      if (requests.length === 0) return [];
      // The access-log entries ride with the first part read, in the same statement.
      let unlogged: readonly TAccessEntry[] | null = accessEntries.length > 0 ? accessEntries : null;
      const run = <T>(sql: string, params: unknown[]): Promise<T[]> => {
        const entries = unlogged;
        unlogged = null;
        return entries ? query<T>(...withAccessLog(sql, params, entries)) : query<T>(sql, params);
      };
      const students = requests.map((r) => ({ id: r.studentId, classId: r.classId }));
      const limit = diaryLimits(grants, students);
      const finals = requests.flatMap((r, i) => r.periodIds.map((periodId) => ({ n: i + 1, r, periodId })));
      // Requests with no day left have no lesson left: they are not sent.
      const ahead = requests.flatMap((r, i) => {
        const days = daysLeft(r.range, r.today);
        return days ? [{ n: i + 1, classId: r.classId, days }] : [];
      });
      const none = <T>(): Promise<T[]> => Promise.resolve([]);

      const gradeParams = [
        requests.map((r) => r.studentId),
        requests.map((r) => r.range.from),
        requests.map((r) => r.range.to),
        ...limit.grades.params,
      ];
      const [grades, subjects, topics, lessonsLeft, finalGrades] = await Promise.all([
        wants.grades
          ? run<TNumbered<TTermGrade>>(limited(GRADES_SQL, limit.grades.sql), gradeParams)
          : none<TNumbered<TTermGrade>>(),
        wants.subjects
          ? run<TNumbered<TSubjectTally>>(limited(SUBJECTS_SQL, limit.grades.sql), gradeParams)
          : none<TNumbered<TSubjectTally>>(),
        wants.topics
          ? run<TNumbered<TTopicRow>>(limited(TOPICS_SQL, limit.grades.sql), gradeParams)
          : none<TNumbered<TTopicRow>>(),
        wants.lessonsLeft && ahead.length > 0
          ? run<TNumbered<TLessonsLeft>>(limited(LESSONS_LEFT_SQL, limit.lessons.sql), [
              ahead.map((a) => a.classId),
              ahead.map((a) => a.days.from),
              ahead.map((a) => a.days.to),
              ...limit.lessons.params,
            ])
          : none<TNumbered<TLessonsLeft>>(),
        wants.finalGrades && finals.length > 0
          ? run<TNumbered<TFinalGradeItem>>(limited(FINAL_GRADES_SQL, grants ? FINAL_GRADES_GRANTED : ''), [
              finals.map((f) => f.n),
              finals.map((f) => f.r.studentId),
              finals.map((f) => f.periodId),
              ...(grants ? [finalGradeGrants(grants, requests)] : []),
            ])
          : none<TNumbered<TFinalGradeItem>>(),
      ]);
      // Nothing was read (no part wanted, or no period named): the entries still are what the caller shows.
      if (unlogged) await run('SELECT 1', []);

      const gradesOf = perRequest(grades, requests.length);
      // Numbered by their place in `ahead`: back to the request's.
      const leftOf = perRequest(
        lessonsLeft.map((row) => ({ ...row, n: ahead[Number(row.n) - 1].n })),
        requests.length,
      );
      const finalsOf = perRequest(finalGrades, requests.length);
      const subjectsOf = perRequest(subjects, requests.length);
      const topicsOf = perRequest(
        topics.map((t) => ({ ...t, dates: t.dates.split(',') })),
        requests.length,
      );
      return requests.map((_, i) => ({
        grades: gradesOf[i],
        subjects: subjectsOf[i],
        topics: topicsOf[i],
        finalGrades: finalsOf[i],
        lessonsLeft: leftOf[i],
      }));
    },
  };
}
