// The rule of a complete journal entry, as SQL over a lesson row `l`: the one definition the
// scan, the resolution of reminders, the teacher's questions and the admin view all use.
// A test counts as graded when every pupil marked present or late has a grade for the lesson;
// without attendance marks, when it has any grade at all.

export const MISSING_SQL = `array_remove(ARRAY[
    CASE WHEN l.topic IS NULL OR btrim(l.topic) = '' THEN 'topic' END,
    CASE WHEN NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."lessonId" = l.id) THEN 'attendance' END,
    CASE WHEN l."isTest" AND (
      EXISTS (SELECT 1 FROM "Attendance" a WHERE a."lessonId" = l.id AND a.status <> 'absent'
              AND NOT EXISTS (SELECT 1 FROM "Grade" g WHERE g."lessonId" = l.id AND g."studentId" = a."studentId" AND g."deletedAt" IS NULL))
      OR (NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."lessonId" = l.id)
          AND NOT EXISTS (SELECT 1 FROM "Grade" g WHERE g."lessonId" = l.id AND g."deletedAt" IS NULL))
    ) THEN 'grades' END
  ], NULL)::text[]`;

/** The school-local end of lesson `l` as an instant, in school `sc`'s zone. */
export const LESSON_END_SQL = `((l.date + l."end"::time) AT TIME ZONE sc.timezone)`;
