import type { TDateRange, TDiaryStudent, TTimetableOutline } from '../../../core/diary';
import type { TSqlQuery } from '../../db/database';

// The outline of a class's timetable: one row per class and day with lessons, on the
// Lesson(classId, date) index, so a few weeks of a family's classes are a few dozen rows. Only
// the classes of the students asked about are read; a lesson's subject is always one of its
// class's school (ingestion refuses anything else), so a subject of the same name at another
// school can never count. The subject is matched by name, as answers filter their items.

const OUTLINE_SQL = `SELECT l."classId", l.date::text AS day, COALESCE(bool_or(s.name = $4::text), false) AS "hasSubject"
  FROM "Lesson" l JOIN "Subject" s ON s.id = l."subjectId"
  WHERE l."classId" = ANY($1::text[]) AND l.date BETWEEN $2::date AND $3::date AND l."deletedAt" IS NULL
  GROUP BY l."classId", l.date
  ORDER BY l."classId", l.date`;

type TOutlineRow = { classId: string; day: string; hasSubject: boolean };

export async function readTimetableOutlines(
  query: TSqlQuery,
  students: readonly Pick<TDiaryStudent, 'classId'>[],
  range: TDateRange,
  subject: string | null,
): Promise<TTimetableOutline[]> {
  if (students.length === 0) return [];
  const classIds = [...new Set(students.map((s) => s.classId))];
  const rows = await query<TOutlineRow>(OUTLINE_SQL, [classIds, range.from, range.to, subject]);
  const byClass = new Map<string, TTimetableOutline>();
  for (const row of rows) {
    const outline = byClass.get(row.classId) ?? { lessonDays: [], hasSubject: false };
    outline.lessonDays.push(row.day);
    outline.hasSubject ||= row.hasSubject;
    byClass.set(row.classId, outline);
  }
  return students.map((s) => {
    const outline = byClass.get(s.classId);
    return outline
      ? { lessonDays: [...outline.lessonDays], hasSubject: outline.hasSubject }
      : { lessonDays: [], hasSubject: false };
  });
}
