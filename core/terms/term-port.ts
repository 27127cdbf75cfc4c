import type { TAccessEntry } from '../access/access-log-port';
import type { TTeacherGrant } from '../access/teacher-reach';
import type { TSchoolTerms } from './period-types';
import type { TStudentTerm, TTermRequest, TTermWants } from './term-types';

/**
 * Reads term results; implemented over the database in prisma/stores/terms/term-reader.ts. Access
 * is checked before it is called, as for the DiaryReader.
 */
export interface TermReader {
  /**
   * Per school, in the order given: the periods of the school year containing its `day` — the
   * school's own, or the defaults when it sent none for that year (core/terms/default-periods.ts)
   * — and its rounding rule. School data, nobody's marks: no access-log entry. A school that is
   * not stored gets the defaults.
   */
  schoolTerms(schools: readonly { schoolId: string; day: string }[]): Promise<TSchoolTerms[]>;
  /**
   * Per request (one student each), in the order given, read together: one statement per part for
   * all the students, whatever their ranges. Only the parts asked for in `wants` are read; the
   * others come back empty. Deleted rows never appear, nor final grades of a deleted period.
   * `accessEntries` are stored by the same statement that reads the first part: no student's term
   * is read without its entry. `grants` (a teacher) limit each part in the read itself: grades and
   * lessons as the diary's, final grades to the subjects a teacher teaches the class regularly
   * (a substitution shows none); null (a family's own children) reads everything.
   */
  studentTerms(
    requests: readonly TTermRequest[],
    wants: TTermWants,
    accessEntries: readonly TAccessEntry[],
    grants?: readonly TTeacherGrant[] | null,
  ): Promise<TStudentTerm[]>;
}
