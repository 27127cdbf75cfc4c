import type {
  TBatchDecision,
  TJournalLesson,
  TReminderSettings,
  TTeacherBatch,
  TTeacherJournalStatus,
} from './reminder-types';

// What reminders need from storage. Each method is one transaction; the store keeps the
// "exactly one" promises (one scan at a time, one reminder per lesson, one message per batch).

export interface TScanResult {
  /** Lessons that became due since the previous scan. */
  due: number;
  /** Of those, lessons with an incomplete journal: a reminder each. */
  found: number;
}

export interface TDispatchResult {
  /** Waiting or sent reminders whose journal got completed (or lesson cancelled). */
  resolved: number;
  /** Reminders that went into messages now. */
  sent: number;
  /** AlertMessage ids to hand to the delivery queue. */
  messageIds: string[];
}

export interface ReminderStore {
  /**
   * Finds lessons that ended the school's delay ago since the previous scan and records a reminder
   * for each incomplete one. null when another runner holds the scan (it does the work).
   */
  scan(now: Date): Promise<TScanResult | null>;
  /**
   * Resolves reminders whose journal was filled in since, then lets `decide` choose, per teacher,
   * to wait or to send; writes the messages as alert deliveries and marks the reminders sent.
   */
  dispatch(now: Date, decide: (batch: TTeacherBatch) => TBatchDecision): Promise<TDispatchResult>;
}

/** What the teacher's questions read and change. */
export interface JournalPort {
  /** Ended lessons of these teachers from `fromDate` (school-local) on whose journal entry is incomplete now. */
  unfilledLessons(teacherIds: readonly string[], fromDate: string, now: Date): Promise<TJournalLesson[]>;
  /** Holds the teachers' reminders until `until`. */
  snooze(teacherIds: readonly string[], until: Date): Promise<void>;
}

/** The school admin's view: per teacher, lessons of a school-local day by completeness. */
export interface JournalStatusReader {
  journalStatus(schoolId: string, date: string, now: Date): Promise<TTeacherJournalStatus[] | null>;
}

export interface ReminderSettingsPort {
  get(teacherId: string): Promise<TReminderSettings>;
  update(teacherId: string, change: Partial<Omit<TReminderSettings, 'snoozedUntil'>>): Promise<TReminderSettings>;
}
