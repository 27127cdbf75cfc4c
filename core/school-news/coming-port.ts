import type { TAccessEntry } from '../access/access-log-port';
import type { TTeacherGrant } from '../access/teacher-reach';
import type { TComingRequest, TComingTest, TSchoolEventItem } from './coming-types';

/**
 * Reads tests and school events coming; implemented over the database in
 * prisma/stores/school-news/coming-reader.ts. Access is checked before it is called, as for the
 * DiaryReader. Each method reads all the students of a question in one statement, returned in the
 * order given, and that same statement stores `accessEntries`: no student's data is read without
 * its entry.
 */
export interface ComingReader {
  /**
   * The test lessons of each student's class in the range, in time order. `grants` (a teacher)
   * limit them as the diary's lessons are: a teacher sees the tests of what they teach.
   */
  tests(
    requests: readonly TComingRequest[],
    accessEntries: readonly TAccessEntry[],
    grants?: readonly TTeacherGrant[] | null,
  ): Promise<TComingTest[][]>;
  /** Each student's school events in the range: their class's and the whole school's, in time order. */
  events(requests: readonly TComingRequest[], accessEntries: readonly TAccessEntry[]): Promise<TSchoolEventItem[][]>;
}
