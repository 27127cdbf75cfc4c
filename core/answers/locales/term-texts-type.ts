import type { TPeriodKind } from '../../terms/period-types';
import type { TMark } from '../needed-grades';
import type { TTermPeriodRef } from '../term-answer-types';
import type { TNumberStyle } from '../voice-form';

/** The words of the term-results answers; the rest (subjects, names, grade counts) is TAnswerTexts'. */
export interface TTermTexts {
  /** "за 2-ю четверть", "for the 2nd quarter". */
  forPeriod(period: TTermPeriodRef): string;
  /** "2-я четверть", "2nd quarter": a chart's period, as its caption names it. */
  periodName(period: TTermPeriodRef): string;
  averageHead(forPeriod: string): string;
  finalHead(forPeriod: string | null): string;
  neededHead(forPeriod: string): string;
  topicsHead(forPeriod: string): string;
  /** The average shown with its count of grades: "4,33 (6 оценок)". */
  averageOf(average: number | null, count: number, numbers: TNumberStyle): string;
  /** "выходит «4»", "rounds to 4"; `mark` said as a grade name. */
  roundsTo(markName: string): string;
  /** A fixed value as it reads: «н/а» → "not assessed" in English. */
  finalValue(value: string): string;
  already(markName: string): string;
  /** "1 пятёрка" / "одна пятёрка": a single five said with its number, unlike TAnswerTexts.gradeCount. */
  oneFive(numbers: TNumberStyle): string;
  /** "до пятёрки нужно ещё 3 пятёрки" with the grade counts already worded. */
  reach(targetName: string, fives: string, heavy: { fives: string; weight: number } | null): string;
  outOfReach(targetName: string): string;
  lessonsLeft(lessons: string | null): string;
  /** A topic's line; `topic` null where it cannot be read aloud (Russian text in English speech). */
  topic(topic: string | null, average: number, dates: string): string;
  noGrades: string;
  noFinal: string;
  noTopics: string;
  noSuchPeriod(kind: TPeriodKind, number: number | null): string;
  /** The mark as a bare value in chat: «4», "4". */
  mark(mark: TMark): string;
}
