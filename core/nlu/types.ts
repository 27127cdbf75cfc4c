import { z } from 'zod';

export const INTENTS = [
  'grades',
  'homework',
  'schedule',
  'balance',
  'subscribe',
  'unsubscribe',
  'settings',
  'link',
  'forget',
  'help',
  // a teacher: which lessons' journal entries are incomplete ("какие уроки не заполнены")
  'journal',
  // a teacher: hold journal reminders for a day ("напомни завтра", "отложи напоминания")
  'snooze',
  'unknown',
] as const;

export const ZIntentSchema = z.enum(INTENTS);
export type TIntent = z.infer<typeof ZIntentSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What one utterance asks for; the same shape whichever channel it came from. */
export const ZQuerySchema = z.object({
  intent: ZIntentSchema,
  date: isoDate.nullable(),
  /** Set only when the utterance names a range; `date` is then its first day. */
  dateTo: isoDate.nullable(),
  /** A canonical name from subjects.json. */
  subject: z.string().nullable(),
  /** A first name in the nominative case, as spoken. */
  child: z.string().nullable(),
});
export type TQuery = z.infer<typeof ZQuerySchema>;

export interface ParseOptions {
  /** Detected from the text when absent: Cyrillic means Russian. */
  lang?: 'ru' | 'en';
  /** The moment "today" is taken from; a Date or an ISO-8601 string. Defaults to the clock. */
  now?: Date | string;
  /** IANA zone of the school; defaults to Europe/Moscow. */
  tz?: string;
}
