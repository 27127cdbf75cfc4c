// The public face of core/terms (term results: periods, final grades, rounding): outside core,
// the module is imported only from here.

export { daysLeft } from './days-left';
export { defaultPeriods, schoolYearOf } from './default-periods';
export { PERIOD_KINDS, type TPeriod, type TPeriodKind, type TSchoolTerms } from './period-types';
export { DEFAULT_ROUNDING, markFor, roundingOrDefault, type TRounding, ZRoundingSchema } from './rounding';
export { currentPeriod, periodsOfSchoolYear, type TPeriodRow } from './school-year-periods';
export type { TermReader } from './term-port';
export type {
  TFinalGradeItem,
  TLessonsLeft,
  TStudentTerm,
  TSubjectTally,
  TTermGrade,
  TTermRequest,
  TTermWants,
  TTopicTally,
} from './term-types';
