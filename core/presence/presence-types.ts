import type { TDateRange } from '../diary/diary-types';

// The presence read model: turnstile passes («Москвёнок») and the journal's attendance marks.
// Instants travel as Date; days as YYYY-MM-DD in the school's calendar; times "HH:mm" as the
// journal sent them.

export type TPassDirection = 'in' | 'out';

export interface TPass {
  at: Date;
  direction: TPassDirection;
  /** The entrance or reader, as the school named it; null when not sent. */
  place: string | null;
}

/** One student's passes in [from, to): a school-local day as instants (presence-day.ts). */
export interface TPassRequest {
  studentId: string;
  from: Date;
  to: Date;
}

export interface TPassDay {
  /** In time order. */
  passes: TPass[];
  /**
   * Whether the student's school sends passes at all (it has sent one): without them, no pass
   * says nothing about the pupil.
   */
  schoolSendsPasses: boolean;
}

export type TAttendanceStatus = 'present' | 'absent' | 'late';

/** One student's attendance over school-local days, inclusive. */
export interface TAttendanceRequest {
  studentId: string;
  classId: string;
  range: TDateRange;
}

/** Lessons of one subject marked absent or late; subjects with neither are not returned. */
export interface TAbsenceTally {
  subject: string;
  absent: number;
  late: number;
}

/** A lesson of the student's class that was held (not cancelled, not deleted), with its mark. */
export interface TMarkedLesson {
  id: string;
  date: string;
  start: string;
  end: string;
  subject: string;
  /** null: not marked (yet). */
  status: TAttendanceStatus | null;
}
