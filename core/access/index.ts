export type { AccessReader, TChatViewer, TViewerScope } from './access-port';
export { chooseStudents, type TStudentChoice } from './viewer-access';
export { firstNameMatches } from './name-match';
export { QUESTIONS_PER_MINUTE, type QuestionLimiter } from './question-limiter-port';
export { ACCESS_LOG_RETENTION_DAYS, OPERATOR_VIEWER_ID, type AccessLog, type TAccessEntry, type TLoggedAccess, type TViewerRole } from './access-log-port';
export { grantsFor, reachDays, type TReachDays, type TTeacherGrant, type TTeacherReach } from './teacher-reach';
export { REGULAR_LESSONS } from './teacher-reach';
