import type { TAccessEntry } from '../access/access-log-port';
import type { TTeacherGrant } from '../access/teacher-reach';
import type {
  TDateRange,
  TDiaryStudent,
  TDiaryWants,
  TLessonItem,
  TStudentDiary,
  TTimetableOutline,
} from './diary-types';

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
  /**
   * The outline of each student's class timetable in the range, in the order given, `subject`
   * being a subject's name as answers carry it (or null). Only the students' own classes are read.
   * It words an answer that came back empty, so it is read only then, after the diary read that
   * stored the answer's access-log entries.
   */
  timetableOutlines(
    students: readonly Pick<TDiaryStudent, 'classId'>[],
    range: TDateRange,
    subject: string | null,
  ): Promise<TTimetableOutline[]>;
  /** Lessons taught by any of these teachers in the range, in time order. */
  teacherLessons(teacherIds: readonly string[], range: TDateRange): Promise<TLessonItem[]>;
}
