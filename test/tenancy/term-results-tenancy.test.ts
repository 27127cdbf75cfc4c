import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, type Runtime } from '../../main';
import { event, JOURNAL_SECRET, postEvents, type TRawEvent } from '../helpers/journal-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';
import { changedTables, tableFingerprints } from './tenancy-cases';

// Periods and final grades between schools (README "Schools as tenants"): each school's key
// writes its own in its own namespace, cannot touch or name another school's, and no event —
// whoever sends it — puts a final grade of one school's period on another school's pupil.

const SEAL_KEY = 'seal-key-for-tests-0123456789abcdef';
const Q1 = { start: '2026-09-01', end: '2026-10-26' };

/** A school with the same local ids every school system might use, and its first quarter. */
function school(schoolId: string): TRawEvent[] {
  return [
    event('school.upserted', { schoolId, name: `Школа ${schoolId}` }, 'e1'),
    event('class.upserted', { schoolId, classId: '1', name: '5А' }, 'e2'),
    event('subject.upserted', { schoolId, subjectId: 'math', name: 'Математика' }, 'e3'),
    event(
      'student.upserted',
      { schoolId, studentId: 'st1', classId: '1', lastName: 'Иванова', firstName: 'Маша' },
      'e4',
    ),
    event('period.upserted', { schoolId, periodId: 'q1', name: '1 четверть', kind: 'quarter', ...Q1 }, 'e5'),
    event(
      'final_grade.upserted',
      { finalGradeId: 'fg1', studentId: 'st1', subjectId: 'math', periodId: 'q1', value: '5' },
      'e6',
    ),
  ];
}

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`periods and final grades between schools (${kind})`, () => {
    let db: TestDatabase;
    let runtime: Runtime;
    let keyA: { keyId: string; secret: string };
    let keyB: { keyId: string; secret: string };
    const asA = (events: unknown[]) => postEvents(runtime.app, events, { keyId: keyA.keyId, secret: keyA.secret });
    const asB = (events: unknown[]) => postEvents(runtime.app, events, { keyId: keyB.keyId, secret: keyB.secret });
    const asOperator = (events: unknown[]) => postEvents(runtime.app, events);

    /** The answer to a batch that must change nothing. */
    async function unchanged(post: Promise<{ status: number; body: { errors?: unknown } }>) {
      const before = await tableFingerprints((sql) => db.sql.query(sql));
      const res = await post;
      expect(changedTables(before, await tableFingerprints((sql) => db.sql.query(sql)))).toEqual([]);
      return { status: res.status, errors: res.body.errors };
    }

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
      // The same days and ids in another school: no overlap, no collision.
      expect((await asB(school('school-b'))).status).toBe(200);
      // The operator's decoys: rows of school B whose global ids lie in school A's namespace.
      const decoys = await asOperator([
        event('student.upserted', {
          schoolId: 'school-b',
          studentId: 'school-a:dst',
          classId: 'school-b:1',
          lastName: 'Петров',
          firstName: 'Ваня',
        }),
        event('period.upserted', { schoolId: 'school-b', periodId: 'school-a:dq', name: 'Год', kind: 'year', ...Q1 }),
        event('final_grade.upserted', {
          finalGradeId: 'school-a:dfg',
          studentId: 'school-b:st1',
          subjectId: 'school-b:math',
          periodId: 'school-a:dq',
          value: '4',
        }),
      ]);
      expect(decoys.status).toBe(200);
    });
    afterAll(async () => {
      await db.destroy();
    });

    test("each school's periods and final grades are stored in its own namespace", async () => {
      const periods = await db.prisma.period.findMany({ where: { kind: 'quarter' }, orderBy: { id: 'asc' } });
      expect(periods.map((p) => [p.id, p.schoolId])).toEqual([
        ['school-a:q1', 'school-a'],
        ['school-b:q1', 'school-b'],
      ]);
      const marks = await db.prisma.finalGrade.findMany({
        where: { id: { endsWith: ':fg1' } },
        orderBy: { id: 'asc' },
      });
      expect(marks.map((m) => [m.id, m.studentId, m.periodId])).toEqual([
        ['school-a:fg1', 'school-a:st1', 'school-a:q1'],
        ['school-b:fg1', 'school-b:st1', 'school-b:q1'],
      ]);
    });

    test('a key cannot define a period of another school, nor delete or redefine one stored under it', async () => {
      const named = event('period.upserted', {
        schoolId: 'school-b',
        periodId: 'q2',
        name: '2',
        kind: 'quarter',
        ...Q1,
      });
      expect(await unchanged(asA([named]))).toEqual({
        status: 403,
        errors: [{ index: 0, id: named.id, message: 'data.schoolId: this key writes only its own school' }],
      });
      const deleted = event('period.deleted', { periodId: 'dq' });
      expect(await unchanged(asA([deleted]))).toEqual({
        status: 403,
        errors: [{ index: 0, id: deleted.id, message: 'data.periodId: period "dq" belongs to another school' }],
      });
      const moved = event('period.upserted', {
        schoolId: 'school-a',
        periodId: 'dq',
        name: 'Год',
        kind: 'year',
        ...Q1,
      });
      expect((await unchanged(asA([moved]))).status).toBe(403);
      // B's own period by its stored id names A's own "school-b:q1", which does not exist.
      expect(await unchanged(asA([event('period.deleted', { periodId: 'school-b:q1' }, 'x1')]))).toEqual({
        status: 422,
        errors: [{ index: 0, id: 'x1', message: 'data.periodId: unknown period "school-b:q1"' }],
      });
    });

    test("a key cannot give a final grade in another school's period or to its pupil, nor delete one", async () => {
      const inTheirPeriod = event('final_grade.upserted', {
        finalGradeId: 'fg9',
        studentId: 'st1',
        subjectId: 'math',
        periodId: 'dq',
        value: '5',
      });
      expect(await unchanged(asA([inTheirPeriod]))).toEqual({
        status: 403,
        errors: [{ index: 0, id: inTheirPeriod.id, message: 'data.periodId: period "dq" belongs to another school' }],
      });
      const toTheirPupil = event('final_grade.upserted', {
        finalGradeId: 'fg9',
        studentId: 'dst',
        subjectId: 'math',
        periodId: 'q1',
        value: '5',
      });
      expect((await unchanged(asA([toTheirPupil]))).status).toBe(403);
      expect((await unchanged(asA([event('final_grade.deleted', { finalGradeId: 'dfg' })]))).status).toBe(403);
      const byStoredId = event('final_grade.upserted', {
        finalGradeId: 'fg9',
        studentId: 'school-b:st1',
        subjectId: 'math',
        periodId: 'q1',
        value: '5',
      });
      expect(await unchanged(asA([byStoredId]))).toEqual({
        status: 422,
        errors: [{ index: 0, id: byStoredId.id, message: 'data.studentId: unknown student "school-b:st1"' }],
      });
      // B's final grade is untouched by all of it.
      expect(await db.prisma.finalGrade.findUniqueOrThrow({ where: { id: 'school-b:fg1' } })).toMatchObject({
        value: '5',
        deletedAt: null,
      });
    });

    test("the operator cannot mix schools: one school's period for another school's pupil is 422", async () => {
      const mixed = event('final_grade.upserted', {
        finalGradeId: 'op-fg1',
        studentId: 'school-b:st1',
        subjectId: 'school-b:math',
        periodId: 'school-a:q1',
        value: '5',
      });
      expect(await unchanged(asOperator([mixed]))).toEqual({
        status: 422,
        errors: [
          {
            index: 0,
            id: mixed.id,
            message: 'data.periodId: period "school-a:q1" is of school "school-a", not "school-b"',
          },
        ],
      });
      // Nor move a stored period or final grade to another school.
      const movePeriod = event('period.upserted', {
        schoolId: 'school-b',
        periodId: 'school-a:q1',
        name: '1 четверть',
        kind: 'quarter',
        start: '2027-01-09',
        end: '2027-03-22',
      });
      expect((await unchanged(asOperator([movePeriod]))).status).toBe(422);
      const moveMark = event('final_grade.upserted', {
        finalGradeId: 'school-a:fg1',
        studentId: 'school-b:st1',
        subjectId: 'school-b:math',
        periodId: 'school-b:q1',
        value: '3',
      });
      expect((await unchanged(asOperator([moveMark]))).status).toBe(422);
    });

    test("a school's overlaps and duplicates are told in its own ids, and judged against its own periods only", async () => {
      const overlapping = event('period.upserted', {
        schoolId: 'school-a',
        periodId: 'q2',
        name: '2 четверть',
        kind: 'quarter',
        start: '2026-10-20',
        end: '2026-12-28',
      });
      expect(await unchanged(asA([overlapping]))).toEqual({
        status: 422,
        errors: [
          {
            index: 0,
            id: overlapping.id,
            message: 'data.start: quarter "q2" (2026-10-20–2026-12-28) overlaps quarter "q1" (2026-09-01–2026-10-26)',
          },
        ],
      });
      const second = event('final_grade.upserted', {
        finalGradeId: 'fg2',
        studentId: 'st1',
        subjectId: 'math',
        periodId: 'q1',
        value: '4',
      });
      expect((await unchanged(asA([second]))).errors).toEqual([
        {
          index: 0,
          id: second.id,
          message:
            'data.finalGradeId: student "st1" already has final grade "fg1" in subject "math" for period "q1"; change that one, or delete it first',
        },
      ]);
      // B's year-long decoy period of the same days is another school's: A may add a year of its own.
      const year = event('period.upserted', {
        schoolId: 'school-a',
        periodId: 'y',
        name: 'Год',
        kind: 'year',
        start: '2026-09-01',
        end: '2027-05-31',
      });
      expect((await asA([year])).status).toBe(200);
    });
  });
}
