import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, type Runtime } from '../../main';
import { event, JOURNAL_SECRET, postEvents, type TRawEvent } from '../helpers/journal-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// Schools as tenants on the journal API: each school's own key writes only its school, in its own
// namespace of ids; the operator key (JOURNAL_WEBHOOK_SECRET) feeds every school with global ids,
// and no event may mix schools, whoever sends it. Run on both databases.

const SEAL_KEY = 'seal-key-for-tests-0123456789abcdef';

/** A school with the same local ids every school system might use. */
function school(schoolId: string, id = (s: string) => s): TRawEvent[] {
  return [
    event('school.upserted', { schoolId, name: `Школа ${schoolId}` }, id('e1')),
    event('class.upserted', { schoolId, classId: '1', name: '5А' }, id('e2')),
    event('subject.upserted', { schoolId, subjectId: 'math', name: 'Математика' }, id('e3')),
    event('teacher.upserted', { schoolId, teacherId: 't1', lastName: 'Петрова', firstName: 'Анна' }, id('e4')),
    event(
      'student.upserted',
      { schoolId, studentId: 'st1', classId: '1', lastName: 'Иванова', firstName: 'Маша' },
      id('e5'),
    ),
    event(
      'lesson.upserted',
      {
        lessonId: 'l1',
        classId: '1',
        subjectId: 'math',
        teacherId: 't1',
        date: '2026-12-01',
        start: '08:30',
        end: '09:15',
      },
      id('e6'),
    ),
    event(
      'grade.upserted',
      { gradeId: 'g1', studentId: 'st1', subjectId: 'math', date: '2026-12-01', value: '5', lessonId: 'l1' },
      id('e7'),
    ),
  ];
}

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`school keys on the journal API (${kind})`, () => {
    let db: TestDatabase;
    let runtime: Runtime;
    let keyA: { keyId: string; secret: string };
    let keyB: { keyId: string; secret: string };

    const asA = (events: unknown[]) => postEvents(runtime.app, events, { keyId: keyA.keyId, secret: keyA.secret });
    const asB = (events: unknown[]) => postEvents(runtime.app, events, { keyId: keyB.keyId, secret: keyB.secret });
    const rowCount = async () => {
      const [row] = await db.sql.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM "School") + (SELECT count(*) FROM "SchoolClass") + (SELECT count(*) FROM "Student") + (SELECT count(*) FROM "Lesson")
              + (SELECT count(*) FROM "Grade") + (SELECT count(*) FROM "IngestEvent") + (SELECT count(*) FROM "Outbox") AS n`,
      );
      return Number(row.n);
    };

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      const config = parseConfig({
        JOURNAL_WEBHOOK_SECRET: JOURNAL_SECRET,
        JOURNAL_KEY_SEAL_KEY: SEAL_KEY,
        DEMO: 'false',
        LOG_LEVEL: 'silent',
        DATA_DIR: '/nonexistent',
      });
      runtime = await openRuntime(config, { db, logger: createLogger('silent') });
      keyA = await runtime.journalKeys.create('school-a');
      keyB = await runtime.journalKeys.create('school-b');
      expect((await asA(school('school-a'))).status).toBe(200);
      expect((await asB(school('school-b'))).status).toBe(200);
    });
    // The runtime's close() would close the shared test database too.
    afterAll(async () => {
      await db.destroy();
    });

    test('two schools send the same class, lesson, grade and event ids without colliding', async () => {
      const classes = await db.prisma.schoolClass.findMany({ where: { name: '5А' }, orderBy: { id: 'asc' } });
      expect(classes.map((c) => [c.id, c.schoolId])).toEqual([
        ['school-a:1', 'school-a'],
        ['school-b:1', 'school-b'],
      ]);
      const grades = await db.prisma.grade.findMany({ orderBy: { id: 'asc' } });
      expect(grades.map((g) => [g.id, g.studentId])).toEqual([
        ['school-a:g1', 'school-a:st1'],
        ['school-b:g1', 'school-b:st1'],
      ]);
      // Event "e7" of school A did not make school B's "e7" a duplicate, and a repeat is one.
      const again = await asB([
        event(
          'grade.upserted',
          { gradeId: 'g1', studentId: 'st1', subjectId: 'math', date: '2026-12-01', value: '4' },
          'e7',
        ),
      ]);
      expect(again.body).toEqual({ accepted: 0, duplicates: 1 });
    });

    test('a key naming another school is refused whole with 403; nothing is applied', async () => {
      const before = await rowCount();
      const res = await asA([
        event('class.upserted', { schoolId: 'school-a', classId: '2', name: '6Б' }),
        event('class.upserted', { schoolId: 'school-b', classId: '9', name: '9В' }, 'evil-1'),
      ]);
      expect(res.status).toBe(403);
      expect(res.body.errors).toEqual([
        { index: 1, id: 'evil-1', message: 'data.schoolId: this key writes only its own school' },
      ]);
      expect(await rowCount()).toBe(before);
    });

    test("a key cannot create another school, nor reach another school's rows by their stored ids", async () => {
      expect((await asA([event('school.upserted', { schoolId: 'school-c', name: 'Чужая' })])).status).toBe(403);
      // "school-b:1" is B's class; sent by A it means A's own class "school-b:1", which does not exist.
      const res = await asA([
        event('student.upserted', {
          schoolId: 'school-a',
          studentId: 'st9',
          classId: 'school-b:1',
          lastName: 'X',
          firstName: 'Y',
        }),
      ]);
      expect(res.status).toBe(422);
      expect(res.body.errors[0].message).toBe('data.classId: unknown class "school-b:1"');
      expect(await db.prisma.student.count({ where: { classId: 'school-b:1' } })).toBe(1);
    });

    test("an entity the operator stored in a key's namespace but in another school is refused with 403", async () => {
      // The operator's ids are global: it can create "school-a:x" in school B (a mistake, or a clash).
      const op = await postEvents(runtime.app, [
        event('class.upserted', { schoolId: 'school-b', classId: 'school-a:x', name: '7А' }),
      ]);
      expect(op.status).toBe(200);
      const before = await rowCount();
      const res = await asA([
        event(
          'student.upserted',
          { schoolId: 'school-a', studentId: 'st2', classId: 'x', lastName: 'Смирнов', firstName: 'Петя' },
          'move-1',
        ),
      ]);
      expect(res.status).toBe(403);
      expect(res.body.errors).toEqual([
        { index: 0, id: 'move-1', message: 'data.classId: class "x" belongs to another school' },
      ]);
      // ... and redefining it (which would move it into school A) is refused the same way.
      const redefine = await asA([event('class.upserted', { schoolId: 'school-a', classId: 'x', name: '7А' })]);
      expect(redefine.status).toBe(403);
      expect(await rowCount()).toBe(before);
    });

    test('403 wins over 422: a malformed batch that also names another school is forbidden', async () => {
      const res = await asA([
        event(
          'grade.upserted',
          { gradeId: 'g2', studentId: 'st1', subjectId: 'math', date: '2026-13-45', value: '7' },
          'bad-1',
        ),
        { id: 'bad-2', type: 'class.upserted', occurredAt: 'yesterday', data: { schoolId: 'school-b', classId: '3' } },
      ]);
      expect(res.status).toBe(403);
      expect(res.body.errors).toEqual([
        { index: 1, id: 'bad-2', message: 'data.schoolId: this key writes only its own school' },
      ]);
    });

    test("422 errors name the key's ids as it sent them", async () => {
      const res = await asA([
        event(
          'grade.upserted',
          { gradeId: 'g3', studentId: 'nobody', subjectId: 'math', date: '2026-12-01', value: '4' },
          'g3-event',
        ),
      ]);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { index: 0, id: 'g3-event', message: 'data.studentId: unknown student "nobody"' },
      ]);
    });

    test('unknown, malformed and revoked keys are 401; signing with another key is 401', async () => {
      const events = [event('class.upserted', { schoolId: 'school-a', classId: '4', name: '4А' })];
      expect((await postEvents(runtime.app, events, { keyId: 'jk_AAAAAAAAAAAA', secret: keyA.secret })).status).toBe(
        401,
      );
      expect((await postEvents(runtime.app, events, { keyId: 'jk_../../etc', secret: keyA.secret })).status).toBe(401);
      expect((await postEvents(runtime.app, events, { keyId: keyA.keyId, secret: keyB.secret })).status).toBe(401);
      expect((await postEvents(runtime.app, events, { keyId: keyA.keyId, secret: JOURNAL_SECRET })).status).toBe(401);
      const spare = await runtime.journalKeys.create('school-a');
      expect((await postEvents(runtime.app, events, { keyId: spare.keyId, secret: spare.secret })).status).toBe(200);
      await runtime.journalKeys.revoke(spare.keyId);
      const res = await postEvents(
        runtime.app,
        [event('class.upserted', { schoolId: 'school-a', classId: '5', name: '5Б' })],
        { keyId: spare.keyId, secret: spare.secret },
      );
      expect(res.status).toBe(401);
      expect(res.body.error).toMatch(/unknown or revoked/);
    });

    test('a school holds at most two live keys; a third is refused until one is revoked', async () => {
      const first = await runtime.journalKeys.create('school-r');
      await runtime.journalKeys.create('school-r');
      await expect(runtime.journalKeys.create('school-r')).rejects.toThrow(/already has 2 live keys; revoke one first/);
      await runtime.journalKeys.revoke(first.keyId);
      await expect(runtime.journalKeys.create('school-r')).resolves.toMatchObject({ schoolId: 'school-r' });
      // Concurrent creates cannot both slip under the limit.
      const racing = await Promise.allSettled([
        runtime.journalKeys.create('school-q'),
        runtime.journalKeys.create('school-q'),
        runtime.journalKeys.create('school-q'),
      ]);
      expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    });

    test('secrets are sealed: the database holds no secret, and another seal key opens none', async () => {
      const rows = await db.sql.query<{ id: string; sealedSecret: string }>(
        `SELECT id, "sealedSecret" FROM "JournalKey" WHERE id = $1`,
        [keyA.keyId],
      );
      expect(rows[0].sealedSecret).not.toContain(keyA.secret);
      expect(rows[0].sealedSecret).toMatch(/^v1\.[0-9a-f]{16}\./);
      const other = await openRuntime(
        parseConfig({
          JOURNAL_KEY_SEAL_KEY: 'a-different-seal-key-0123456789abcdef',
          DEMO: 'false',
          LOG_LEVEL: 'silent',
          DATA_DIR: '/nonexistent',
        }),
        { db, logger: createLogger('silent') },
      );
      expect(await other.journalKeys.resolve(keyA.keyId)).toBeNull();
      // A rotation: the new key with the old one as _PREVIOUS opens everything, and reseal moves it over.
      const rotated = await openRuntime(
        parseConfig({
          JOURNAL_KEY_SEAL_KEY: 'a-different-seal-key-0123456789abcdef',
          JOURNAL_KEY_SEAL_KEY_PREVIOUS: SEAL_KEY,
          DEMO: 'false',
          LOG_LEVEL: 'silent',
          DATA_DIR: '/nonexistent',
        }),
        { db, logger: createLogger('silent') },
      );
      expect(await rotated.journalKeys.resolve(keyA.keyId)).toEqual({ schoolId: 'school-a', secret: keyA.secret });
      const { resealed, unopenable } = await rotated.journalKeys.reseal();
      expect(resealed).toBeGreaterThan(0);
      expect(unopenable).toEqual([]);
      expect(await other.journalKeys.resolve(keyA.keyId)).toEqual({ schoolId: 'school-a', secret: keyA.secret });
      expect(await runtime.journalKeys.resolve(keyA.keyId)).toBeNull();
      expect((await rotated.journalKeys.reseal()).resealed).toBe(0);
    });
  });

  describe(`one school per event, whoever writes (${kind})`, () => {
    let db: TestDatabase;
    let runtime: Runtime;
    const op = (events: unknown[]) => postEvents(runtime.app, events);
    const ids = (prefix: string) => (s: string) => `${prefix}-${s}`;

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      const config = parseConfig({
        JOURNAL_WEBHOOK_SECRET: JOURNAL_SECRET,
        JOURNAL_KEY_SEAL_KEY: SEAL_KEY,
        DEMO: 'false',
        LOG_LEVEL: 'silent',
        DATA_DIR: '/nonexistent',
      });
      runtime = await openRuntime(config, { db, logger: createLogger('silent') });
      // The operator's global ids: two schools with ids of their own.
      const withIds = (schoolId: string) =>
        school(schoolId, ids(schoolId)).map((e) => {
          const data = { ...e.data };
          for (const field of ['classId', 'subjectId', 'teacherId', 'studentId', 'lessonId', 'gradeId'])
            if (typeof data[field] === 'string') data[field] = `${schoolId}-${data[field]}`;
          return { ...e, data };
        });
      expect((await op([...withIds('A'), ...withIds('B')])).status).toBe(200);
    });
    // The runtime's close() would close the shared test database too.
    afterAll(async () => {
      await db.destroy();
    });

    test("the attack: a pupil of school A put into school B's class is refused with 422", async () => {
      const res = await op([
        event(
          'student.upserted',
          { schoolId: 'A', studentId: 'A-st1', classId: 'B-1', lastName: 'Иванова', firstName: 'Маша' },
          'x1',
        ),
        event(
          'lesson.upserted',
          {
            lessonId: 'B-l9',
            classId: 'B-1',
            subjectId: 'B-math',
            teacherId: 'B-t1',
            date: '2026-12-02',
            start: '08:30',
            end: '09:15',
          },
          'x2',
        ),
      ]);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { index: 0, id: 'x1', message: 'data.classId: class "B-1" is of school "B", not "A"' },
      ]);
      expect((await db.prisma.student.findUniqueOrThrow({ where: { id: 'A-st1' } })).classId).toBe('A-1');
      expect(await db.prisma.lesson.count({ where: { id: 'B-l9' } })).toBe(0);
    });

    test.each([
      [
        'a lesson with a subject of another school',
        'lesson.upserted',
        {
          lessonId: 'A-l2',
          classId: 'A-1',
          subjectId: 'B-math',
          teacherId: 'A-t1',
          date: '2026-12-02',
          start: '08:30',
          end: '09:15',
        },
        'subjectId',
      ],
      [
        'a lesson with a teacher of another school',
        'lesson.upserted',
        {
          lessonId: 'A-l2',
          classId: 'A-1',
          subjectId: 'A-math',
          teacherId: 'B-t1',
          date: '2026-12-02',
          start: '08:30',
          end: '09:15',
        },
        'teacherId',
      ],
      [
        'homework for a subject of another school',
        'homework.upserted',
        { homeworkId: 'A-h1', classId: 'A-1', subjectId: 'B-math', dueDate: '2026-12-03', text: '№ 1' },
        'subjectId',
      ],
      [
        'a grade in a subject of another school',
        'grade.upserted',
        { gradeId: 'A-g2', studentId: 'A-st1', subjectId: 'B-math', date: '2026-12-01', value: '5' },
        'subjectId',
      ],
      [
        "a grade on another school's lesson",
        'grade.upserted',
        { gradeId: 'A-g3', studentId: 'A-st1', subjectId: 'A-math', date: '2026-12-01', value: '5', lessonId: 'B-l1' },
        'lessonId',
      ],
      [
        "attendance of a pupil at another school's lesson",
        'attendance.marked',
        { lessonId: 'B-l1', studentId: 'A-st1', status: 'absent' },
        'studentId',
      ],
      [
        'a homeroom teacher of another school',
        'class.upserted',
        { schoolId: 'A', classId: 'A-1', name: '5А', homeroomTeacherId: 'B-t1' },
        'homeroomTeacherId',
      ],
    ])('%s is 422', async (_name, type, data, field) => {
      const res = await op([event(type, data as Record<string, unknown>, `mix-${field}-${type}`)]);
      expect(res.status).toBe(422);
      expect(res.body.errors[0].message).toMatch(
        new RegExp(`^data\\.${field}: .* is of school "B", not "A"$|^data\\.${field}: .* is of school "A", not "B"$`),
      );
    });

    test('a class, subject or teacher cannot move to another school; a pupil may (a transfer)', async () => {
      const moved = await op([event('class.upserted', { schoolId: 'B', classId: 'A-1', name: '5А' }, 'mv-1')]);
      expect(moved.status).toBe(422);
      expect(moved.body.errors[0].message).toBe(
        'data.classId: class "A-1" is of school "A" and cannot move to school "B"',
      );
      const transfer = await op([
        event(
          'student.upserted',
          { schoolId: 'A', studentId: 'B-st7', classId: 'A-1', lastName: 'Новикова', firstName: 'Аня' },
          'tr-0',
        ),
        event(
          'student.upserted',
          { schoolId: 'B', studentId: 'B-st7', classId: 'B-1', lastName: 'Новикова', firstName: 'Аня' },
          'tr-1',
        ),
      ]);
      expect(transfer.status).toBe(200);
      expect(await db.prisma.student.findUniqueOrThrow({ where: { id: 'B-st7' } })).toMatchObject({
        schoolId: 'B',
        classId: 'B-1',
      });
    });

    test('a homeroom teacher of the same school is stored; a class event without one keeps it', async () => {
      expect(
        (await op([event('class.upserted', { schoolId: 'A', classId: 'A-1', name: '5А', homeroomTeacherId: 'A-t1' })]))
          .status,
      ).toBe(200);
      expect((await op([event('class.upserted', { schoolId: 'A', classId: 'A-1', name: '5А «Б»' })])).status).toBe(200);
      expect(await db.prisma.schoolClass.findUniqueOrThrow({ where: { id: 'A-1' } })).toMatchObject({
        name: '5А «Б»',
        homeroomTeacherId: 'A-t1',
      });
      expect(
        (await op([event('class.upserted', { schoolId: 'A', classId: 'A-1', name: '5А', homeroomTeacherId: null })]))
          .status,
      ).toBe(200);
      expect((await db.prisma.schoolClass.findUniqueOrThrow({ where: { id: 'A-1' } })).homeroomTeacherId).toBeNull();
    });
  });
}
