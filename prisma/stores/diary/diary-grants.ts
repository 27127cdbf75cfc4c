import type { TTeacherGrant } from '../../../core/access';
import type { TDiaryStudent } from '../../../core/diary';

// A teacher's diary read is limited by their grants (core/access/teacher-reach.ts) in the
// statement that reads: each part gets one more condition, an EXISTS over the grants passed as
// one JSON parameter, so rows the teacher may not see are never read. A family's read has no
// such condition and its statements are unchanged.

type TGrantRow = {
  classId: string;
  studentId?: string;
  subjectId: string | null;
  lessonId: string | null;
  day: string | null;
};

const toRow = (g: TTeacherGrant): TGrantRow => ({
  classId: g.classId,
  subjectId: g.subjectId,
  lessonId: g.lesson?.id ?? null,
  day: g.lesson?.date ?? null,
});

function studentRows(
  grants: readonly TTeacherGrant[],
  students: readonly Pick<TDiaryStudent, 'id' | 'classId'>[],
): TGrantRow[] {
  return students.flatMap((s) =>
    grants.filter((g) => g.classId === s.classId).map((g) => ({ ...toRow(g), studentId: s.id })),
  );
}

// The grants are each part's fourth parameter, after its ids and days.
const RECORDS = `("classId" text, "studentId" text, "subjectId" text, "lessonId" text, day date)`;

/**
 * Grades of `g` the grants show: every subject, the grant's subject, or a substitution's lesson —
 * its grades, and those of its subject on its date that name no lesson.
 */
const GRADES_GRANTED = `AND EXISTS (SELECT 1 FROM jsonb_to_recordset($4::jsonb) AS a${RECORDS}
  WHERE a."studentId" = g."studentId" AND (a."subjectId" IS NULL OR a."subjectId" = g."subjectId")
    AND (a."lessonId" IS NULL OR g."lessonId" = a."lessonId" OR (g."lessonId" IS NULL AND g.date = a.day)))`;

/** Homework of `h`: a substitution shows none. */
const HOMEWORK_GRANTED = `AND EXISTS (SELECT 1 FROM jsonb_to_recordset($4::jsonb) AS a${RECORDS}
  WHERE a."classId" = h."classId" AND a."lessonId" IS NULL AND (a."subjectId" IS NULL OR a."subjectId" = h."subjectId"))`;

/** Lessons of `l`: a substitution shows only its own lesson. */
const LESSONS_GRANTED = `AND EXISTS (SELECT 1 FROM jsonb_to_recordset($4::jsonb) AS a${RECORDS}
  WHERE a."classId" = l."classId" AND (a."subjectId" IS NULL OR a."subjectId" = l."subjectId") AND (a."lessonId" IS NULL OR a."lessonId" = l.id))`;

/** A condition on a part's rows and the parameter it adds. */
export interface TPartLimit {
  sql: string;
  params: unknown[];
}

const NONE: TPartLimit = { sql: '', params: [] };
const NO_LIMITS = { grades: NONE, homework: NONE, lessons: NONE };

/**
 * The conditions of each part for these grants; none for a read without grants. Grades name
 * their student rather than the class, so theirs are keyed by student.
 */
export function diaryLimits(
  grants: readonly TTeacherGrant[] | null,
  students: readonly Pick<TDiaryStudent, 'id' | 'classId'>[],
): { grades: TPartLimit; homework: TPartLimit; lessons: TPartLimit } {
  if (!grants) return NO_LIMITS;
  const byClass = JSON.stringify(grants.map(toRow));
  return {
    grades: { sql: GRADES_GRANTED, params: [JSON.stringify(studentRows(grants, students))] },
    homework: { sql: HOMEWORK_GRANTED, params: [byClass] },
    lessons: { sql: LESSONS_GRANTED, params: [byClass] },
  };
}
