import type { TAccessEntry } from '../../../core/access';
import { dayInZone } from '../../../core/calendar';
import type { DiaryReader, TCanteenInfo, TDiaryStudent, TLessonItem } from '../../../core/diary';
import type { TSqlQuery } from '../../db/database';
import { accessLogInsert, accessLogParams } from '../access/access-log-store';
import { diaryLimits } from './diary-grants';
import type { NameCache, TNames } from './name-cache';
import { readTimetableOutlines } from './timetable-outline';

// The diary read model. Each part is one statement for all the students asked about, on an
// index (Grade(studentId,date), Homework(classId,dueDate), Lesson(classId,date),
// Lesson(teacherId,date)) sent through the driver: on this hot path Prisma's per-query overhead
// was most of the time an answer took, and on PGlite every statement is paid for in turn.
// Names come from the in-memory cache instead of joins. Days travel as text (`date::text`) and
// instants as epoch milliseconds, so no driver's date parsing can shift a day.

const RECENT_CANTEEN = 5;

/**
 * Prefixes a read with the insert of its access-log entries: one statement, so the entry is
 * stored exactly when the data is read, and the answer costs no extra round trip.
 */
function withAccessLog(sql: string, params: unknown[], entries: readonly TAccessEntry[]): [string, unknown[]] {
  return [`WITH logged AS (${accessLogInsert(params.length + 1)}) ${sql}`, [...params, ...accessLogParams(entries)]];
}

type TGradeRow = {
  id: string;
  studentId: string;
  date: string;
  subjectId: string;
  value: string;
  weight: number;
  workType: string | null;
  comment: string | null;
};
type THomeworkRow = { id: string; classId: string; dueDate: string; subjectId: string; text: string };
type TLessonRow = {
  id: string;
  classId: string;
  subjectId: string;
  teacherId: string;
  date: string;
  start: string;
  end: string;
  room: string | null;
  topic: string | null;
  isTest: boolean;
  cancelled: boolean;
  onlineUrl: string | null;
};

const LESSON_COLUMNS = `id, "classId", "subjectId", "teacherId", date::text AS date, start, "end", room, topic, "isTest", cancelled, "onlineUrl"`;

function toLesson(row: TLessonRow, names: TNames): TLessonItem {
  return {
    id: row.id,
    date: row.date,
    start: row.start,
    end: row.end,
    subject: names.subjectName.get(row.subjectId) ?? '',
    className: names.className.get(row.classId) ?? '',
    teacherName: names.teacherName.get(row.teacherId) ?? '',
    room: row.room,
    topic: row.topic,
    isTest: row.isTest,
    cancelled: row.cancelled,
    onlineUrl: row.onlineUrl,
  };
}

const byTime = (a: TLessonItem, b: TLessonItem) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start);
const none = <T>(): Promise<T[]> => Promise.resolve([]);

export function createDiaryReader(query: TSqlQuery, names: NameCache): DiaryReader {
  return {
    async studentDiaries(students, range, wants, accessEntries, grants = null) {
      if (students.length === 0) return [];
      const studentIds = students.map((s) => s.id);
      const classIds = [...new Set(students.map((s) => s.classId))];
      // The access-log entries ride with the first part read, in the same statement.
      let unlogged: readonly TAccessEntry[] | null = accessEntries.length > 0 ? accessEntries : null;
      const run = <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
        const entries = unlogged;
        unlogged = null;
        return entries ? query<T>(...withAccessLog(sql, params, entries)) : query<T>(sql, params);
      };
      // A teacher's read carries their grants: one more condition and parameter of each part.
      const limit = diaryLimits(grants, students);
      const [grades, homework, lessons, canteen] = await Promise.all([
        wants.grades
          ? run<TGradeRow>(
              `SELECT id, "studentId", date::text AS date, "subjectId", value, weight, "workType", comment FROM "Grade" g
                WHERE "studentId" = ANY($1::text[]) AND date BETWEEN $2::date AND $3::date AND "deletedAt" IS NULL ${limit.grades.sql}
                ORDER BY date, "createdAt", id`,
              [studentIds, range.from, range.to, ...limit.grades.params],
            )
          : none<TGradeRow>(),
        wants.homework
          ? run<THomeworkRow>(
              `SELECT id, "classId", "dueDate"::text AS "dueDate", "subjectId", text FROM "Homework" h
                WHERE "classId" = ANY($1::text[]) AND "dueDate" BETWEEN $2::date AND $3::date AND "deletedAt" IS NULL ${limit.homework.sql}
                ORDER BY "dueDate", id`,
              [classIds, range.from, range.to, ...limit.homework.params],
            )
          : none<THomeworkRow>(),
        wants.lessons
          ? run<TLessonRow>(
              `SELECT ${LESSON_COLUMNS} FROM "Lesson" l
                WHERE "classId" = ANY($1::text[]) AND date BETWEEN $2::date AND $3::date AND "deletedAt" IS NULL ${limit.lessons.sql}`,
              [classIds, range.from, range.to, ...limit.lessons.params],
            )
          : none<TLessonRow>(),
        // Canteen money is never a teacher's to see.
        wants.canteen && !grants ? readCanteen(run, students) : Promise.resolve(null),
      ]);
      // Nothing was read (no part wanted): the entries still are what the caller shows.
      if (unlogged) await run('SELECT 1', []);
      const cache = await names.covering({
        subjects: [
          ...grades.map((g) => g.subjectId),
          ...homework.map((h) => h.subjectId),
          ...lessons.map((l) => l.subjectId),
        ],
        teachers: lessons.map((l) => l.teacherId),
      });
      return students.map((student) => ({
        grades: grades
          .filter((g) => g.studentId === student.id)
          .map((g) => ({
            id: g.id,
            date: g.date,
            subject: cache.subjectName.get(g.subjectId) ?? '',
            value: g.value,
            weight: g.weight,
            workType: g.workType,
            comment: g.comment,
          })),
        homework: homework
          .filter((h) => h.classId === student.classId)
          .map((h) => ({
            id: h.id,
            dueDate: h.dueDate,
            subject: cache.subjectName.get(h.subjectId) ?? '',
            text: h.text,
          })),
        lessons: lessons
          .filter((l) => l.classId === student.classId)
          .map((l) => toLesson(l, cache))
          .sort(byTime),
        canteen: canteen?.get(student.id) ?? (canteen ? { balanceKopecks: null, recent: [] } : null),
      }));
    },

    timetableOutlines: (students, range, subject) => readTimetableOutlines(query, students, range, subject),

    async teacherLessons(teacherIds, range) {
      if (teacherIds.length === 0) return [];
      const rows = await query<TLessonRow>(
        `SELECT ${LESSON_COLUMNS} FROM "Lesson"
          WHERE "teacherId" IN (SELECT jsonb_array_elements_text($1::jsonb)) AND date BETWEEN $2::date AND $3::date AND "deletedAt" IS NULL`,
        [JSON.stringify(teacherIds), range.from, range.to],
      );
      const cache = await names.covering({
        subjects: rows.map((r) => r.subjectId),
        teachers: rows.map((r) => r.teacherId),
        classes: rows.map((r) => r.classId),
      });
      return rows.map((r) => toLesson(r, cache)).sort(byTime);
    },
  };
}

type TCanteenRow = {
  studentId: string;
  balance: number | null;
  recent: { atMs: number | string; amountKopecks: number; description: string | null }[] | string;
};

/** Balance and the latest transactions of each student, in one statement. */
async function readCanteen(
  query: TSqlQuery,
  students: readonly Pick<TDiaryStudent, 'id' | 'timezone'>[],
): Promise<Map<string, TCanteenInfo>> {
  const rows = await query<TCanteenRow>(
    `SELECT s.id AS "studentId",
            (SELECT "balanceKopecks" FROM "CanteenBalance" WHERE "studentId" = s.id) AS balance,
            COALESCE((SELECT json_agg(t) FROM (SELECT (extract(epoch FROM at) * 1000)::float8 AS "atMs", "amountKopecks", description
                        FROM "CanteenTransaction" WHERE "studentId" = s.id ORDER BY at DESC LIMIT ${RECENT_CANTEEN}) t), '[]'::json) AS recent
       FROM unnest($1::text[]) AS s(id)`,
    [students.map((s) => s.id)],
  );
  const zoneOf = new Map(students.map((s) => [s.id, s.timezone]));
  return new Map(
    rows.map((row) => {
      const recent =
        typeof row.recent === 'string'
          ? (JSON.parse(row.recent) as Exclude<TCanteenRow['recent'], string>)
          : row.recent;
      const zone = zoneOf.get(row.studentId)!;
      return [
        row.studentId,
        {
          balanceKopecks: row.balance,
          recent: recent.map((t) => {
            const ms = Number(t.atMs);
            return {
              at: new Date(ms).toISOString(),
              date: dayInZone(ms, zone),
              amountKopecks: t.amountKopecks,
              description: t.description,
            };
          }),
        },
      ];
    }),
  );
}
