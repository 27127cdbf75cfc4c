import { createReminderRunner } from '../../core/reminders/reminder-runner';
import { DEFAULT_REMINDER_SETTINGS } from '../../core/reminders/reminder-types';
import { createJournalPort } from '../../prisma/stores/reminders/reminder-journal';
import { createReminderSettingsStore } from '../../prisma/stores/reminders/reminder-settings-store';
import { createReminderStore } from '../../prisma/stores/reminders/reminder-store';
import {
  allPresent,
  ingest,
  lessonEvents,
  linkTeacher,
  messagesTo,
  remindersByLesson,
  schoolSetup,
  setReminderSettings,
  T1,
  T2,
  type TLessonSpec,
} from '../helpers/reminder-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// The rules of an incomplete journal entry, end to end through ingestion, the scan and the
// dispatch into alert messages, on a clock we set (school time: Moscow, delay 2 hours). The days
// lie before any real run of the tests, so the rows' real change times never fall in a scan window.

const at = (local: string) => new Date(`${local}+03:00`);
const DAY = '2025-12-02';

const LESSONS: TLessonSpec[] = [
  { id: 'no-topic', date: DAY, start: '08:30', end: '09:15', attendance: allPresent() },
  { id: 'no-attendance', date: DAY, start: '08:30', end: '09:15', classId: 'rs-6b', topic: 'Дроби' },
  {
    id: 'test-ungraded',
    date: DAY,
    start: '09:25',
    end: '10:00',
    isTest: true,
    topic: 'Контрольная',
    attendance: { 'rs-p1': 'present', 'rs-p2': 'late', 'rs-p3': 'absent' },
    graded: ['rs-p1'],
  },
  {
    id: 'test-graded',
    date: DAY,
    start: '08:30',
    end: '09:15',
    isTest: true,
    topic: 'Контрольная',
    subjectId: 'rs-phys',
    attendance: { 'rs-p1': 'present', 'rs-p2': 'absent', 'rs-p3': 'present' },
    graded: ['rs-p1', 'rs-p3'],
  },
  { id: 'cancelled', date: DAY, start: '09:25', end: '10:00', cancelled: true },
  {
    id: 'complete',
    date: DAY,
    start: '09:25',
    end: '10:00',
    topic: 'Степени',
    subjectId: 'rs-phys',
    attendance: allPresent(),
  },
  { id: 'ends-later', date: DAY, start: '10:15', end: '11:00', attendance: allPresent() },
  {
    id: 'other-teacher',
    date: DAY,
    start: '08:30',
    end: '09:15',
    teacherId: T2,
    subjectId: 'rs-phys',
    attendance: allPresent(),
  },
  { id: 'long-ago', date: '2025-11-30', start: '08:30', end: '09:15' },
];

async function world(kind: 'pglite' | 'postgres', db?: TestDatabase) {
  db ??= await createTestDatabase(kind);
  await ingest(db, [...schoolSetup(), ...LESSONS.flatMap(lessonEvents)]);
  const chat1 = await linkTeacher(db.sql.query, T1, '5001');
  const chat2 = await linkTeacher(db.sql.query, T2, '5002');
  return { db, chat1, chat2 };
}

function runnerAt(db: TestDatabase, now: () => Date, delivered: string[] = []) {
  return createReminderRunner({
    store: createReminderStore(db),
    clock: now,
    deliver: async (ids) => void delivered.push(...ids),
  });
}

for (const { kind, describe: describeKind } of DATABASE_KINDS) {
  describeKind(`teacher reminders: journal rules (${kind})`, () => {
    let db: TestDatabase;
    let chat1: string;
    let chat2: string;
    beforeAll(async () => ({ db, chat1, chat2 } = await world(kind)));
    afterAll(async () => db?.destroy());

    it('reminds about a missing topic, missing attendance and a test without grades; not about cancelled, complete, recent or old lessons', async () => {
      const delivered: string[] = [];
      const result = await runnerAt(db, () => at(`${DAY}T12:00:00`), delivered).run();
      expect(await remindersByLesson(db.sql.query)).toEqual({
        'no-topic': { status: 'sent', reasons: ['topic'] },
        'no-attendance': { status: 'sent', reasons: ['attendance'] },
        'test-ungraded': { status: 'sent', reasons: ['grades'] },
        'other-teacher': { status: 'sent', reasons: ['topic'] },
      });
      expect(result.scan?.found).toBe(4);
      // One message per teacher, handed to the alerts' delivery queue.
      expect(delivered).toHaveLength(2);
      expect(await messagesTo(db.sql.query, chat1)).toEqual([
        'Заполните, пожалуйста, журнал:\n' +
          '• 1 урок без темы: 5А математика 2 декабря\n' +
          '• 1 урок без отметок посещаемости: 6Б математика 2 декабря\n' +
          '• 1 контрольная без оценок у присутствовавших: 5А математика 2 декабря',
      ]);
      expect(await messagesTo(db.sql.query, chat2)).toEqual([
        'Заполните, пожалуйста, журнал:\n• 1 урок без темы: 5А физика 2 декабря',
      ]);
    });

    it('after a restart, reminds only about the lesson that became due since, and never twice', async () => {
      await runnerAt(db, () => at(`${DAY}T13:01:00`)).run();
      await runnerAt(db, () => at(`${DAY}T14:00:00`)).run();
      const reminders = await remindersByLesson(db.sql.query);
      expect(Object.keys(reminders).sort()).toEqual([
        'ends-later',
        'no-attendance',
        'no-topic',
        'other-teacher',
        'test-ungraded',
      ]);
      const texts = await messagesTo(db.sql.query, chat1);
      expect(texts).toHaveLength(2);
      expect(texts[1]).toBe('Заполните, пожалуйста, журнал:\n• 1 урок без темы: 5А математика 2 декабря');
      expect(await messagesTo(db.sql.query, chat2)).toHaveLength(1);
    });

    it('marks a sent reminder resolved when the journal is filled in afterwards', async () => {
      await ingest(db, lessonEvents({ ...LESSONS[0], topic: 'Дроби' }).slice(0, 1));
      // Each sent reminder is re-checked within a quarter of an hour of runs (one a minute).
      for (let minute = 5; minute < 20; minute++)
        await runnerAt(db, () => at(`${DAY}T14:${String(minute).padStart(2, '0')}:00`)).run();
      const [row] = await db.sql.query<{ status: string; resolved: boolean }>(
        `SELECT status, "resolvedAt" IS NOT NULL AS resolved FROM "LessonReminder" WHERE "lessonId" = 'no-topic'`,
      );
      expect(row).toEqual({ status: 'sent', resolved: true });
      const unfilled = await createJournalPort(db).unfilledLessons([T1], '2025-11-25', at(`${DAY}T14:20:00`));
      expect(unfilled.map((l) => l.lessonId)).toEqual(['long-ago', 'no-attendance', 'test-ungraded', 'ends-later']);
    });
  });
}

describe('teacher reminders: waiting', () => {
  let db: TestDatabase;
  let chat1: string;
  let chat2: string;
  // One database, emptied and filled anew before each test: each starts from the same school.
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
  });
  afterAll(async () => db?.destroy());
  beforeEach(async () => {
    await db.reset();
    ({ chat1, chat2 } = await world('pglite', db));
  });

  it('a lesson back-filled before its reminder went out needs none', async () => {
    await setReminderSettings(db.sql.query, T2, { quietFrom: '11:00', quietTo: '15:00' });
    await runnerAt(db, () => at(`${DAY}T12:00:00`)).run();
    expect((await remindersByLesson(db.sql.query))['other-teacher'].status).toBe('pending');
    await ingest(db, lessonEvents({ ...LESSONS[7], topic: 'Механика' }).slice(0, 1));
    await runnerAt(db, () => at(`${DAY}T12:05:00`)).run();
    await runnerAt(db, () => at(`${DAY}T15:01:00`)).run();
    expect((await remindersByLesson(db.sql.query))['other-teacher'].status).toBe('resolved');
    expect(await messagesTo(db.sql.query, chat2)).toEqual([]);
  });

  it('a lesson cancelled before its reminder went out needs none', async () => {
    await setReminderSettings(db.sql.query, T2, { quietFrom: '11:00', quietTo: '15:00' });
    await runnerAt(db, () => at(`${DAY}T12:00:00`)).run();
    await ingest(db, lessonEvents({ ...LESSONS[7], cancelled: true }).slice(0, 1));
    await runnerAt(db, () => at(`${DAY}T15:30:00`)).run();
    expect((await remindersByLesson(db.sql.query))['other-teacher'].status).toBe('resolved');
    expect(await messagesTo(db.sql.query, chat2)).toEqual([]);
  });

  it('never sends in quiet hours: a reminder found at night goes out when they end', async () => {
    await ingest(
      db,
      lessonEvents({ id: 'evening', date: DAY, start: '18:30', end: '19:15', teacherId: T2, attendance: allPresent() }),
    );
    await runnerAt(db, () => at(`${DAY}T12:00:00`)).run();
    expect(await messagesTo(db.sql.query, chat2)).toHaveLength(1);
    await runnerAt(db, () => at(`${DAY}T21:30:00`)).run();
    await runnerAt(db, () => at('2025-12-03T07:59:00')).run();
    expect((await remindersByLesson(db.sql.query)).evening.status).toBe('pending');
    expect(await messagesTo(db.sql.query, chat2)).toHaveLength(1);
    await runnerAt(db, () => at('2025-12-03T08:00:00')).run();
    expect((await messagesTo(db.sql.query, chat2))[1]).toBe(
      'Заполните, пожалуйста, журнал:\n• 1 урок без темы: 5А математика 2 декабря',
    );
  });

  it('a daily summary at the chosen time gathers the day’s reminders into one message', async () => {
    await setReminderSettings(db.sql.query, T1, { mode: 'digest', digestTime: '16:00' });
    await runnerAt(db, () => at(`${DAY}T12:00:00`)).run();
    await runnerAt(db, () => at(`${DAY}T13:01:00`)).run();
    await runnerAt(db, () => at(`${DAY}T15:59:00`)).run();
    expect(await messagesTo(db.sql.query, chat1)).toEqual([]);
    await runnerAt(db, () => at(`${DAY}T16:00:00`)).run();
    expect(await messagesTo(db.sql.query, chat1)).toEqual([
      'Заполните, пожалуйста, журнал:\n' +
        '• 2 урока без темы: 5А математика 2 декабря, 5А математика 2 декабря\n' +
        '• 1 урок без отметок посещаемости: 6Б математика 2 декабря\n' +
        '• 1 контрольная без оценок у присутствовавших: 5А математика 2 декабря',
    ]);
  });

  it('a snooze holds reminders for a day', async () => {
    await createJournalPort(db).snooze([T1], at('2025-12-03T11:00:00'));
    await runnerAt(db, () => at(`${DAY}T12:00:00`)).run();
    await runnerAt(db, () => at('2025-12-03T10:59:00')).run();
    expect(await messagesTo(db.sql.query, chat1)).toEqual([]);
    await runnerAt(db, () => at('2025-12-03T11:00:00')).run();
    expect(await messagesTo(db.sql.query, chat1)).toHaveLength(1);
  });

  it('a teacher who turned reminders off gets none, and waiting reminders are not kept', async () => {
    await setReminderSettings(db.sql.query, T2, { enabled: false });
    await runnerAt(db, () => at(`${DAY}T12:00:00`)).run();
    expect((await remindersByLesson(db.sql.query))['other-teacher'].status).toBe('muted');
    expect(await messagesTo(db.sql.query, chat2)).toEqual([]);
    expect(await messagesTo(db.sql.query, chat1)).toHaveLength(1);
  });

  it('a waiting reminder is not looked at again before its time', async () => {
    await setReminderSettings(db.sql.query, T2, { quietFrom: '11:00', quietTo: '15:00' });
    await runnerAt(db, () => at(`${DAY}T12:00:00`)).run();
    const [row] = await db.sql.query<{ notBefore: Date }>(
      `SELECT "notBefore" FROM "LessonReminder" WHERE "lessonId" = 'other-teacher'`,
    );
    expect(new Date(row.notBefore).toISOString()).toBe(at(`${DAY}T15:00:00`).toISOString());
  });

  it('a teacher without a chat gets no message, and the lesson’s one reminder is spent', async () => {
    await db.sql.query(
      `DELETE FROM "Person" WHERE id IN (SELECT "personId" FROM "TeacherLink" WHERE "teacherId" = $1)`,
      [T2],
    );
    await runnerAt(db, () => at(`${DAY}T12:00:00`)).run();
    expect((await remindersByLesson(db.sql.query))['other-teacher'].status).toBe('unlinked');
    expect(await db.sql.query(`SELECT 1 FROM "AlertMessage" WHERE "chatId" = $1`, [chat2])).toEqual([]);
  });

  it('the admin view counts each teacher’s lessons of a day by completeness', async () => {
    const status = await createJournalPort(db).journalStatus('rs', DAY, at(`${DAY}T12:00:00`));
    expect(status).toEqual([
      {
        teacherId: T2,
        teacherName: 'Орлов Иван',
        lessons: 1,
        complete: 0,
        incomplete: 1,
        notDue: 0,
        cancelled: 0,
        missing: { topic: 1, attendance: 0, grades: 0 },
      },
      {
        teacherId: T1,
        teacherName: 'Петрова Анна Ивановна',
        lessons: 7,
        complete: 2,
        incomplete: 3,
        notDue: 1,
        cancelled: 1,
        missing: { topic: 1, attendance: 1, grades: 1 },
      },
    ]);
    expect(await createJournalPort(db).journalStatus('nope', DAY, new Date())).toBeNull();
  });
});

describe('teacher reminder settings', () => {
  let db: TestDatabase;
  let chat1: string;
  beforeAll(async () => ({ db, chat1 } = await world('pglite')));
  afterAll(async () => db?.destroy());

  it('switching to a daily summary applies to reminders already waiting', async () => {
    const settings = createReminderSettingsStore(db);
    expect(await settings.get(T1)).toEqual(DEFAULT_REMINDER_SETTINGS);
    await settings.update(T1, { quietFrom: '11:00', quietTo: '13:00' });
    await runnerAt(db, () => at(`${DAY}T12:00:00`)).run();
    expect(await messagesTo(db.sql.query, chat1)).toEqual([]);
    expect(await settings.update(T1, { mode: 'digest', quietFrom: '21:00', quietTo: '08:00' })).toMatchObject({
      mode: 'digest',
      digestTime: '16:00',
    });
    await runnerAt(db, () => at(`${DAY}T13:30:00`)).run();
    expect(await messagesTo(db.sql.query, chat1)).toEqual([]);
    await runnerAt(db, () => at(`${DAY}T16:00:00`)).run();
    expect(await messagesTo(db.sql.query, chat1)).toHaveLength(1);
    await expect(settings.update(T1, { digestTime: '25:00' })).rejects.toThrow('HH:mm');
  });
});
