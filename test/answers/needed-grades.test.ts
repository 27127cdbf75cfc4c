import fc from 'fast-check';
import {
  averageOf,
  fivesNeeded as fivesNeededFor,
  nextMark,
  type TCountedGrade,
  tallyOf,
} from '../../core/answers/needed-grades';
import { DEFAULT_ROUNDING, markFor, type TRounding } from '../../core/terms';

// What a "what do I need" answer promises must hold: adding the fives it names really earns the
// target under the school's rule, and one fewer does not.

const grade = fc.record({ value: fc.integer({ min: 1, max: 5 }), weight: fc.integer({ min: 1, max: 3 }) });
const rounding: fc.Arbitrary<TRounding> = fc
  .tuple(fc.integer({ min: 250, max: 340 }), fc.integer({ min: 10, max: 60 }), fc.integer({ min: 10, max: 60 }))
  .map(([three, gap4, gap5]) => ({
    '3': three / 100,
    '4': Math.min(4.9, (three + 50 + gap4) / 100),
    '5': Math.min(5, (three + 100 + gap4 + gap5) / 100),
  }))
  .filter((r) => r['5'] > r['4'] && r['4'] > r['3']);
const fivesNeeded = (grades: TCountedGrade[], aim: '3' | '4' | '5', w: number, r: TRounding) =>
  fivesNeededFor(tallyOf(grades), aim, w, r);
const target = fc.constantFrom('3', '4', '5') as fc.Arbitrary<'3' | '4' | '5'>;
const fives = (n: number, weight: number): TCountedGrade[] => Array.from({ length: n }, () => ({ value: 5, weight }));
const earns = (grades: TCountedGrade[], aim: '3' | '4' | '5', r: TRounding) =>
  Number(markFor(averageOf(tallyOf(grades)), r) ?? 0) >= Number(aim);

describe('fivesNeeded', () => {
  it('adding the computed fives reaches the target, and one fewer does not', () => {
    fc.assert(
      fc.property(
        fc.array(grade, { maxLength: 40 }),
        target,
        fc.integer({ min: 1, max: 3 }),
        rounding,
        (gs, aim, w, r) => {
          const k = fivesNeeded(gs, aim, w, r);
          if (k === null) return !earns([...gs, ...fives(500, w)], aim, r);
          expect(earns([...gs, ...fives(k, w)], aim, r)).toBe(true);
          if (k > 0) expect(earns([...gs, ...fives(k - 1, w)], aim, r)).toBe(false);
          return true;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('needs none when the average already earns the target, and heavier fives never need more', () => {
    fc.assert(
      fc.property(fc.array(grade, { minLength: 1, maxLength: 40 }), target, (gs, aim) => {
        const already = earns(gs, aim, DEFAULT_ROUNDING);
        expect(fivesNeeded(gs, aim, 1, DEFAULT_ROUNDING) === 0).toBe(already);
        const light = fivesNeeded(gs, aim, 1, DEFAULT_ROUNDING);
        const heavy = fivesNeeded(gs, aim, 2, DEFAULT_ROUNDING);
        if (light !== null && heavy !== null) expect(heavy).toBeLessThanOrEqual(light);
      }),
    );
  });

  it('counts a known case: 3, 3, 4 needs seven fives for a five and one for a four', () => {
    const gs = [3, 3, 4].map((value) => ({ value, weight: 1 }));
    // (10 + 5k) / (3 + k) ≥ 4.5 ⇔ k ≥ 7; ≥ 3.5 ⇔ k ≥ 1.
    expect(fivesNeeded(gs, '5', 1, DEFAULT_ROUNDING)).toBe(7);
    expect(fivesNeeded(gs, '4', 1, DEFAULT_ROUNDING)).toBe(1);
    // A weight-2 five counts twice: (10 + 10k) / (3 + 2k) ≥ 4.5 ⇔ k ≥ 4 (k = 3 gives 4.44).
    expect(fivesNeeded(gs, '5', 2, DEFAULT_ROUNDING)).toBe(4);
  });

  it("counts to the journal's hundredths under a rule of 5.0, and gives up past any period", () => {
    const strict = { '5': 5, '4': 4, '3': 3 };
    // (4 + 5k) / (1 + k) shows as 5.00 once it reaches 4.995: k = 199.
    expect(fivesNeeded([{ value: 4, weight: 1 }], '5', 1, strict)).toBe(199);
    // (6 + 5k) / (3 + k) needs k ≥ 1797 for that: out of reach.
    expect(fivesNeeded([{ value: 2, weight: 3 }], '5', 1, strict)).toBeNull();
  });

  it('aims at the next mark up, and keeps a five at five', () => {
    expect(['2', '3', '4', '5', null].map((m) => nextMark(m as '2'))).toEqual(['3', '4', '5', '5', '5']);
  });
});
