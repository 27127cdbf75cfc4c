import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, type Runtime } from '../../main';
import { event, gradeEvent, JOURNAL_SECRET, postEvents, postJournal, schoolEvents } from '../helpers/journal-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// The journal API of README "Journal ingestion API", run against both database implementations.

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`POST /webhooks/journal on ${kind}`, () => {
    let db: TestDatabase;
    let runtime: Runtime;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      const config = parseConfig({
        JOURNAL_WEBHOOK_SECRET: JOURNAL_SECRET,
        DEMO: 'false',
        LOG_LEVEL: 'silent',
        DATA_DIR: '/nonexistent',
      });
      runtime = await openRuntime(config, { db, logger: createLogger('silent') });
    });
    afterAll(async () => {
      await db.destroy();
    });

    const counts = async () => {
      const p = db.prisma;
      return {
        schools: await p.school.count(),
        students: await p.student.count(),
        lessons: await p.lesson.count(),
        grades: await p.grade.count(),
        history: await p.gradeHistory.count(),
        outbox: await p.outbox.count(),
        events: await p.ingestEvent.count(),
      };
    };

    test('a valid batch is applied and answered with accepted/duplicates', async () => {
      const events = [
        ...schoolEvents('a'),
        gradeEvent('a', 'a-g1', '5'),
        gradeEvent('a', 'a-g2', '4', { weight: 2, workType: 'Контрольная работа' }),
      ];
      const res = await postEvents(runtime.app, events);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accepted: events.length, duplicates: 0 });
      const grade = await db.prisma.grade.findUniqueOrThrow({ where: { id: 'a-g2' } });
      expect(grade).toMatchObject({
        studentId: 'a-st1',
        value: '4',
        weight: 2,
        workType: 'Контрольная работа',
        deletedAt: null,
      });
      expect(grade.date.toISOString().slice(0, 10)).toBe('2026-12-01');
      const school = await db.prisma.school.findUniqueOrThrow({ where: { id: 'a' } });
      expect(school.timezone).toBe('Europe/Moscow');
    });

    test('a repeated batch is all duplicates and changes nothing', async () => {
      const events = [...schoolEvents('b'), gradeEvent('b', 'b-g1', '3')];
      expect((await postEvents(runtime.app, events)).status).toBe(200);
      const before = await counts();
      const gradeBefore = await db.prisma.grade.findUniqueOrThrow({ where: { id: 'b-g1' } });
      const res = await postEvents(runtime.app, events);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accepted: 0, duplicates: events.length });
      expect(await counts()).toEqual(before);
      expect(await db.prisma.grade.findUniqueOrThrow({ where: { id: 'b-g1' } })).toEqual(gradeBefore);
    });

    test('a wrong signature is 401 and nothing is applied', async () => {
      const before = await counts();
      const res = await postEvents(runtime.app, schoolEvents('c'), { secret: 'another-secret-0123456789' });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatch(/signature/);
      const missing = await postEvents(runtime.app, schoolEvents('c'), { signature: '' });
      expect(missing.status).toBe(401);
      expect(await counts()).toEqual(before);
    });

    test('a stale timestamp is 401 even when correctly signed', async () => {
      const before = await counts();
      const old = Math.floor(Date.now() / 1000) - 301;
      const res = await postEvents(runtime.app, schoolEvents('d'), { timestamp: old });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatch(/300 s/);
      const future = await postEvents(runtime.app, schoolEvents('d'), {
        timestamp: Math.floor(Date.now() / 1000) + 400,
      });
      expect(future.status).toBe(401);
      expect(await counts()).toEqual(before);
    });

    test('one invalid event in 50 rejects the whole batch with 422 and applies nothing', async () => {
      const events = [...schoolEvents('e')];
      for (let i = 0; events.length < 50; i++) events.push(gradeEvent('e', `e-g${i}`, String((i % 5) + 1)));
      events[30] = gradeEvent('e', 'e-bad', '7');
      const before = await counts();
      const res = await postEvents(runtime.app, events);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { index: 30, id: events[30].id, message: expect.stringContaining('data.value') },
      ]);
      expect(await counts()).toEqual(before);
    });

    test('an event referring to an unknown id is invalid; one defined earlier in the batch is fine', async () => {
      const before = await counts();
      const unknownStudent = gradeEvent('f', 'f-g1', '5', { studentId: 'nobody' });
      const res = await postEvents(runtime.app, [...schoolEvents('f'), unknownStudent]);
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({
        index: 7,
        id: unknownStudent.id,
        message: expect.stringContaining('unknown student "nobody"'),
      });
      // Defined later than used: still unknown at the point of use.
      const [school, ...rest] = schoolEvents('f');
      const late = await postEvents(runtime.app, [...rest, school]);
      expect(late.status).toBe(422);
      expect(await counts()).toEqual(before);
    });

    test('1001 events are refused with 422', async () => {
      const events = Array.from({ length: 1001 }, (_, i) => gradeEvent('a', `big-${i}`));
      const res = await postEvents(runtime.app, events);
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body)).toMatch(/1 to 1000/);
      const empty = await postEvents(runtime.app, []);
      expect(empty.status).toBe(422);
    });

    test('a 2 MiB body is refused with 413', async () => {
      const body = JSON.stringify({
        events: [event('school.upserted', { schoolId: 'z', name: 'x'.repeat(2 * 1024 * 1024) })],
      });
      const res = await postJournal(runtime.app, body);
      expect(res.status).toBe(413);
      expect(res.body.error).toMatch(/1 MiB/);
    });

    test('a body that is not JSON is 400 with a JSON reason', async () => {
      const res = await postJournal(runtime.app, '{"events": [ oops');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'body is not valid JSON' });
      const notObject = await postJournal(runtime.app, '[1,2]');
      expect(notObject.status).toBe(400);
    });

    test('a new grade and a changed grade each produce exactly one outbox row; an unchanged repeat none', async () => {
      await postEvents(runtime.app, schoolEvents('g'));
      const outboxFor = () =>
        db.prisma.outbox.findMany({
          where: { payload: { path: ['gradeId'], equals: 'g-g1' } },
          orderBy: { id: 'asc' },
        });

      expect((await postEvents(runtime.app, [gradeEvent('g', 'g-g1', '4')])).body).toEqual({
        accepted: 1,
        duplicates: 0,
      });
      expect((await outboxFor()).map((r) => r.kind)).toEqual(['grade.created']);

      expect((await postEvents(runtime.app, [gradeEvent('g', 'g-g1', '5')])).status).toBe(200);
      const rows = await outboxFor();
      expect(rows.map((r) => r.kind)).toEqual(['grade.created', 'grade.changed']);
      // The fact names the grade and its previous value; the grade's fields are read from its row.
      expect(rows[1]).toMatchObject({
        studentId: 'g-st1',
        payload: { gradeId: 'g-g1', previousValue: '4', previousWeight: 1 },
      });

      // Same content under a new event id: stored as an event, but nothing to alert about.
      expect((await postEvents(runtime.app, [gradeEvent('g', 'g-g1', '5')])).body).toEqual({
        accepted: 1,
        duplicates: 0,
      });
      expect(await outboxFor()).toHaveLength(2);

      const history = await db.prisma.gradeHistory.findMany({ where: { gradeId: 'g-g1' }, orderBy: { id: 'asc' } });
      // The version that was replaced is kept; the current one is the grade row itself.
      expect(history.map((h) => [h.action, h.value])).toEqual([['changed', '4']]);
    });

    test('a deleted grade is kept as history, hidden, and raises one grade.deleted fact', async () => {
      await postEvents(runtime.app, [...schoolEvents('h'), gradeEvent('h', 'h-g1', '2')]);
      const res = await postEvents(runtime.app, [event('grade.deleted', { gradeId: 'h-g1' })]);
      expect(res.status).toBe(200);
      const grade = await db.prisma.grade.findUniqueOrThrow({ where: { id: 'h-g1' } });
      expect(grade.deletedAt).not.toBeNull();
      const history = await db.prisma.gradeHistory.findMany({ where: { gradeId: 'h-g1' } });
      expect(history.map((h) => [h.action, h.value])).toEqual([['deleted', '2']]);
      const kinds = (await db.prisma.outbox.findMany({ where: { studentId: 'h-st1' }, orderBy: { id: 'asc' } })).map(
        (r) => r.kind,
      );
      expect(kinds).toEqual(['grade.created', 'grade.deleted']);
    });

    test('homework changes, a cancelled lesson and canteen transactions become outbox facts; the balance follows the latest', async () => {
      const [school, klass, subject, teacher, student, , lesson] = schoolEvents('k');
      await postEvents(runtime.app, [school, klass, subject, teacher, student, lesson]);
      const hw = event('homework.upserted', {
        homeworkId: 'k-hw1',
        classId: 'k-5a',
        subjectId: 'k-math',
        dueDate: '2026-12-02',
        text: '№ 12, 14',
      });
      const cancel = event('lesson.upserted', { ...lesson.data, cancelled: true });
      const tx1 = event('canteen.transaction', {
        transactionId: 'k-tx2',
        studentId: 'k-st1',
        amountKopecks: -20000,
        balanceKopecks: 15000,
        at: '2026-12-01T12:00:00+03:00',
      });
      const tx0 = event('canteen.transaction', {
        transactionId: 'k-tx1',
        studentId: 'k-st1',
        amountKopecks: -10000,
        balanceKopecks: 35000,
        at: '2026-12-01T10:00:00+03:00',
      });
      const res = await postEvents(runtime.app, [hw, cancel, tx1, tx0]);
      expect(res.status).toBe(200);
      const facts = await db.prisma.outbox.findMany({
        where: { eventId: { in: [hw.id, cancel.id, tx1.id, tx0.id] } },
        orderBy: { id: 'asc' },
      });
      expect(facts.map((f) => f.kind)).toEqual([
        'homework.changed',
        'lesson.cancelled',
        'canteen.transaction',
        'canteen.transaction',
      ]);
      expect(await db.prisma.canteenBalance.findUnique({ where: { studentId: 'k-st1' } })).toMatchObject({
        balanceKopecks: 15000,
      });
    });

    test("a school's time zone and settings are kept when a later event leaves them out; unknown settings are 422", async () => {
      const upsert = (data: Record<string, unknown>) =>
        postEvents(runtime.app, [event('school.upserted', { schoolId: 'set-1', name: 'Школа', ...data })]);
      expect((await upsert({})).status).toBe(200);
      expect(await db.prisma.school.findUniqueOrThrow({ where: { id: 'set-1' } })).toMatchObject({
        timezone: 'Europe/Moscow',
        studentSelfConsent: false,
      });
      expect((await upsert({ timezone: 'Asia/Yekaterinburg', settings: { studentSelfConsent: true } })).status).toBe(
        200,
      );
      expect((await upsert({ name: 'Школа № 2' })).status).toBe(200);
      expect(await db.prisma.school.findUniqueOrThrow({ where: { id: 'set-1' } })).toMatchObject({
        name: 'Школа № 2',
        timezone: 'Asia/Yekaterinburg',
        studentSelfConsent: true,
      });
      expect((await upsert({ settings: { studentSelfConsent: false } })).status).toBe(200);
      expect((await db.prisma.school.findUniqueOrThrow({ where: { id: 'set-1' } })).studentSelfConsent).toBe(false);
      const unknown = await upsert({ settings: { colour: 'red' } });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors[0].message).toMatch(/^data\.settings: /);
    });
  });
}
