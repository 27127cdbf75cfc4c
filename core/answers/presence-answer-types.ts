import type { TAbsenceTally, TAttendanceStatus } from '../presence/presence-types';
import type { TPeriod, TStudentRef } from './answer-types';
import type { TTermPeriodRef } from './term-answer-types';

// The presence and attendance answers: what the answer service found, before any wording. Times
// are "HH:mm" on the school's clock.

/**
 * A pupil's day at the turnstiles. `in`: today, the last pass was a way in (`since`; `arrived` is
 * the day's first way in). `came`: a past day whose last pass was a way in — no way out recorded.
 * `left`: the last pass was a way out (`arrived` null when the day has no way in).
 * `no-pass`: none that day. `no-data`: the school sends no passes, so none says nothing.
 */
export type TPresenceState =
  | { kind: 'in'; since: string; arrived: string }
  | { kind: 'came'; arrived: string }
  | { kind: 'left'; left: string; arrived: string | null }
  | { kind: 'no-pass' }
  | { kind: 'no-data' };

export interface TAbsenceSection {
  student: TStudentRef;
  /** Lessons missed and late in the period, all subjects asked about. */
  absent: number;
  late: number;
  /** Most missed first, at most ABSENCE_LINES. */
  subjects: TAbsenceTally[];
  /** Subjects with a miss or lateness left out of `subjects`. */
  more: number;
}

/** One lesson of the subject asked about, and the pupil's mark for it. */
export interface TAttendedLesson {
  start: string;
  end: string;
  status: TAttendanceStatus | null;
}

export type TPresenceAnswer =
  | { kind: 'presence'; period: TPeriod; sections: { student: TStudentRef; state: TPresenceState }[] }
  /** `term`: the marking period counted, when the days are one; null for days said («за неделю»). */
  | {
      kind: 'absences';
      period: TPeriod;
      term: TTermPeriodRef | null;
      subject: string | null;
      sections: TAbsenceSection[];
    }
  /** A subject's lessons of one day («был ли Петя на физике?»); no lessons: there was none. */
  | {
      kind: 'attended';
      period: TPeriod;
      subject: string;
      sections: { student: TStudentRef; lessons: TAttendedLesson[] }[];
    };
