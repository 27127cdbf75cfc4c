import type { TAccessEntry } from '../../core/access';
import { ingestBatch } from '../../core/ingest';
import type { ComingReader } from '../../core/school-news';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { createComingReader } from '../../prisma/stores/school-news/coming-reader';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';
import { COMING_WORLD, TZ } from './coming-world';

// The port for tests and school events coming, over both databases: a class's tests in time order
// with their topic and place in the day, cancelled and deleted ones left out, a subject's alone, a
// teacher's grants applied in the read; a class's and the whole school's events, never another
// class's or school's; every read with its access-log entries in the same statement.

const entry = (studentId: string, intent: string): TAccessEntry => ({
  viewerId: 'person-1',
  studentId,
  channel: 'telegram',
  intent,
  viewerRole: 'guardian',
  at: new Date('2026-12-02T10:00:00Z'),
});
const fortnight = (studentId: string, subject: string | null = null) => ({
  studentId,
  range: { from: '2026-12-02', to: '2026-12-16' },
  subject,
});

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`the coming reader (${kind})`, () => {
    let db: TestDatabase;
    let reader: ComingReader;
    const logged = async () =>
      (
        await db.sql.query<{ studentId: string; intent: string }>(
          `SELECT "studentId", intent FROM "AccessLog" ORDER BY id`,
        )
      ).map((r) => [r.studentId, r.intent]);

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      await ingestBatch(createIngestStore(db), { events: COMING_WORLD }, { defaultTimezone: TZ, withOutbox: false });
      reader = createComingReader(db);
    });
    beforeEach(async () => {
      await db.sql.query(`DELETE FROM "AccessLog"`);
    });
    afterAll(async () => {
      await db.destroy();
    });

    test("a class's tests in time order, cancelled, deleted and later ones left out; each pupil only theirs", async () => {
      const [masha, petya, kolya] = await reader.tests(
        [fortnight('s-st1'), fortnight('s-st2'), fortnight('o-st1')],
        [entry('s-st1', 'tests'), entry('s-st2', 'tests'), entry('o-st1', 'tests')],
      );
      expect(masha).toEqual([
        {
          id: 'l3',
          date: '2026-12-08',
          start: '10:30',
          end: '11:15',
          subject: 'Физика',
          topic: 'Законы Ньютона',
          lessonNumber: 1,
        },
        {
          id: 'l2',
          date: '2026-12-11',
          start: '09:30',
          end: '10:15',
          subject: 'Алгебра',
          topic: 'Квадратные уравнения',
          lessonNumber: 2,
        },
      ]);
      expect(petya.map((t) => t.topic)).toEqual(['Дроби']);
      expect(kolya.map((t) => t.topic)).toEqual(['Чужая']);
      expect(await logged()).toEqual([
        ['s-st1', 'tests'],
        ['s-st2', 'tests'],
        ['o-st1', 'tests'],
      ]);
    });

    test("a subject's tests alone; a teacher's grants limit the read", async () => {
      const [algebra] = await reader.tests([fortnight('s-st1', 'Алгебра')], [entry('s-st1', 'tests')]);
      expect(algebra.map((t) => t.id)).toEqual(['l2']);
      const physics = [{ classId: 's-5a', subjectId: 's-phys', lesson: null }];
      const [granted] = await reader.tests([fortnight('s-st1')], [], physics);
      expect(granted.map((t) => t.id)).toEqual(['l3']);
      const otherClass = [{ classId: 's-6b', subjectId: null, lesson: null }];
      expect(await reader.tests([fortnight('s-st1')], [], otherClass)).toEqual([[]]);
      expect(await logged()).toEqual([['s-st1', 'tests']]);
    });

    test("a class's and the whole school's events; another class's, a deleted one and another school's never", async () => {
      const week = (studentId: string) => ({ studentId, range: { from: '2026-12-02', to: '2026-12-06' } });
      const [masha, petya, kolya, nobody] = await reader.events(
        [week('s-st1'), week('s-st2'), week('o-st1'), week('nobody')],
        [entry('s-st1', 'events'), entry('s-st2', 'events'), entry('o-st1', 'events')],
      );
      expect(masha).toEqual([
        {
          id: 'ev-all',
          title: 'День открытых дверей',
          date: '2026-12-03',
          start: null,
          end: null,
          place: null,
          onlineUrl: null,
          description: null,
        },
        {
          id: 'ev-5a',
          title: 'Турнир по волейболу',
          date: '2026-12-04',
          start: '15:00',
          end: '17:00',
          place: 'Спортзал',
          onlineUrl: 'https://example.org/live',
          description: null,
        },
      ]);
      expect(petya.map((e) => e.id)).toEqual(['ev-all', 'ev-6b']);
      expect(kolya.map((e) => e.id)).toEqual(['ev-o']);
      expect(nobody).toEqual([]);
      expect(await logged()).toEqual([
        ['s-st1', 'events'],
        ['s-st2', 'events'],
        ['o-st1', 'events'],
      ]);
    });

    test('a day reads only its events; no requests read nothing and log nothing', async () => {
      const [friday] = await reader.events(
        [{ studentId: 's-st1', range: { from: '2026-12-04', to: '2026-12-04' } }],
        [],
      );
      expect(friday.map((e) => e.id)).toEqual(['ev-5a']);
      expect(await reader.events([], [entry('s-st1', 'events')])).toEqual([]);
      expect(await reader.tests([], [entry('s-st1', 'tests')])).toEqual([]);
      expect(await logged()).toEqual([]);
    });
  });
}
