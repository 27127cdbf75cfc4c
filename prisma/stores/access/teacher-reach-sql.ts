import { REGULAR_LESSONS, type TReachDays, type TTeacherGrant } from '../../../core/access';

// A teacher's reach (core/access/teacher-reach.ts) in one statement: their lessons of the window
// around their school's today on Lesson(teacherId, date), their homeroom classes on
// SchoolClass(schoolId), and the pupils of every class granted on Student(classId). A lesson or
// homeroom in a class of another school than the teacher's grants nothing.

/** One row per teacher id: that teacher's days. */
export type TReachParam = TReachDays & { teacherId: string };

export type TGrantRow = { classId: string; subjectId: string | null; lessonId: string | null; day: string | null };
export type TReachStudentRow = { id: string; firstName: string; lastName: string; classId: string; schoolId: string };
export type TReachRow = { grants: TGrantRow[] | string | null; students: TReachStudentRow[] | string | null };

export const TEACHER_REACH_SQL = `
WITH t AS (
  SELECT x."teacherId", te."schoolId", x.today, x."regularFrom", x."aheadTo", x."substitutionFrom"
    FROM jsonb_to_recordset($1::jsonb) AS x("teacherId" text, today date, "regularFrom" date, "aheadTo" date, "substitutionFrom" date)
    JOIN "Teacher" te ON te.id = x."teacherId"
),
taught AS (
  SELECT l.id, l."classId", l."subjectId", l.date, t."teacherId", t.today, t."substitutionFrom"
    FROM t
    JOIN "Lesson" l ON l."teacherId" = t."teacherId" AND l.date BETWEEN t."regularFrom" AND t."aheadTo" AND l."deletedAt" IS NULL
    JOIN "SchoolClass" c ON c.id = l."classId" AND c."schoolId" = t."schoolId"
),
regular AS (
  SELECT "classId", "subjectId" FROM taught
   GROUP BY "teacherId", "classId", "subjectId", today
  HAVING count(*) FILTER (WHERE date <= today) >= $2::int OR bool_or(date > today)
),
grants AS (
  SELECT c.id AS "classId", NULL::text AS "subjectId", NULL::text AS "lessonId", NULL::text AS day
    FROM t JOIN "SchoolClass" c ON c."schoolId" = t."schoolId" AND c."homeroomTeacherId" = t."teacherId"
  UNION ALL
  SELECT "classId", "subjectId", NULL, NULL FROM regular
  UNION ALL
  SELECT x."classId", x."subjectId", x.id, x.date::text FROM taught x
   WHERE x.date BETWEEN x."substitutionFrom" AND x.today
     AND NOT EXISTS (SELECT 1 FROM regular r WHERE r."classId" = x."classId" AND r."subjectId" = x."subjectId")
)
SELECT (SELECT json_agg(g) FROM grants g) AS grants,
       (SELECT json_agg(json_build_object('id', s.id, 'firstName', s."firstName", 'lastName', s."lastName", 'classId', s."classId", 'schoolId', s."schoolId")
                 ORDER BY s."classId", s."lastName", s.id)
          FROM "Student" s WHERE s."classId" IN (SELECT "classId" FROM grants)) AS students`;

export const teacherReachParams = (days: readonly TReachParam[]): unknown[] => [JSON.stringify(days), REGULAR_LESSONS];

const asArray = <T>(value: T[] | string | null): T[] =>
  typeof value === 'string' ? (JSON.parse(value) as T[]) : (value ?? []);

export function toReachRows(row: TReachRow | undefined): { grants: TTeacherGrant[]; students: TReachStudentRow[] } {
  const grants = asArray(row?.grants ?? null).map((g) => ({
    classId: g.classId,
    subjectId: g.subjectId,
    lesson: g.lessonId && g.day ? { id: g.lessonId, date: g.day } : null,
  }));
  return { grants, students: asArray(row?.students ?? null) };
}
