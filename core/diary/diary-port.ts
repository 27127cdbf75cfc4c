import type { TDateRange, TDiaryStudent, TDiaryWants, TLessonItem, TStudentDiary } from './diary-types';

/** Reads the diary; implemented over the database in prisma/diary-reader.ts. Access is checked before it is called. */
export interface DiaryReader {
  /** Only the parts asked for in `wants` are read; the others come back empty. Deleted rows never appear. */
  studentDiary(student: Pick<TDiaryStudent, 'id' | 'classId' | 'timezone'>, range: TDateRange, wants: TDiaryWants): Promise<TStudentDiary>;
  /** Lessons taught by any of these teachers in the range, in time order. */
  teacherLessons(teacherIds: readonly string[], range: TDateRange): Promise<TLessonItem[]>;
}
