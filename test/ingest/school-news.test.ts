import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, type Runtime } from '../../main';
import { event, JOURNAL_SECRET, postEvents, schoolEvents } from '../helpers/journal-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';
import { changedTables, tableFingerprints } from '../tenancy/tenancy-cases';

// School events, announcements and tests on the journal API (README "Journal ingestion API"):
// stored as sent, and told as outbox facts when parents may need to hear of them — against both
// database implementations.

const schoolEvent = (schoolEventId: string, data: Record<string, unknown> = {}) =>
  event('school_event.upserted', {
    schoolEventId,
    schoolId: 'a',
    title: 'Турнир по волейболу',
    date: '2026-12-10',
    start: '15:00',
    end: '17:00',
    place: 'Спортзал',
    ...data,
  });
const testLesson = (lessonId: string, data: Record<string, unknown> = {}) =>
  event('lesson.upserted', {
    lessonId,
    classId: 'a-5a',
    subjectId: 'a-math',
    teacherId: 'a-t1',
    date: '2026-12-08',
    start: '09:30',
    end: '10:15',
    isTest: true,
    topic: 'Дроби',
    ...data,
  });

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`school events, announcements and tests on the journal API (${kind})`, () => {
    let db: TestDatabase;
    let runtime: Runtime;
    const post = (events: unknown[]) => postEvents(runtime.app, events);
    const facts = async (kindOf: string) =>
      (await db.prisma.outbox.findMany({ where: { kind: kindOf }, orderBy: { id: 'asc' } })).map((f) => ({
        classId: f.classId,
        payload: f.payload as Record<string, unknown>,
      }));
    const fingerprints = () => tableFingerprints((sql) => db.sql.query(sql));

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      const config = parseConfig({
        JOURNAL_WEBHOOK_SECRET: JOURNAL_SECRET,
        DEMO: 'false',
        LOG_LEVEL: 'silent',
        DATA_DIR: '/nonexistent',
      });
      runtime = await openRuntime(config, { db, logger: createLogger('silent') });
      expect((await post([...schoolEvents('a'), ...schoolEvents('b')])).status).toBe(200);
    });
    afterAll(async () => {
      await db.destroy();
    });

    test('a school event is stored for its classes; new, moved or relocated it is news, its description alone is not', async () => {
      const first = schoolEvent('a-se1', { classIds: ['a-5a'], onlineUrl: 'https://example.org/live' });
      expect((await post([first])).body).toEqual({ accepted: 1, duplicates: 0 });
      const stored = await db.prisma.schoolEvent.findUniqueOrThrow({ where: { id: 'a-se1' } });
      expect(stored).toMatchObject({ schoolId: 'a', classIds: ['a-5a'], title: 'Турнир по волейболу', start: '15:00' });
      expect(stored.date.toISOString().slice(0, 10)).toBe('2026-12-10');
      await post([
        schoolEvent('a-se1', {
          classIds: ['a-5a'],
          onlineUrl: 'https://example.org/live',
          description: 'Форма спортивная',
        }),
      ]);
      await post([
        schoolEvent('a-se1', { classIds: ['a-5a'], onlineUrl: 'https://example.org/live', date: '2026-12-11' }),
      ]);
      await post([schoolEvent('a-se2')]);
      const told = await facts('school_event.changed');
      expect(told.map((f) => [f.payload.schoolEventId, f.payload.date, f.payload.isNew, f.payload.classIds])).toEqual([
        ['a-se1', '2026-12-10', true, ['a-5a']],
        ['a-se1', '2026-12-11', false, ['a-5a']],
        ['a-se2', '2026-12-10', true, []],
      ]);
      expect(told[0].payload).toMatchObject({
        schoolId: 'a',
        start: '15:00',
        end: '17:00',
        place: 'Спортзал',
        onlineUrl: 'https://example.org/live',
      });
      // Deleted, it is hidden and told to nobody; sent again, it is back and news again.
      await post([event('school_event.deleted', { schoolEventId: 'a-se2' })]);
      expect((await db.prisma.schoolEvent.findUniqueOrThrow({ where: { id: 'a-se2' } })).deletedAt).not.toBeNull();
      await post([schoolEvent('a-se2')]);
      expect((await db.prisma.schoolEvent.findUniqueOrThrow({ where: { id: 'a-se2' } })).deletedAt).toBeNull();
      expect(await facts('school_event.changed')).toHaveLength(4);
    });

    test('an announcement is published once, with its classes and urgency', async () => {
      const sent = event('announcement.published', {
        announcementId: 'a-an1',
        schoolId: 'a',
        title: 'Родительское собрание',
        text: 'В четверг в 18:00, кабинет 204.',
        urgent: true,
      });
      expect((await post([sent])).body).toEqual({ accepted: 1, duplicates: 0 });
      // The same announcement under a new event id: accepted, neither stored again nor told again.
      await post([{ ...sent, id: 'again', data: { ...sent.data, text: 'Другой текст' } }]);
      expect(await db.prisma.announcement.findUniqueOrThrow({ where: { id: 'a-an1' } })).toMatchObject({
        schoolId: 'a',
        classIds: [],
        text: 'В четверг в 18:00, кабинет 204.',
        urgent: true,
      });
      expect((await facts('announcement.published')).map((f) => f.payload)).toEqual([
        {
          announcementId: 'a-an1',
          schoolId: 'a',
          classIds: [],
          title: 'Родительское собрание',
          text: 'В четверг в 18:00, кабинет 204.',
          urgent: true,
          occurredAt: sent.occurredAt,
        },
      ]);
    });

    test('a test is news when set, marked, or moved; not when only its topic or room changes, nor when cancelled', async () => {
      await post([testLesson('a-t1')]);
      await post([testLesson('a-t1', { room: '305' })]);
      await post([testLesson('a-t1', { date: '2026-12-09' })]);
      await post([testLesson('a-t2', { isTest: false })]);
      await post([testLesson('a-t2')]);
      await post([testLesson('a-t3', { cancelled: true })]);
      const told = await facts('lesson.test-scheduled');
      expect(told.map((f) => [f.classId, f.payload.lessonId, f.payload.date, f.payload.previousDate])).toEqual([
        ['a-5a', 'a-t1', '2026-12-08', null],
        ['a-5a', 'a-t1', '2026-12-09', '2026-12-08'],
        ['a-5a', 'a-t2', '2026-12-08', null],
      ]);
      expect(told[0].payload).toMatchObject({ subjectId: 'a-math', start: '09:30', topic: 'Дроби' });
    });

    test('bad or mixed events are refused whole, and nothing is stored', async () => {
      const before = await fingerprints();
      const res = await post([
        schoolEvent('a-se9', { start: '17:00', end: '15:00' }),
        schoolEvent('a-se10', { onlineUrl: 'javascript:alert(1)' }),
        schoolEvent('a-se11', { classIds: ['b-5a'] }),
        event('announcement.published', { announcementId: 'a-an9', schoolId: 'a', title: 'Пусто', text: '   ' }),
      ]);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { index: number }) => e.index)).toEqual([0, 1, 3]);
      const mixed = await post([schoolEvent('a-se11', { classIds: ['a-5a', 'b-5a'] })]);
      expect(mixed.status).toBe(422);
      expect(mixed.body.errors[0].message).toContain('data.classIds[1]');
      expect(changedTables(before, await fingerprints())).toEqual([]);
    });
  });
}
