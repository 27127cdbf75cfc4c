import type { TChartRounding, TChartSubject } from './chart-types';

// A subject's marks in the order they were given, each with the weighted average as it stood
// after it: the line a parent follows to see whether the term mark is rising or falling.

export interface TChartPoint {
  date: string;
  value: string;
  weight: number;
  /** 1–5 for a numeric mark; null for "зачёт", "н/а" and the like, which are shown but not averaged. */
  score: number | null;
  /** The weighted average of the numeric marks up to and including this one; null before the first. */
  average: number | null;
}

export interface TSubjectSeries {
  /** The canonical name, as given. */
  name: string;
  points: TChartPoint[];
  /** The weighted average of the whole period, rounded to 0.01 as the answers show it; null without numeric marks. */
  average: number | null;
  /** How many marks are numeric. */
  scored: number;
}

/** Half up, as most Russian journals round: 4.5 is a "5", 3.5 a "4", 2.5 a "3". */
export const DEFAULT_ROUNDING: TChartRounding = Object.freeze({ '5': 4.5, '4': 3.5, '3': 2.5 });

/** The averages a subject chart marks with guides: where the period's mark becomes a "4" and a "5". */
export const markGuides = (rounding: TChartRounding = DEFAULT_ROUNDING) => [
  { mark: 4, from: rounding['4'] },
  { mark: 5, from: rounding['5'] },
];

/** The number a mark counts as, by the rule of core/diary's weightedAverage: an integer 1–5, else none. */
export function gradeScore(value: string): number | null {
  const score = Number(value);
  return Number.isInteger(score) && score >= 1 && score <= 5 ? score : null;
}

export const roundAverage = (average: number): number => Math.round(average * 100) / 100;

/** The period's mark an average earns under the school's rule (2–5), the average taken as shown, to 0.01. */
export function termMark(average: number, rounding: TChartRounding = DEFAULT_ROUNDING): number {
  const shown = roundAverage(average);
  return shown >= rounding['5'] ? 5 : shown >= rounding['4'] ? 4 : shown >= rounding['3'] ? 3 : 2;
}

export function subjectSeries(subject: TChartSubject): TSubjectSeries {
  // A stable sort: marks of one day keep the journal's order.
  const grades = [...subject.grades].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let sum = 0;
  let weights = 0;
  let scored = 0;
  const points = grades.map((g): TChartPoint => {
    const score = gradeScore(g.value);
    if (score !== null) {
      sum += score * g.weight;
      weights += g.weight;
      scored += 1;
    }
    return { date: g.date, value: g.value, weight: g.weight, score, average: weights ? sum / weights : null };
  });
  return { name: subject.name, points, average: weights ? roundAverage(sum / weights) : null, scored };
}
