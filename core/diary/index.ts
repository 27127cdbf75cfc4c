export type { DiaryReader } from './diary-port';
export type {
  TCanteenInfo,
  TCanteenSpending,
  TDateRange,
  TDiaryStudent,
  TDiaryWants,
  TGradeItem,
  THomeworkItem,
  TLessonItem,
  TStudentDiary,
  TTimetableOutline,
} from './diary-types';
export { weightedAverage } from './grade-average';
