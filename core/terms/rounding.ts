import { z } from 'zod';

// How a school turns a weighted average into a period mark: the lowest average that still earns
// each mark. Russian schools mostly round half up (4.5 → 5), some ask more (4.6 → 5); the school
// sets its own in `school.upserted` settings (README "Journal ingestion API").

const ZThreshold = z.number().min(1).max(5);

/** The thresholds of marks 5, 4 and 3; anything below the "3" threshold is a 2. */
export const ZRoundingSchema = z
  .object({ '5': ZThreshold, '4': ZThreshold, '3': ZThreshold })
  .strict()
  .refine((r) => r['5'] > r['4'] && r['4'] > r['3'], {
    message: 'thresholds must descend: "5" above "4" above "3"',
  });

export type TRounding = z.infer<typeof ZRoundingSchema>;

/** ≥ 4.5 → 5, ≥ 3.5 → 4, ≥ 2.5 → 3, else 2. */
export const DEFAULT_ROUNDING: TRounding = Object.freeze({ '5': 4.5, '4': 3.5, '3': 2.5 });

/** A stored rule, or the default when there is none or it cannot be read. */
export function roundingOrDefault(stored: unknown): TRounding {
  if (stored === null || stored === undefined) return DEFAULT_ROUNDING;
  const parsed = ZRoundingSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_ROUNDING;
}

/**
 * The mark a weighted average earns under a rule (compare the average as the journal shows it,
 * rounded to hundredths: core/diary weightedAverage). null for no average.
 */
export function markFor(average: number | null, rounding: TRounding): '5' | '4' | '3' | '2' | null {
  if (average === null) return null;
  if (average >= rounding['5']) return '5';
  if (average >= rounding['4']) return '4';
  if (average >= rounding['3']) return '3';
  return '2';
}
