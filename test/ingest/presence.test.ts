import { ZAttendanceFactSchema, ZPassFactSchema } from '../../core/alerts/fact-schemas';
import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, type Runtime } from '../../main';
import { event, JOURNAL_SECRET, postEvents, schoolEvents } from '../helpers/journal-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';
import { changedTables, tableFingerprints } from '../tenancy/tenancy-cases';

// Turnstile passes and the attendance facts on the journal API (README "Journal ingestion API"):
// a pass is stored once and told once; an attendance mark is told when it becomes, or stops
// being, an absence or a lateness — against both database implementations.

const pass = (passId: string, studentId: string, at: string, direction: string, extra = {}) =>
  event('pass.recorded', { passId, studentId, at, direction, ...extra });
const mark = (lessonId: string, studentId: string, status: string, extra = {}) =>
  event('attendance.marked', { lessonId, studentId, status, ...extra });

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`passes and attendance facts on the journal API (${kind})`, () => {
    let db: TestDatabase;
    let runtime: Runtime;
    const post = (events: unknown[]) => postEvents(runtime.app, events);
    const facts = (kindOf: string) => db.prisma.outbox.findMany({ where: { kind: kindOf }, orderBy: { id: 'asc' } });
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

    test('a pass is stored with its school’s latest pass, and becomes one fact; the same pass again changes nothing', async () => {
      expect((await db.prisma.school.findUniqueOrThrow({ where: { id: 'a' } })).lastPassAt).toBeNull();
      const first = pass('a-p1', 'a-st1', '2026-12-01T08:12:00+03:00', 'in', { place: 'Главный вход' });
      const res = await post([first, pass('a-p2', 'a-st1', '2026-12-01T15:40:00+03:00', 'out')]);
      expect(res.body).toEqual({ accepted: 2, duplicates: 0 });
      const stored = await db.prisma.pass.findUniqueOrThrow({ where: { id: 'a-p1' } });
      expect(stored).toMatchObject({ studentId: 'a-st1', direction: 'in', place: 'Главный вход' });
      expect(stored.at.toISOString()).toBe('2026-12-01T05:12:00.000Z');
      const school = await db.prisma.school.findUniqueOrThrow({ where: { id: 'a' } });
      expect(school.lastPassAt?.toISOString()).toBe('2026-12-01T12:40:00.000Z');
      expect((await db.prisma.school.findUniqueOrThrow({ where: { id: 'b' } })).lastPassAt).toBeNull();

      const told = await facts('pass.recorded');
      expect(told.map((f) => [f.studentId, f.payload])).toEqual([
        [
          'a-st1',
          {
            passId: 'a-p1',
            at: '2026-12-01T08:12:00+03:00',
            direction: 'in',
            place: 'Главный вход',
            occurredAt: first.occurredAt,
          },
        ],
        ['a-st1', expect.objectContaining({ passId: 'a-p2', direction: 'out', place: null })],
      ]);
      for (const f of told) expect(ZPassFactSchema.safeParse(f.payload).success).toBe(true);

      // The same event is a duplicate; the same pass under a new event id is a fact already told.
      expect((await post([first])).body).toEqual({ accepted: 0, duplicates: 1 });
      const again = pass('a-p1', 'a-st1', '2026-12-01T09:00:00+03:00', 'out');
      expect((await post([again])).body).toEqual({ accepted: 1, duplicates: 0 });
      expect((await db.prisma.pass.findUniqueOrThrow({ where: { id: 'a-p1' } })).direction).toBe('in');
      expect(await facts('pass.recorded')).toHaveLength(2);
      // An older pass arriving late does not move the school's latest pass back.
      await post([pass('a-p3', 'a-st2', '2026-11-30T08:00:00+03:00', 'in')]);
      expect((await db.prisma.school.findUniqueOrThrow({ where: { id: 'a' } })).lastPassAt?.toISOString()).toBe(
        '2026-12-01T12:40:00.000Z',
      );
    });

    test('a pupil and their pass in one batch: the school’s latest pass is set', async () => {
      const res = await post([
        event('student.upserted', {
          schoolId: 'b',
          studentId: 'b-st9',
          classId: 'b-5a',
          lastName: 'Орлов',
          firstName: 'Иван',
        }),
        pass('b-p1', 'b-st9', '2026-12-02T08:05:00+03:00', 'in'),
      ]);
      expect(res.status).toBe(200);
      expect((await db.prisma.school.findUniqueOrThrow({ where: { id: 'b' } })).lastPassAt?.toISOString()).toBe(
        '2026-12-02T05:05:00.000Z',
      );
    });

    test('bad passes are refused whole with their reasons, and nothing is stored', async () => {
      const before = await fingerprints();
      const res = await post([
        pass('a-p10', 'a-st1', '2026-12-01T08:12:00+03:00', 'in'),
        pass('a-p11', 'a-st1', '2026-12-01 08:12', 'in'),
        pass('a-p12', 'a-st1', '2026-12-01T08:12:00+03:00', 'sideways'),
        pass('a-p13', 'nobody', '2026-12-01T08:12:00+03:00', 'out'),
        event('pass.recorded', { passId: 'a-p14', at: '2026-12-01T08:12:00+03:00', direction: 'in' }),
      ]);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { index: number }) => e.index)).toEqual([1, 2, 4]);
      expect(changedTables(before, await fingerprints())).toEqual([]);
      const unknown = await post([pass('a-p13', 'nobody', '2026-12-01T08:12:00+03:00', 'out')]);
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors[0].message).toContain('unknown student "nobody"');
    });

    test('attendance: absent and late become facts with the lesson; the same mark again, or present, tells nothing', async () => {
      await post([mark('a-l1', 'a-st1', 'present')]);
      expect(await facts('attendance.changed')).toEqual([]);
      const absent = mark('a-l1', 'a-st1', 'absent', { reason: 'болеет' });
      await post([absent, mark('a-l1', 'a-st2', 'late')]);
      await post([mark('a-l1', 'a-st1', 'absent')]);
      await post([mark('a-l1', 'a-st1', 'present')]);
      await post([mark('a-l1', 'a-st2', 'present'), mark('a-l1', 'a-st2', 'present')]);
      const told = await facts('attendance.changed');
      expect(
        told.map((f) => [
          f.studentId,
          (f.payload as { status: string }).status,
          (f.payload as { previousStatus: string | null }).previousStatus,
        ]),
      ).toEqual([
        ['a-st1', 'absent', 'present'],
        ['a-st2', 'late', null],
        ['a-st1', 'present', 'absent'],
        ['a-st2', 'present', 'late'],
      ]);
      expect(told[0].payload).toEqual({
        lessonId: 'a-l1',
        subjectId: 'a-math',
        date: '2026-12-01',
        start: '08:30',
        end: '09:15',
        status: 'absent',
        previousStatus: 'present',
        reason: 'болеет',
        occurredAt: absent.occurredAt,
      });
      for (const f of told) expect(ZAttendanceFactSchema.safeParse(f.payload).success).toBe(true);
      expect(
        await db.prisma.attendance.findUniqueOrThrow({
          where: { lessonId_studentId: { lessonId: 'a-l1', studentId: 'a-st2' } },
        }),
      ).toMatchObject({ status: 'present' });
    });

    test('a mark of a lesson the same batch adds, or of a cancelled lesson', async () => {
      const lesson = (lessonId: string, cancelled: boolean) =>
        event('lesson.upserted', {
          lessonId,
          classId: 'b-5a',
          subjectId: 'b-math',
          teacherId: 'b-t1',
          date: '2026-12-03',
          start: '10:00',
          end: '10:45',
          cancelled,
        });
      await post([
        lesson('b-l7', false),
        mark('b-l7', 'b-st1', 'absent'),
        lesson('b-l8', true),
        mark('b-l8', 'b-st1', 'absent'),
      ]);
      const told = (await facts('attendance.changed')).filter((f) => f.studentId === 'b-st1');
      expect(told.map((f) => (f.payload as { lessonId: string; start: string }).lessonId)).toEqual(['b-l7']);
      expect(told[0].payload).toMatchObject({ start: '10:00', end: '10:45', date: '2026-12-03' });
    });
  });
}
