import { ingestBatch } from '../../core/ingest';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { createReminderStore } from '../../prisma/stores/reminders/reminder-store';
import { event, type TRawEvent } from '../helpers/journal-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// A school's `reminderDelayHours` setting, sent with school.upserted, is the delay the reminder
// scan judges its lessons by; a school that sets none keeps the default two hours. The day lies
// before any real run, so the rows' real change times never fall in a scan window.

const DAY = '2025-12-02';
const at = (local: string) => new Date(`${DAY}T${local}:00+03:00`);

/** A school with one lesson that ended at 09:15 with nothing written up. */
function school(id: string, settings?: Record<string, unknown>): TRawEvent[] {
  return [
    event('school.upserted', { schoolId: id, name: `Школа ${id}`, ...(settings ? { settings } : {}) }),
    event('class.upserted', { schoolId: id, classId: `${id}-5a`, name: '5А' }),
    event('subject.upserted', { schoolId: id, subjectId: `${id}-math`, name: 'Математика' }),
    event('teacher.upserted', { schoolId: id, teacherId: `${id}-t1`, lastName: 'Петрова', firstName: 'Анна' }),
    event('lesson.upserted', {
      lessonId: `${id}-l1`,
      classId: `${id}-5a`,
      subjectId: `${id}-math`,
      teacherId: `${id}-t1`,
      date: DAY,
      start: '08:30',
      end: '09:15',
    }),
  ];
}

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`a school's reminder delay (${kind})`, () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
    });
    afterAll(async () => {
      await db.destroy();
    });

    test('a lesson is reminded of the school’s delay after it ended, the default two hours without one', async () => {
      const events = [...school('usual'), ...school('patient', { reminderDelayHours: 4 })];
      await ingestBatch(createIngestStore(db), { events }, { defaultTimezone: 'Europe/Moscow', withOutbox: false });
      const store = createReminderStore(db);
      const found = async () =>
        (await db.sql.query<{ lessonId: string }>(`SELECT "lessonId" FROM "LessonReminder" ORDER BY "lessonId"`)).map(
          (r) => r.lessonId,
        );

      await store.scan(at('11:30'));
      expect(await found()).toEqual(['usual-l1']);
      await store.scan(at('13:10'));
      expect(await found()).toEqual(['usual-l1']);
      await store.scan(at('13:20'));
      expect(await found()).toEqual(['patient-l1', 'usual-l1']);
    });
  });
}
