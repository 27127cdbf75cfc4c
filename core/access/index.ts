export type { AccessReader, TChatViewer, TViewerScope } from './access-port';
export { chooseStudents, type TStudentChoice } from './viewer-access';
export { firstNameMatches } from './name-match';
export { QUESTIONS_PER_MINUTE, type QuestionLimiter } from './question-limiter-port';
export { ACCESS_LOG_RETENTION_DAYS, type AccessLog, type TAccessEntry } from './access-log-port';
export { grantsFor, reachDays, type TReachDays, type TTeacherGrant, type TTeacherReach } from './teacher-reach';
