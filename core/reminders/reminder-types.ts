// The vocabulary of teacher reminders: what a lesson's journal entry lacks, the reminders
// waiting for one teacher, and the messages they become.

/** What a journal entry lacks: a topic, attendance marks, grades of a test for pupils who were there. */
export type TMissing = 'topic' | 'attendance' | 'grades';

export const MISSING_ORDER: readonly TMissing[] = ['topic', 'attendance', 'grades'];

/** One lesson as a reminder or an answer names it. */
export interface TJournalLesson {
  lessonId: string;
  /** YYYY-MM-DD, school-local. */
  date: string;
  start: string;
  className: string;
  /** Canonical (Russian) subject name. */
  subject: string;
  missing: TMissing[];
}

export type TReminderMode = 'instant' | 'digest';

export interface TReminderSettings {
  enabled: boolean;
  mode: TReminderMode;
  /** "HH:mm" school time, digest mode only. */
  digestTime: string | null;
  /** "HH:mm" school time; equal values mean no quiet hours. */
  quietFrom: string;
  quietTo: string;
  snoozedUntil: Date | null;
}

export const DEFAULT_REMINDER_SETTINGS: TReminderSettings = {
  enabled: true,
  mode: 'instant',
  digestTime: null,
  quietFrom: '21:00',
  quietTo: '08:00',
  snoozedUntil: null,
};

/** A chat of a person linked to the teacher (consent given, chat not blocked). */
export interface TTeacherChat {
  chatId: string;
  locale: string;
}

/** Reminders found for one teacher that have not gone out yet (their journal is still incomplete). */
export interface TTeacherBatch {
  teacherId: string;
  timezone: string;
  settings: TReminderSettings;
  /** Earliest time one of these reminders was found. */
  oldestFoundAt: Date;
  lessons: TJournalLesson[];
  chats: TTeacherChat[];
}

/** The decision for one teacher's batch: wait until a time, or these texts now (one per chat). */
export type TBatchDecision =
  | { send: false; until: Date | null }
  | { send: true; messages: { chatId: string; text: string }[] };

/** Lessons of one teacher, by completeness, for the school admin's view. */
export interface TTeacherJournalStatus {
  teacherId: string;
  teacherName: string;
  lessons: number;
  complete: number;
  incomplete: number;
  /** Ended less than the school's delay ago, or not ended yet: not judged. */
  notDue: number;
  cancelled: number;
  missing: Record<TMissing, number>;
}
