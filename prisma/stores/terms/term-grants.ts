import type { TTeacherGrant } from '../../../core/access';

// A teacher's term read is limited by their grants (core/access/teacher-reach.ts) in the statement
// that reads, as the diary's is (prisma/stores/diary/diary-grants.ts, whose conditions the grades
// and lessons parts reuse). Final grades get their own: a teacher sees the period marks of the
// subjects they teach the class regularly, a class teacher all of the class's, and a substitution
// none — one lesson given is no reason to see a pupil's term.

/** The final grades of `f` the grants show; the grants are the statement's fourth parameter. */
export const FINAL_GRADES_GRANTED = `AND EXISTS (SELECT 1 FROM jsonb_to_recordset($4::jsonb) AS a("studentId" text, "subjectId" text)
  WHERE a."studentId" = f."studentId" AND (a."subjectId" IS NULL OR a."subjectId" = f."subjectId"))`;

/** The fourth parameter of FINAL_GRADES_GRANTED: each student's non-substitution grants. */
export function finalGradeGrants(
  grants: readonly TTeacherGrant[],
  students: readonly { studentId: string; classId: string }[],
): string {
  return JSON.stringify(
    students.flatMap((s) =>
      grants
        .filter((g) => g.classId === s.classId && g.lesson === null)
        .map((g) => ({ studentId: s.studentId, subjectId: g.subjectId })),
    ),
  );
}
