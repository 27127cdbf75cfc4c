// The access log (152-ФЗ accountability): every answer that reveals a student's data leaves
// one entry per student — who asked, through which channel, for what. Ids only.

export interface TAccessEntry {
  viewerId: string;
  studentId: string;
  channel: string;
  intent: string;
  at: Date;
}

/** How long entries are kept before the scheduler purges them. */
export const ACCESS_LOG_RETENTION_DAYS = 365;

export interface AccessLog {
  record(entries: readonly TAccessEntry[]): Promise<void>;
  /** Entries about one student since a moment, newest first. */
  forStudent(studentId: string, since: Date, limit: number): Promise<TAccessEntry[]>;
  /** Deletes entries older than `before`; returns how many went. */
  purge(before: Date): Promise<number>;
}
