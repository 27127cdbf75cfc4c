import { ZFinalGradeFactSchema } from '../../core/alerts/fact-schemas';
import { planAlerts } from '../../core/alerts/plan-alerts';
import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, type Runtime } from '../../main';
import { event, JOURNAL_SECRET, postEvents, schoolEvents } from '../helpers/journal-fixtures';
import { finalGradeEvent, periodEvent, Q1, Q2 } from '../helpers/term-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';
import { changedTables, tableFingerprints } from '../tenancy/tenancy-cases';

// Periods, final grades and the term settings of a school on the journal API (README "Journal
// ingestion API"), run against both database implementations.

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`term results on the journal API (${kind})`, () => {
    let db: TestDatabase;
    let runtime: Runtime;
    const post = (events: unknown[]) => postEvents(runtime.app, events);
    const fingerprints = () => tableFingerprints((sql) => db.sql.query(sql));

    /** Posts a batch that must be refused whole: 422, its reasons, and no row changed. */
    async function refused(events: unknown[]) {
      const before = await fingerprints();
      const res = await post(events);
      expect(res.status).toBe(422);
      expect(changedTables(before, await fingerprints())).toEqual([]);
      return res.body.errors as { index: number; id: string; message: string }[];
    }

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

    const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10);

    test('periods and final grades are stored, and a final grade becomes an outbox fact', async () => {
      const q1 = periodEvent('a', 'a-q1', Q1);
      const year = periodEvent('a', 'a-y', { start: '2026-09-01', end: '2027-05-31' }, { kind: 'year', name: 'Год' });
      const mark = finalGradeEvent('a', 'a-fg1', 'a-q1', '4', { comment: 'Старательно работала' });
      const na = finalGradeEvent('a', 'a-fg2', 'a-q1', 'н/а', { studentId: 'a-st2' });
      const res = await post([...schoolEvents('a'), q1, year, mark, na]);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accepted: 11, duplicates: 0 });

      const period = await db.prisma.period.findUniqueOrThrow({ where: { id: 'a-q1' } });
      expect(period).toMatchObject({ schoolId: 'a', name: 'a-q1 четверть', kind: 'quarter', deletedAt: null });
      expect([day(period.start), day(period.end)]).toEqual(['2026-09-01', '2026-10-26']);
      expect(await db.prisma.finalGrade.findUniqueOrThrow({ where: { id: 'a-fg1' } })).toMatchObject({
        studentId: 'a-st1',
        subjectId: 'a-math',
        periodId: 'a-q1',
        value: '4',
        comment: 'Старательно работала',
        deletedAt: null,
      });
      const facts = await db.prisma.outbox.findMany({
        where: { eventId: { in: [mark.id, na.id] } },
        orderBy: { id: 'asc' },
      });
      expect(facts.map((f) => [f.kind, f.studentId, f.payload])).toEqual([
        ['final_grade.created', 'a-st1', { finalGradeId: 'a-fg1', subjectId: 'a-math', periodId: 'a-q1', value: '4' }],
        [
          'final_grade.created',
          'a-st2',
          { finalGradeId: 'a-fg2', subjectId: 'a-math', periodId: 'a-q1', value: 'н/а' },
        ],
      ]);
      // The fact is what a later alert type will read; today's planner passes it by.
      for (const f of facts) expect(ZFinalGradeFactSchema.safeParse(f.payload).success).toBe(true);
      const planned = planAlerts({
        facts: facts.map((f) => ({ ...f, id: String(f.id), createdAt: f.createdAt })),
        recipients: new Map(),
        classStudents: new Map(),
        subjectNames: new Map(),
        withdrawn: [],
      });
      expect(planned).toEqual([]);
    });

    test('the same batch twice: the second is all duplicates and changes nothing', async () => {
      const events = [
        ...schoolEvents('b'),
        periodEvent('b', 'b-q1', Q1),
        periodEvent('b', 'b-q2', Q2),
        finalGradeEvent('b', 'b-fg1', 'b-q1', 'осв.'),
        event('school.upserted', {
          schoolId: 'b',
          name: 'Школа № 1',
          settings: { rounding: { 5: 4.6, 4: 3.6, 3: 2.6 } },
        }),
      ];
      expect((await post(events)).status).toBe(200);
      const before = await fingerprints();
      const res = await post(events);
      expect(res.body).toEqual({ accepted: 0, duplicates: events.length });
      expect(changedTables(before, await fingerprints())).toEqual([]);
    });

    test('a corrected mark is one final_grade.changed fact with the mark it replaced; a corrected comment none; a deletion one', async () => {
      await post([...schoolEvents('c'), periodEvent('c', 'c-q1', Q1), finalGradeEvent('c', 'c-fg1', 'c-q1', '3')]);
      const kinds = async () =>
        (await db.prisma.outbox.findMany({ where: { studentId: 'c-st1' }, orderBy: { id: 'asc' } })).map((f) => [
          f.kind,
          f.payload,
        ]);
      expect((await post([finalGradeEvent('c', 'c-fg1', 'c-q1', '4')])).status).toBe(200);
      expect((await post([finalGradeEvent('c', 'c-fg1', 'c-q1', '4', { comment: 'Исправлена' })])).status).toBe(200);
      expect((await db.prisma.finalGrade.findUniqueOrThrow({ where: { id: 'c-fg1' } })).comment).toBe('Исправлена');
      expect((await post([event('final_grade.deleted', { finalGradeId: 'c-fg1' })])).status).toBe(200);
      // A repeated deletion (a new event id) finds nothing to delete: no second fact.
      expect((await post([event('final_grade.deleted', { finalGradeId: 'c-fg1' })])).status).toBe(200);
      const base = { finalGradeId: 'c-fg1', subjectId: 'c-math', periodId: 'c-q1' };
      expect(await kinds()).toEqual([
        ['final_grade.created', { ...base, value: '3' }],
        ['final_grade.changed', { ...base, value: '4', previousValue: '3' }],
        ['final_grade.deleted', { ...base, value: '4' }],
      ]);
      expect((await db.prisma.finalGrade.findUniqueOrThrow({ where: { id: 'c-fg1' } })).deletedAt).not.toBeNull();
      // Sent again after its deletion, it is a new mark.
      expect((await post([finalGradeEvent('c', 'c-fg1', 'c-q1', '5')])).status).toBe(200);
      expect((await kinds()).at(-1)).toEqual(['final_grade.created', { ...base, value: '5' }]);
    });

    test('a deleted period is hidden and frees its days for another of its kind', async () => {
      await post([...schoolEvents('d'), periodEvent('d', 'd-q1', Q1)]);
      const overlapping = periodEvent('d', 'd-q1b', { start: '2026-09-02', end: '2026-10-30' });
      expect((await post([event('period.deleted', { periodId: 'd-q1' }), overlapping])).status).toBe(200);
      expect((await db.prisma.period.findUniqueOrThrow({ where: { id: 'd-q1' } })).deletedAt).not.toBeNull();
      expect((await db.prisma.period.findUniqueOrThrow({ where: { id: 'd-q1b' } })).deletedAt).toBeNull();
      // Upserted again, the deleted period is back — and now overlaps the one that took its days.
      const errors = await refused([periodEvent('d', 'd-q1', Q1)]);
      expect(errors[0].message).toMatch(/quarter "d-q1" \(2026-09-01–2026-10-26\) overlaps quarter "d-q1b"/);
    });

    test('overlapping periods of one kind are refused whole, against stored ones and within the batch', async () => {
      await post([...schoolEvents('e'), periodEvent('e', 'e-q1', Q1)]);
      const intoQ1 = periodEvent('e', 'e-q2', { start: '2026-10-26', end: '2026-12-28' });
      const fine = finalGradeEvent('e', 'e-fg1', 'e-q1');
      const errors = await refused([fine, intoQ1]);
      expect(errors).toEqual([
        {
          index: 1,
          id: intoQ1.id,
          message: 'data.start: quarter "e-q2" (2026-10-26–2026-12-28) overlaps quarter "e-q1" (2026-09-01–2026-10-26)',
        },
      ]);
      // Two new ones that overlap each other: the later event is told.
      const x = periodEvent('e', 'e-t1', { start: '2027-01-09', end: '2027-03-22' }, { kind: 'trimester' });
      const y = periodEvent('e', 'e-t2', { start: '2027-03-01', end: '2027-05-31' }, { kind: 'trimester' });
      expect((await refused([x, y])).map((e) => e.index)).toEqual([1]);
      // Another kind may cover the same days; so may another school.
      const half = periodEvent('e', 'e-h1', { start: '2026-09-01', end: '2026-12-28' }, { kind: 'half' });
      expect((await post([half])).status).toBe(200);
      expect((await post([...schoolEvents('e2'), periodEvent('e2', 'e2-q1', Q1)])).status).toBe(200);
    });

    test('two quarters may move their boundary in one batch, in either order', async () => {
      await post([...schoolEvents('f'), periodEvent('f', 'f-q1', Q1), periodEvent('f', 'f-q2', Q2)]);
      const q2Earlier = periodEvent('f', 'f-q2', { start: '2026-10-20', end: Q2.end });
      const q1Shorter = periodEvent('f', 'f-q1', { start: Q1.start, end: '2026-10-19' });
      expect((await post([q2Earlier, q1Shorter])).status).toBe(200);
      const q1 = await db.prisma.period.findUniqueOrThrow({ where: { id: 'f-q1' } });
      expect(day(q1.end)).toBe('2026-10-19');
    });

    test('malformed periods, marks and settings are 422 with the field named, and nothing is applied', async () => {
      await post([...schoolEvents('g'), periodEvent('g', 'g-q1', Q1)]);
      const cases: [unknown, RegExp][] = [
        [
          periodEvent('g', 'g-q2', { start: '2026-12-28', end: '2026-11-05' }),
          /^data\.end: end must not be before start/,
        ],
        [
          periodEvent('g', 'g-y', { start: '2026-09-01', end: '2027-09-02' }, { kind: 'year' }),
          /a period lasts at most a year/,
        ],
        [periodEvent('g', 'g-q3', { start: '2027-02-30', end: '2027-03-22' }), /^data\.start: not a calendar date/],
        [periodEvent('g', 'g-q3', Q2, { kind: 'semester' }), /^data\.kind: /],
        [finalGradeEvent('g', 'g-fg1', 'g-q1', '6'), /^data\.value: /],
        [finalGradeEvent('g', 'g-fg1', 'g-q1', 'н/a'), /^data\.value: /],
        [finalGradeEvent('g', 'g-fg1', 'g-nowhere'), /^data\.periodId: unknown period "g-nowhere"$/],
        [event('period.deleted', { periodId: 'g-nowhere' }), /^data\.periodId: unknown period "g-nowhere"$/],
        [
          event('final_grade.deleted', { finalGradeId: 'g-none' }),
          /^data\.finalGradeId: unknown final_grade "g-none"$/,
        ],
        [
          event('school.upserted', { schoolId: 'g', name: 'Ш', settings: { rounding: { 5: 4.5, 4: 4.5, 3: 2.5 } } }),
          /^data\.settings\.rounding: thresholds must descend/,
        ],
        [
          event('school.upserted', { schoolId: 'g', name: 'Ш', settings: { rounding: { 5: 4.5, 4: 3.5 } } }),
          /^data\.settings\.rounding\.3: /,
        ],
        [
          event('school.upserted', { schoolId: 'g', name: 'Ш', settings: { rounding: { 5: 6, 4: 3.5, 3: 2.5 } } }),
          /^data\.settings\.rounding\.5: /,
        ],
        [
          event('school.upserted', { schoolId: 'g', name: 'Ш', settings: { rounding: { 5: '4.5', 4: 3.5, 3: 2.5 } } }),
          /^data\.settings\.rounding\.5: /,
        ],
        [
          event('school.upserted', { schoolId: 'g', name: 'Ш', settings: { reminderDelayHours: 1.5 } }),
          /reminderDelayHours/,
        ],
        [
          event('school.upserted', { schoolId: 'g', name: 'Ш', settings: { reminderDelayHours: 100 } }),
          /reminderDelayHours/,
        ],
      ];
      for (const [bad, reason] of cases) {
        // Hidden among valid events: the batch is refused whole, naming only the bad one.
        const valid = finalGradeEvent('g', 'g-ok', 'g-q1');
        const before = await fingerprints();
        const res = await post([valid, bad]);
        // The expected reason rides along, so a failure names its case.
        expect({ reason: String(reason), status: res.status, errors: res.body.errors }).toEqual({
          reason: String(reason),
          status: 422,
          errors: [{ index: 1, id: (bad as { id: string }).id, message: expect.stringMatching(reason) }],
        });
        expect(changedTables(before, await fingerprints())).toEqual([]);
      }
    });

    test('a second final grade for the same pupil, subject and period is refused; replacing one by deleting it first is not', async () => {
      await post([...schoolEvents('h'), periodEvent('h', 'h-q1', Q1), finalGradeEvent('h', 'h-fg1', 'h-q1', '4')]);
      const second = finalGradeEvent('h', 'h-fg2', 'h-q1', '5');
      const errors = await refused([second]);
      expect(errors[0].message).toBe(
        'data.finalGradeId: student "h-st1" already has final grade "h-fg1" in subject "h-math" for period "h-q1"; change that one, or delete it first',
      );
      // Twice in one batch under two ids: the second is told.
      const twins = [
        finalGradeEvent('h', 'h-fg3', 'h-q1', '5', { studentId: 'h-st2' }),
        finalGradeEvent('h', 'h-fg4', 'h-q1', '4', { studentId: 'h-st2' }),
      ];
      expect((await refused(twins)).map((e) => e.index)).toEqual([1]);
      expect((await post([event('final_grade.deleted', { finalGradeId: 'h-fg1' }), second])).status).toBe(200);
      // A final grade moved to another period frees its slot in the batch.
      await post([periodEvent('h', 'h-q2', Q2)]);
      const moved = finalGradeEvent('h', 'h-fg2', 'h-q2', '5');
      expect((await post([moved, finalGradeEvent('h', 'h-fg5', 'h-q1', '3')])).status).toBe(200);
    });

    test("a school's rounding and reminder delay are kept when left out; rounding null goes back to the default", async () => {
      const school = (settings?: Record<string, unknown>) =>
        event('school.upserted', { schoolId: 'set', name: 'Школа', ...(settings ? { settings } : {}) });
      const stored = () =>
        db.prisma.school.findUniqueOrThrow({
          where: { id: 'set' },
          select: { rounding: true, reminderDelayHours: true },
        });
      expect((await post([school()])).status).toBe(200);
      expect(await stored()).toEqual({ rounding: null, reminderDelayHours: 2 });
      const strict = { 5: 4.6, 4: 3.6, 3: 2.6 };
      expect((await post([school({ rounding: strict, reminderDelayHours: 4 })])).status).toBe(200);
      expect(await stored()).toEqual({ rounding: { 5: 4.6, 4: 3.6, 3: 2.6 }, reminderDelayHours: 4 });
      expect((await post([school(), school({ studentSelfConsent: true })])).status).toBe(200);
      expect(await stored()).toEqual({ rounding: { 5: 4.6, 4: 3.6, 3: 2.6 }, reminderDelayHours: 4 });
      expect((await post([school({ rounding: null })])).status).toBe(200);
      expect(await stored()).toEqual({ rounding: null, reminderDelayHours: 4 });
      // Within one batch a later event that leaves a setting out keeps what an earlier one set.
      expect(
        (await post([school({ reminderDelayHours: 6, rounding: strict }), school({ reminderDelayHours: 3 })])).status,
      ).toBe(200);
      expect(await stored()).toEqual({ rounding: { 5: 4.6, 4: 3.6, 3: 2.6 }, reminderDelayHours: 3 });
      // A new school sent with its settings starts with them.
      const fresh = event('school.upserted', { schoolId: 'set-2', name: 'Школа', settings: { reminderDelayHours: 0 } });
      expect((await post([fresh])).status).toBe(200);
      expect((await db.prisma.school.findUniqueOrThrow({ where: { id: 'set-2' } })).reminderDelayHours).toBe(0);
    });
  });
}
