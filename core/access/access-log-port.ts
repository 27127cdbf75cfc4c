// The access log (152-ФЗ accountability): every answer that reveals a student's data leaves
// one entry per student — who asked, through which channel, for what. Ids only.

/**
 * Whom the viewer was to the student: their guardian, the pupil themselves, a teacher through
 * what they teach, or the operator looking with `dnevnik ask`.
 */
export type TViewerRole = 'guardian' | 'student' | 'teacher' | 'operator';

export interface TAccessEntry {
  /** A person's id; for the operator, OPERATOR_VIEWER_ID. */
  viewerId: string;
  studentId: string;
  channel: string;
  intent: string;
  viewerRole: TViewerRole;
  at: Date;
}

/** An entry as stored: those written before roles were recorded have none. */
export type TLoggedAccess = Omit<TAccessEntry, 'viewerRole'> & { viewerRole: TViewerRole | null };

/** The viewer id of an operator's lookup: no person of the diary saw the data. */
export const OPERATOR_VIEWER_ID = 'operator';

/** How long entries are kept before the scheduler purges them. */
export const ACCESS_LOG_RETENTION_DAYS = 365;

export interface AccessLog {
  record(entries: readonly TAccessEntry[]): Promise<void>;
  /** Entries about one student since a moment, newest first. */
  forStudent(studentId: string, since: Date, limit: number): Promise<TLoggedAccess[]>;
  /** Deletes entries older than `before`; returns how many went. */
  purge(before: Date): Promise<number>;
}
