import type { TRounding } from './rounding';

// Marking periods: the spans a school fixes marks for (четверть, триместр, полугодие, учебный год).
// Days are civil dates, YYYY-MM-DD, both ends included.

export const PERIOD_KINDS = ['quarter', 'trimester', 'half', 'year'] as const;
export type TPeriodKind = (typeof PERIOD_KINDS)[number];

export interface TPeriod {
  /** The stored id; a default period's is `default:<first year>:<kind>:<number>`. */
  id: string;
  kind: TPeriodKind;
  /** Its place among the school year's periods of its kind, by start: the 2 of "2nd quarter". */
  number: number;
  /**
   * The school's own name for it («1 четверть»); null for a default period. Answers name a period
   * by kind and number in the reader's language, so this is for showing what the journal says.
   */
  name: string | null;
  start: string;
  /** Inclusive. */
  end: string;
}

/** What a school's term results are judged by, for one school year. */
export interface TSchoolTerms {
  schoolId: string;
  /** The school year's periods, by kind (PERIOD_KINDS order) and then start. */
  periods: TPeriod[];
  /** false: the school sent no periods for this school year, and `periods` are the defaults. */
  fromSchool: boolean;
  rounding: TRounding;
}
