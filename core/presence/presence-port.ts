import type { TAccessEntry } from '../access/access-log-port';
import type { TTeacherGrant } from '../access/teacher-reach';
import type { TAbsenceTally, TAttendanceRequest, TMarkedLesson, TPassDay, TPassRequest } from './presence-types';

/**
 * Reads passes and attendance; implemented over the database in
 * prisma/stores/presence/presence-reader.ts. Access is checked before it is called, as for the
 * DiaryReader. Each method reads all the students of a question in one statement, numbered per
 * request and returned in the order given, and that same statement stores `accessEntries`: no
 * student's data is read without its entry.
 */
export interface PresenceReader {
  /** Each student's passes in the request's range, and whether their school sends passes. */
  passes(requests: readonly TPassRequest[], accessEntries: readonly TAccessEntry[]): Promise<TPassDay[]>;
  /**
   * Lessons marked absent or late per subject in each range: cancelled and deleted lessons do not
   * count. `grants` (a teacher) limit them as the diary's lessons are (a substitution: its lesson).
   */
  absences(
    requests: readonly TAttendanceRequest[],
    accessEntries: readonly TAccessEntry[],
    grants?: readonly TTeacherGrant[] | null,
  ): Promise<TAbsenceTally[][]>;
  /** The held lessons of each student's class in the range, in time order, with the student's mark. */
  lessons(
    requests: readonly TAttendanceRequest[],
    accessEntries: readonly TAccessEntry[],
    grants?: readonly TTeacherGrant[] | null,
  ): Promise<TMarkedLesson[][]>;
}
