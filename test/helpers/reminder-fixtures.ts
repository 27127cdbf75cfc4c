import { ingestBatch } from '../../core/ingest/ingest-batch';
import type { Database, TSqlQuery } from '../../prisma/db/database';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { event, type TRawEvent } from './journal-fixtures';

// A school for reminder tests: classes 5А and 6Б, maths and physics, two teachers, three pupils
// in 5А, and lessons described by what their journal holds. Everything goes in through ingestion,
// the only writer of diary data.

export const SCHOOL = 'rs';
export const T1 = 'rs-t1';
export const T2 = 'rs-t2';
export const PUPILS = ['rs-p1', 'rs-p2', 'rs-p3'];

export function schoolSetup(timezone = 'Europe/Moscow'): TRawEvent[] {
  return [
    event('school.upserted', { schoolId: SCHOOL, name: 'Школа № 7', timezone }),
    event('class.upserted', { schoolId: SCHOOL, classId: 'rs-5a', name: '5А' }),
    event('class.upserted', { schoolId: SCHOOL, classId: 'rs-6b', name: '6Б' }),
    event('subject.upserted', { schoolId: SCHOOL, subjectId: 'rs-math', name: 'Математика' }),
    event('subject.upserted', { schoolId: SCHOOL, subjectId: 'rs-phys', name: 'Физика' }),
    event('teacher.upserted', {
      schoolId: SCHOOL,
      teacherId: T1,
      lastName: 'Петрова',
      firstName: 'Анна',
      middleName: 'Ивановна',
    }),
    event('teacher.upserted', { schoolId: SCHOOL, teacherId: T2, lastName: 'Орлов', firstName: 'Иван' }),
    ...PUPILS.map((p, i) =>
      event('student.upserted', {
        schoolId: SCHOOL,
        studentId: p,
        classId: 'rs-5a',
        lastName: 'Ученик',
        firstName: `Имя${i}`,
      }),
    ),
  ];
}

export interface TLessonSpec {
  id: string;
  date: string;
  start: string;
  end: string;
  teacherId?: string;
  classId?: string;
  subjectId?: string;
  topic?: string;
  isTest?: boolean;
  cancelled?: boolean;
  /** pupil id → status */
  attendance?: Record<string, 'present' | 'absent' | 'late'>;
  /** pupils with a grade for the lesson */
  graded?: string[];
}

export function lessonEvents(spec: TLessonSpec): TRawEvent[] {
  const { id, date, start, end, topic, isTest, cancelled } = spec;
  const events = [
    event('lesson.upserted', {
      lessonId: id,
      classId: spec.classId ?? 'rs-5a',
      subjectId: spec.subjectId ?? 'rs-math',
      teacherId: spec.teacherId ?? T1,
      date,
      start,
      end,
      ...(topic ? { topic } : {}),
      ...(isTest ? { isTest } : {}),
      ...(cancelled ? { cancelled } : {}),
    }),
  ];
  for (const [studentId, status] of Object.entries(spec.attendance ?? {}))
    events.push(event('attendance.marked', { lessonId: id, studentId, status }));
  for (const studentId of spec.graded ?? []) {
    events.push(
      event('grade.upserted', {
        gradeId: `${id}-g-${studentId}`,
        studentId,
        subjectId: spec.subjectId ?? 'rs-math',
        date,
        value: '4',
        lessonId: id,
      }),
    );
  }
  return events;
}

export const allPresent = () => Object.fromEntries(PUPILS.map((p) => [p, 'present' as const]));

export async function ingest(db: Database, events: TRawEvent[]): Promise<void> {
  await ingestBatch(createIngestStore(db), { events }, { defaultTimezone: 'Europe/Moscow', withOutbox: false });
}

/** A teacher's person with a consented chat (Telegram by default) linked to the teacher. */
export async function linkTeacher(
  query: TSqlQuery,
  teacherId: string,
  externalId: string,
  options: { channel?: string; locale?: string } = {},
): Promise<string> {
  const personId = `person-${teacherId}-${externalId}`;
  const chatId = `chat-${teacherId}-${externalId}`;
  await query(`INSERT INTO "Person" (id, locale) VALUES ($1, $2)`, [personId, options.locale ?? 'ru']);
  await query(`INSERT INTO "Chat" (id, "personId", channel, "externalId", locale) VALUES ($1, $2, $3, $4, $5)`, [
    chatId,
    personId,
    options.channel ?? 'telegram',
    externalId,
    options.locale ?? 'ru',
  ]);
  await query(`INSERT INTO "TeacherLink" ("personId", "teacherId") VALUES ($1, $2)`, [personId, teacherId]);
  await query(
    `INSERT INTO "Consent" (id, "personId", "textVersion", "textHash", channel) VALUES ($1, $2, 'v1', 'h', 'telegram')`,
    [`k-${personId}`, personId],
  );
  return chatId;
}

/** Reminder preferences as the settings store would write them. */
export async function setReminderSettings(
  query: TSqlQuery,
  teacherId: string,
  s: { mode?: string; digestTime?: string; quietFrom?: string; quietTo?: string; enabled?: boolean },
) {
  await query(
    `INSERT INTO "ReminderSettings" ("teacherId", enabled, mode, "digestTime", "quietFrom", "quietTo", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT ("teacherId") DO UPDATE SET enabled = excluded.enabled, mode = excluded.mode, "digestTime" = excluded."digestTime", "quietFrom" = excluded."quietFrom", "quietTo" = excluded."quietTo"`,
    [
      teacherId,
      s.enabled ?? true,
      s.mode ?? 'instant',
      s.digestTime ?? null,
      s.quietFrom ?? '21:00',
      s.quietTo ?? '08:00',
    ],
  );
}

export async function remindersByLesson(
  query: TSqlQuery,
): Promise<Record<string, { status: string; reasons: string[] }>> {
  const rows = await query<{ lessonId: string; status: string; reasons: string[] }>(
    `SELECT "lessonId", status, reasons FROM "LessonReminder" ORDER BY "lessonId"`,
  );
  return Object.fromEntries(rows.map((r) => [r.lessonId, { status: r.status, reasons: r.reasons }]));
}

export async function messagesTo(query: TSqlQuery, chatId: string): Promise<string[]> {
  const rows = await query<{ text: string }>(`SELECT text FROM "AlertMessage" WHERE "chatId" = $1 ORDER BY id`, [
    chatId,
  ]);
  return rows.map((r) => r.text);
}
