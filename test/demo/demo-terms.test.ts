import { weightedAverage } from '../../core/diary';
import { markFor, type TermReader } from '../../core/terms';
import { generateDemoSchool } from '../../prisma/demo/demo-school';
import { createTermReader } from '../../prisma/stores/terms/term-reader';
import { createDemoDatabase, DEMO_TODAY } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import { ofType } from './demo-checks';

// The demo school's term results: its own periods of the school year (quarters for the 5th to
// 9th grades, halves for the 10th, a year for all), and the marks fixed for the periods already over.

describe('demo school periods and final grades', () => {
  const { events } = generateDemoSchool({ today: DEMO_TODAY });
  const periods = ofType(events, 'period.upserted');
  const finals = ofType(events, 'final_grade.upserted');
  const students = ofType(events, 'student.upserted');

  it('sends the quarters, halves and year of 2026/27 as the school’s own', () => {
    expect(periods.map((p) => [p.periodId, p.name, p.kind, p.start, p.end])).toEqual([
      ['per-2026-q1', '1 четверть', 'quarter', '2026-09-01', '2026-10-31'],
      ['per-2026-q2', '2 четверть', 'quarter', '2026-11-01', '2026-12-31'],
      ['per-2026-q3', '3 четверть', 'quarter', '2027-01-01', '2027-03-29'],
      ['per-2026-q4', '4 четверть', 'quarter', '2027-03-30', '2027-05-31'],
      ['per-2026-h1', '1 полугодие', 'half', '2026-09-01', '2026-12-31'],
      ['per-2026-h2', '2 полугодие', 'half', '2027-01-01', '2027-05-31'],
      ['per-2026-y', 'Учебный год', 'year', '2026-09-01', '2027-05-31'],
    ]);
  });

  it('fixes the 1st quarter for every pupil of the 5th to 9th grades in every subject, and nothing yet for the 10th', () => {
    expect(new Set(finals.map((f) => f.periodId))).toEqual(new Set(['per-2026-q1']));
    const classOf = new Map(students.map((s) => [s.studentId, s.classId]));
    const marked = new Set(finals.map((f) => classOf.get(f.studentId)));
    expect(marked).toEqual(new Set(['cls-5a', 'cls-7b', 'cls-9v']));
    const lessons = ofType(events, 'lesson.upserted');
    for (const cls of marked) {
      const subjects = new Set(lessons.filter((l) => l.classId === cls).map((l) => l.subjectId));
      const pupils = students.filter((s) => s.classId === cls);
      expect(finals.filter((f) => classOf.get(f.studentId) === cls)).toHaveLength(subjects.size * pupils.length);
    }
    const values = finals.map((f) => f.value);
    expect(values.filter((v) => v === '4' || v === '5').length / values.length).toBeGreaterThan(0.6);
    expect(values.every((v) => ['2', '3', '4', '5', 'зачёт', 'незачёт', 'н/а', 'осв.'].includes(v))).toBe(true);
  });

  it('keeps a mark the same whichever day the demo is made, and adds the 2nd quarter’s once it is over', () => {
    const later = ofType(generateDemoSchool({ today: '2027-01-20' }).events, 'final_grade.upserted');
    expect(later.filter((f) => f.periodId === 'per-2026-q1')).toEqual(finals);
    expect(new Set(later.map((f) => f.periodId))).toEqual(new Set(['per-2026-q1', 'per-2026-q2', 'per-2026-h1']));
  });
});

describe('the demo school loaded, read through the term reader', () => {
  let db: TestDatabase;
  let reader: TermReader;

  beforeAll(async () => {
    db = await createDemoDatabase('pglite');
    reader = createTermReader(db);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it("answers a 5th grader's 2nd quarter so far and 1st quarter marks", async () => {
    const [terms] = await reader.schoolTerms([{ schoolId: 'demo-school', day: DEMO_TODAY }]);
    expect(terms.fromSchool).toBe(true);
    const q2 = terms.periods.find((p) => p.kind === 'quarter' && p.number === 2)!;
    const q1 = terms.periods.find((p) => p.kind === 'quarter' && p.number === 1)!;
    const [masha] = await reader.studentTerms(
      [
        {
          studentId: 'stu-5a-01',
          classId: 'cls-5a',
          range: { from: q2.start, to: q2.end },
          today: DEMO_TODAY,
          periodIds: [q1.id],
        },
      ],
      { grades: true, finalGrades: true, lessonsLeft: true },
      [],
    );
    expect(masha.grades.length).toBeGreaterThan(0);
    expect(masha.grades.every((g) => g.date >= q2.start && g.date <= DEMO_TODAY)).toBe(true);
    expect(masha.grades.some((g) => g.topic)).toBe(true);
    expect(masha.finalGrades.map((f) => f.periodId)).toEqual(masha.finalGrades.map(() => q1.id));
    expect(masha.finalGrades.length).toBeGreaterThan(5);
    // The demo's timetable runs to the end of next week: the lessons left are that far.
    expect(masha.lessonsLeft.find((l) => l.subject === 'Математика')?.count).toBeGreaterThan(0);
    const maths = masha.grades.filter((g) => g.subject === 'Математика');
    expect(markFor(weightedAverage(maths), terms.rounding)).toMatch(/^[2-5]$/);
  });
});
