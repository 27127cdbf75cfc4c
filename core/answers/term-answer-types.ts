import type { TPeriodKind } from '../terms/period-types';
import type { TStudentRef } from './answer-types';
import type { TMark } from './needed-grades';

// The term-results answers: what the answer service found, before any wording.

/** A period as answers name it: by kind and number, in the reader's language. */
export interface TTermPeriodRef {
  kind: TPeriodKind;
  number: number;
  start: string;
  end: string;
}

export interface TSubjectAverage {
  subject: string;
  /** Weighted, rounded to hundredths; null when only зачёт-style grades were given. */
  average: number | null;
  /** Grades given so far, numeric or not. */
  count: number;
  /** The mark the average rounds to under the school's rule. */
  mark: TMark | null;
}

export interface TFinalMark {
  subject: string;
  /** As fixed: "1"–"5", "зачёт", "незачёт", "н/а", "осв.". */
  value: string;
  period: TTermPeriodRef;
}

/**
 * How far a subject is from its target mark. `already`: the average earns the target now — it is
 * "safe" only in that sense, a later low grade can still pull it down. `reach`: the fewest further
 * fives of weight 1 (and of the subject's heaviest weight when it has grades heavier than 1).
 * `out-of-reach`: more grades are needed than the subject has lessons left (or more than any period has).
 */
export type TNeededOutcome =
  | { kind: 'already' }
  | { kind: 'reach'; fives: number; heavy: { weight: number; fives: number } | null }
  | { kind: 'out-of-reach' };

export interface TSubjectNeed {
  subject: string;
  average: number | null;
  mark: TMark | null;
  target: Exclude<TMark, '2'>;
  outcome: TNeededOutcome;
  /** Lessons of the subject left in the period; null when the timetable does not say. */
  lessonsLeft: number | null;
}

export interface TWeakTopic {
  subject: string;
  topic: string;
  average: number;
  /** The days of the grades behind it, in order. */
  dates: string[];
}

// `term`, not `period`: chat menus read a diary answer's `period` as days.
export type TTermAnswer =
  | {
      kind: 'average';
      term: TTermPeriodRef;
      subject: string | null;
      sections: { student: TStudentRef; subjects: TSubjectAverage[] }[];
    }
  /** `term` null: the latest period with fixed marks, each mark naming its own. */
  | {
      kind: 'final-grades';
      term: TTermPeriodRef | null;
      subject: string | null;
      sections: { student: TStudentRef; marks: TFinalMark[] }[];
    }
  | {
      kind: 'needed';
      term: TTermPeriodRef;
      subject: string | null;
      sections: { student: TStudentRef; subjects: TSubjectNeed[] }[];
    }
  | {
      kind: 'topics';
      term: TTermPeriodRef;
      subject: string | null;
      sections: { student: TStudentRef; topics: TWeakTopic[] }[];
    }
  /**
   * The period asked about is not among the school's («пятая четверть»); `number` null: none of
   * the kind; 0: the one before the first («прошлая четверть» in the first quarter).
   */
  | { kind: 'no-such-period'; periodKind: TPeriodKind; number: number | null };
