import fc from 'fast-check';
import { gradeScore, markGuides, subjectSeries, termMark } from '../../core/charts';
import { type TGradeItem, weightedAverage } from '../../core/diary';

// The numbers a chart draws: each mark's running weighted average, and the period's average,
// which must be the one the chat answers give for the same marks (core/diary's weightedAverage).

const grade = (date: string, value: string, weight = 1) => ({ date, value, weight });

describe('a subject series', () => {
  it('orders marks by date, keeping the order of one day, and follows the weighted average after each', () => {
    const s = subjectSeries({
      name: 'Алгебра',
      grades: [
        grade('2026-11-10', '3', 2),
        grade('2026-11-03', '5'),
        grade('2026-11-10', '4'),
        grade('2026-11-12', '5'),
      ],
    });
    expect(s.points.map((p) => `${p.date} ${p.value}`)).toEqual([
      '2026-11-03 5',
      '2026-11-10 3',
      '2026-11-10 4',
      '2026-11-12 5',
    ]);
    // 5 → (5 + 3·2) / 3 → (5 + 6 + 4) / 4 → (15 + 5) / 5
    expect(s.points.map((p) => p.average)).toEqual([5, 11 / 3, 15 / 4, 4]);
    expect(s.average).toBe(4);
    expect(s.scored).toBe(4);
  });

  it('shows marks without a number but leaves them out of the average', () => {
    const s = subjectSeries({
      name: 'Физическая культура',
      grades: [
        grade('2026-11-03', 'зачёт'),
        grade('2026-11-04', '4'),
        grade('2026-11-05', 'н/а', 3),
        grade('2026-11-06', '5'),
      ],
    });
    expect(s.points.map((p) => p.score)).toEqual([null, 4, null, 5]);
    expect(s.points.map((p) => p.average)).toEqual([null, 4, 4, 4.5]);
    expect(s.average).toBe(4.5);
    expect(s.scored).toBe(2);
  });

  it('has no average when no mark has a number', () => {
    const s = subjectSeries({ name: 'Музыка', grades: [grade('2026-11-03', 'зачёт')] });
    expect(s.average).toBeNull();
    expect(subjectSeries({ name: 'Музыка', grades: [] })).toMatchObject({ points: [], average: null, scored: 0 });
  });

  it('averages exactly as the chat answers do, whatever the marks', () => {
    const value = fc.constantFrom('1', '2', '3', '4', '5', 'зачёт', 'незачёт', 'н/а', '0', '6', '4.5', ' 4');
    fc.assert(
      fc.property(
        fc.array(fc.record({ value, weight: fc.integer({ min: 1, max: 5 }) }), { maxLength: 40 }),
        (marks) => {
          const items: TGradeItem[] = marks.map((m, i) => ({
            id: String(i),
            date: '2026-11-03',
            subject: 'Алгебра',
            value: m.value,
            weight: m.weight,
            workType: null,
            comment: null,
          }));
          const s = subjectSeries({
            name: 'Алгебра',
            grades: marks.map((m) => grade('2026-11-03', m.value, m.weight)),
          });
          expect(s.average).toBe(weightedAverage(items));
        },
      ),
    );
  });
});

describe('marks and terms', () => {
  it('counts only the integers 1–5 as numbers', () => {
    expect(['1', '2', '5', '0', '6', '4.5', 'зачёт', ''].map(gradeScore)).toEqual([
      1,
      2,
      5,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('rounds an average to the term mark half up, at the threshold itself too', () => {
    expect([3.49, 3.5, 4.49, 4.5, 2.5, 2.49, 1.2, 5].map((a) => termMark(a))).toEqual([3, 4, 4, 5, 3, 2, 2, 5]);
    // 3.4999 shows as 3,50 and is read as a four, as the journal reads it.
    expect(termMark(3.4999)).toBe(4);
  });

  it("follows a school's own rule", () => {
    const strict = { '5': 4.6, '4': 3.6, '3': 2.6 };
    expect([4.55, 4.6, 3.59, 3.6, 2.59].map((a) => termMark(a, strict))).toEqual([4, 5, 3, 4, 2]);
    expect(markGuides(strict)).toEqual([
      { mark: 4, from: 3.6 },
      { mark: 5, from: 4.6 },
    ]);
  });
});
