import type { TAccessEntry } from '../../core/access';
import { ingestBatch } from '../../core/ingest';
import { dayInstants, type PresenceReader } from '../../core/presence';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { createPresenceReader } from '../../prisma/stores/presence/presence-reader';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';
import { PRESENCE_WORLD, TODAY, TZ } from './presence-world';

// The presence read port over both databases: a school-local day's passes in time order and
// whether the school sends passes; attendance tallies and a day's lessons with their marks —
// cancelled and deleted lessons left out, a teacher's grants applied in the read — every read with
// its access-log entries in the same statement, and nobody's data but the requested students'.

const entry = (studentId: string, intent = 'presence'): TAccessEntry => ({
  viewerId: 'person-1',
  studentId,
  channel: 'telegram',
  intent,
  viewerRole: 'guardian',
  at: new Date('2026-12-02T10:00:00Z'),
});

const today = (studentId: string) => ({ studentId, ...dayInstants(TODAY, TZ) });
const range = (studentId: string, classId: string, from: string, to = from) => ({
  studentId,
  classId,
  range: { from, to },
});

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`the presence reader (${kind})`, () => {
    let db: TestDatabase;
    let reader: PresenceReader;
    const logged = async () =>
      (
        await db.sql.query<{ studentId: string; intent: string }>(
          `SELECT "studentId", intent FROM "AccessLog" ORDER BY id`,
        )
      ).map((r) => [r.studentId, r.intent]);

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      await ingestBatch(createIngestStore(db), { events: PRESENCE_WORLD }, { defaultTimezone: TZ, withOutbox: false });
      reader = createPresenceReader(db);
    });
    beforeEach(async () => {
      await db.sql.query(`DELETE FROM "AccessLog"`);
    });
    afterAll(async () => {
      await db.destroy();
    });

    test("a school-local day's passes in time order, none from the evening before or the night after", async () => {
      const [masha] = await reader.passes([today('s-st1')], [entry('s-st1')]);
      expect(masha.schoolSendsPasses).toBe(true);
      expect(masha.passes).toEqual([
        { at: new Date('2026-12-02T05:05:00Z'), direction: 'in', place: 'Главный вход' },
        { at: new Date('2026-12-02T09:00:00Z'), direction: 'out', place: null },
        { at: new Date('2026-12-02T09:30:00Z'), direction: 'in', place: null },
      ]);
      expect(await logged()).toEqual([['s-st1', 'presence']]);
    });

    test('several students in one read, each only their own; a school without passes says so', async () => {
      const days = await reader.passes(
        [today('s-st2'), today('o-st1'), today('s-st3')],
        [entry('s-st2'), entry('o-st1'), entry('s-st3')],
      );
      expect(days.map((d) => [d.schoolSendsPasses, d.passes.length])).toEqual([
        [true, 0],
        [false, 0],
        [true, 1],
      ]);
      expect(await logged()).toEqual([
        ['s-st2', 'presence'],
        ['o-st1', 'presence'],
        ['s-st3', 'presence'],
      ]);
    });

    test('an unknown student reads as nothing, from a school that sends nothing', async () => {
      expect(await reader.passes([today('nobody')], [])).toEqual([{ passes: [], schoolSendsPasses: false }]);
      expect(await reader.passes([], [entry('s-st1')])).toEqual([]);
      expect(await logged()).toEqual([]);
    });

    test('absences and lateness per subject; cancelled and deleted lessons do not count', async () => {
      const [masha, varvara, kolya] = await reader.absences(
        [
          range('s-st1', 's-5a', '2026-11-01', TODAY),
          range('s-st3', 's-5a', '2026-11-01', TODAY),
          range('o-st1', 'o-7v', '2026-11-01', TODAY),
        ],
        [entry('s-st1', 'absences'), entry('s-st3', 'absences'), entry('o-st1', 'absences')],
      );
      expect(masha).toEqual([
        { subject: 'Математика', absent: 1, late: 1 },
        { subject: 'Физика', absent: 1, late: 1 },
      ]);
      expect(varvara).toEqual([{ subject: 'Математика', absent: 1, late: 0 }]);
      expect(kolya).toEqual([{ subject: 'Математика', absent: 1, late: 0 }]);
      expect(await logged()).toEqual([
        ['s-st1', 'absences'],
        ['s-st3', 'absences'],
        ['o-st1', 'absences'],
      ]);
    });

    test('a range counts only its days', async () => {
      const [masha] = await reader.absences([range('s-st1', 's-5a', TODAY)], [entry('s-st1', 'absences')]);
      expect(masha).toEqual([{ subject: 'Физика', absent: 0, late: 1 }]);
    });

    test("a day's held lessons of the class with the student's mark, or none", async () => {
      const [masha, varvara] = await reader.lessons(
        [range('s-st1', 's-5a', TODAY), range('s-st3', 's-5a', TODAY)],
        [entry('s-st1', 'absences'), entry('s-st3', 'absences')],
      );
      expect(masha.map((l) => [l.id, l.subject, l.start, l.status])).toEqual([
        ['l2', 'Физика', '09:00', 'late'],
        ['l3', 'Физика', '10:00', null],
      ]);
      expect(masha[0]).toMatchObject({ date: TODAY, end: '09:45' });
      expect(varvara.map((l) => [l.id, l.status])).toEqual([
        ['l2', 'present'],
        ['l3', null],
      ]);
      expect(await logged()).toEqual([
        ['s-st1', 'absences'],
        ['s-st3', 'absences'],
      ]);
    });

    test("a teacher's grants limit the read to the subjects taught (a substitution: its lesson)", async () => {
      const physics = [{ classId: 's-5a', subjectId: 's-phys', lesson: null }];
      const [tally] = await reader.absences([range('s-st1', 's-5a', '2026-11-01', TODAY)], [], physics);
      expect(tally).toEqual([{ subject: 'Физика', absent: 1, late: 1 }]);
      const [lessons] = await reader.lessons([range('s-st1', 's-5a', TODAY)], [], physics);
      expect(lessons.map((l) => l.id)).toEqual(['l2', 'l3']);
      const substitution = [{ classId: 's-5a', subjectId: 's-phys', lesson: { id: 'l3', date: TODAY } }];
      const [one] = await reader.lessons([range('s-st1', 's-5a', TODAY)], [], substitution);
      expect(one.map((l) => l.id)).toEqual(['l3']);
      const otherClass = [{ classId: 's-6b', subjectId: null, lesson: null }];
      expect(await reader.absences([range('s-st1', 's-5a', '2026-11-01', TODAY)], [], otherClass)).toEqual([[]]);
    });
  });
}
