export {
  ACCESS_LOG_RETENTION_DAYS,
  type AccessLog,
  OPERATOR_VIEWER_ID,
  type TAccessEntry,
  type TLoggedAccess,
  type TViewerRole,
} from './access-log-port';
export type { AccessReader, TChatViewer, TViewerScope } from './access-port';
export { firstNameMatches } from './name-match';
export { QUESTIONS_PER_MINUTE, type QuestionLimiter } from './question-limiter-port';
export {
  grantsFor,
  REGULAR_LESSONS,
  reachDays,
  type TReachDays,
  type TTeacherGrant,
  type TTeacherReach,
} from './teacher-reach';
export { chooseStudents, type TStudentChoice } from './viewer-access';
