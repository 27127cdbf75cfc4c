import type { TNumberStyle } from '../../answers/voice-form';
import type { TMissing } from '../reminder-types';

/**
 * Every text a teacher reads about reminders and the journal, per locale. Counts are digits as
 * read; `numbers` 'words' is for a voice that says them (Alice's `tts`: «три урока»).
 */
export interface TReminderTexts {
  /** First line of a reminder message. */
  header: string;
  /** "3 урока без темы" — the count and what is missing. */
  group(missing: TMissing, count: number, numbers?: TNumberStyle): string;
  /** "5А математика 2 декабря" */
  lesson(className: string, subject: string, date: string): string;
  more(count: number, numbers?: TNumberStyle): string;
  /** Answer to "какие уроки не заполнены" when all is filled in. */
  allFilled(days: number, numbers?: TNumberStyle): string;
  unfilledHead(count: number, numbers?: TNumberStyle): string;
  snoozed(until: string): string;
  /** "3 декабря, 10:00" */
  dateTime(date: string, time: string): string;
  /** Shown to someone who is not linked as a teacher. */
  notTeacher: string;
}
