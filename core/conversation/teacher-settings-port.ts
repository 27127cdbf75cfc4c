import type { TReminderSettings } from '../reminders/reminder-types';

/** What a settings tap may change of a teacher's journal reminders (the snooze is asked for in words). */
export type TTeacherSettingsChange = Partial<Omit<TReminderSettings, 'snoozedUntil'>>;

/**
 * Journal-reminder preferences of the teacher(s) a person is. A person who teaches no one has
 * none, and their settings menu shows only the parents' alerts.
 */
export interface TeacherSettingsStore {
  read(personId: string): Promise<TReminderSettings | null>;
  /** Applies the change to every teacher the person is. */
  write(personId: string, change: TTeacherSettingsChange): Promise<void>;
}
