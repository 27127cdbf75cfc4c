export type { AccessReader, TViewerScope } from './access-port';
export { chooseStudents, type TStudentChoice } from './viewer-access';
export { firstNameMatches } from './name-match';
