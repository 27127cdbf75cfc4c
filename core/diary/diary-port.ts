import type { TAccessEntry } from '../access/access-log-port';
import type { TTeacherGrant } from '../access/teacher-reach';
import type { TDateRange, TDiaryStudent, TDiaryWants, TLessonItem, TStudentDiary } from './diary-types';

/** Reads the diary; implemented over the database in prisma/stores/diary/diary-reader.ts. Access is checked before it is called. */
export interface DiaryReader {
  /**
   * One diary per student, in the order given, read together (a family's children cost one read
   * per part, not one per child). Only the parts asked for in `wants` are read; the others come
   * back empty. Deleted rows never appear. `accessEntries` (who is shown whose data, for the access
   * log) are stored by the same statement that reads: no diary is read without its entry.
   * `grants` (a teacher looking at pupils) limit each part to what they show, in the read itself;
   * null (a family's own children) reads everything.
   */
  studentDiaries(
    students: readonly Pick<TDiaryStudent, 'id' | 'classId' | 'timezone'>[],
    range: TDateRange,
    wants: TDiaryWants,
    accessEntries: readonly TAccessEntry[],
    grants?: readonly TTeacherGrant[] | null,
  ): Promise<TStudentDiary[]>;
  /** Lessons taught by any of these teachers in the range, in time order. */
  teacherLessons(teacherIds: readonly string[], range: TDateRange): Promise<TLessonItem[]>;
}
