import type {
  JournalPort,
  JournalStatusReader,
  TJournalLesson,
  TMissing,
  TTeacherJournalStatus,
} from '../../../core/reminders';
import type { Database } from '../../db/database';
import { LESSON_END_SQL, MISSING_SQL } from './reminder-sql';

// What teachers ask about their journal and what a school admin sees, computed live from the
// lessons (the same completeness rule as the reminders), so a back-filled lesson disappears at once.

const json = (value: unknown) => JSON.stringify(value);

interface TStatusRow {
  teacherId: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  cancelled: boolean;
  due: boolean;
  missing: TMissing[];
}

export function createJournalPort(db: Database): JournalPort & JournalStatusReader {
  const { sql } = db;
  return {
    async unfilledLessons(teacherIds, fromDate, now) {
      if (teacherIds.length === 0) return [];
      return sql.query<TJournalLesson>(
        `SELECT * FROM (
           SELECT l.id AS "lessonId", to_char(l.date, 'YYYY-MM-DD') AS date, l.start, c.name AS "className", sub.name AS subject, ${MISSING_SQL} AS missing
           FROM "Lesson" l
           JOIN "SchoolClass" c ON c.id = l."classId"
           JOIN "School" sc ON sc.id = c."schoolId"
           JOIN "Subject" sub ON sub.id = l."subjectId"
           WHERE l."teacherId" IN (SELECT jsonb_array_elements_text($1::jsonb)) AND l.date >= $2::date
             AND NOT l.cancelled AND l."deletedAt" IS NULL AND ${LESSON_END_SQL} <= $3::timestamptz) x
         WHERE cardinality(missing) > 0
         ORDER BY date, start, "className"`,
        [json(teacherIds), fromDate, now.toISOString()],
      );
    },

    async snooze(teacherIds, until) {
      for (const teacherId of teacherIds) {
        await db.prisma.reminderSettings.upsert({
          where: { teacherId },
          create: { teacherId, snoozedUntil: until },
          update: { snoozedUntil: until },
        });
      }
    },

    async journalStatus(schoolId, date, now) {
      const [school] = await sql.query<{ id: string }>(`SELECT id FROM "School" WHERE id = $1`, [schoolId]);
      if (!school) return null;
      const rows = await sql.query<TStatusRow>(
        `SELECT t.id AS "teacherId", t."lastName", t."firstName", t."middleName", l.cancelled OR l."deletedAt" IS NOT NULL AS cancelled,
                ${LESSON_END_SQL} + make_interval(hours => sc."reminderDelayHours") <= $3::timestamptz AS due, ${MISSING_SQL} AS missing
         FROM "Lesson" l
         JOIN "SchoolClass" c ON c.id = l."classId"
         JOIN "School" sc ON sc.id = c."schoolId"
         JOIN "Teacher" t ON t.id = l."teacherId"
         WHERE sc.id = $1 AND l.date = $2::date`,
        [schoolId, date, now.toISOString()],
      );
      const byTeacher = new Map<string, TTeacherJournalStatus>();
      for (const r of rows) {
        const name = [r.lastName, r.firstName, r.middleName].filter(Boolean).join(' ');
        const s = byTeacher.get(r.teacherId) ?? {
          teacherId: r.teacherId,
          teacherName: name,
          lessons: 0,
          complete: 0,
          incomplete: 0,
          notDue: 0,
          cancelled: 0,
          missing: { topic: 0, attendance: 0, grades: 0 },
        };
        s.lessons++;
        if (r.cancelled) s.cancelled++;
        else if (!r.due) s.notDue++;
        else if (r.missing.length === 0) s.complete++;
        else {
          s.incomplete++;
          for (const m of r.missing) s.missing[m]++;
        }
        byTeacher.set(r.teacherId, s);
      }
      return [...byTeacher.values()].sort((a, b) => a.teacherName.localeCompare(b.teacherName, 'ru'));
    },
  };
}
