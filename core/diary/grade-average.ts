import type { TGradeItem } from './diary-types';

/** Weighted mean of the numeric grades (зачёт/незачёт carry no number), rounded to 0.01; null when none. */
export function weightedAverage(grades: readonly TGradeItem[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const g of grades) {
    const value = Number(g.value);
    if (!Number.isInteger(value) || value < 1 || value > 5) continue;
    sum += value * g.weight;
    weights += g.weight;
  }
  return weights === 0 ? null : Math.round((sum / weights) * 100) / 100;
}
