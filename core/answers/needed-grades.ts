import { markFor, type TRounding } from '../terms/rounding';

// What it takes to lift a weighted average to a mark: the fewest further fives of one weight.
// Fives, because any lower grade lifts the average less, so the fewest grades are always fives.

/** A grade as the average counts it: its number and its weight. */
export interface TCountedGrade {
  value: number;
  weight: number;
}

/** Grades summed as the average counts them: Σ value × weight and Σ weight. */
export interface TTally {
  sum: number;
  weights: number;
}

export type TMark = '5' | '4' | '3' | '2';

export function tallyOf(grades: readonly TCountedGrade[]): TTally {
  let sum = 0;
  let weights = 0;
  for (const g of grades) {
    sum += g.value * g.weight;
    weights += g.weight;
  }
  return { sum, weights };
}

/** Far past any period's lessons: a target this far away is out of reach whatever is left. */
const MAX_GRADES = 500;

/** The average as the journal shows it, rounded to hundredths (core/diary weightedAverage). */
export function averageOf({ sum, weights }: TTally): number | null {
  return weights === 0 ? null : Math.round((sum / weights) * 100) / 100;
}

const rank = (mark: TMark | null) => (mark === null ? 0 : Number(mark));

/**
 * The fewest fives of `weight` that make the average earn `target` under `rounding`: 0 when it
 * already does, null when not even MAX_GRADES would (a target of 5 under a rule of 5.0 with any
 * lower grade present).
 */
export function fivesNeeded(
  { sum, weights }: TTally,
  target: Exclude<TMark, '2'>,
  weight: number,
  rounding: TRounding,
): number | null {
  for (let k = 0; k <= MAX_GRADES; k++) {
    const w = weights + k * weight;
    const average = w === 0 ? null : Math.round(((sum + 5 * k * weight) / w) * 100) / 100;
    if (rank(markFor(average, rounding)) >= Number(target)) return k;
  }
  return null;
}

/** The mark after the one an average earns now: what "what do I need" aims at when no mark is named. */
export function nextMark(current: TMark | null): Exclude<TMark, '2'> {
  if (current === '5' || current === '4') return '5';
  if (current === '3') return '4';
  return current === '2' ? '3' : '5';
}
