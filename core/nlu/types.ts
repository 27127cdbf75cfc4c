import { z } from 'zod';
import { isCivilDate } from '../calendar/civil-date';
import type { TLang } from '../i18n';
import { printable } from '../input/printable-text';

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
  // the private calendar feed's link («календарь», "calendar"); chats only
  'calendar',
  'help',
  // a teacher: which lessons' journal entries are incomplete ("какие уроки не заполнены")
  'journal',
  // a teacher: hold journal reminders for a day ("напомни завтра", "отложи напоминания")
  'snooze',
  // term results: the weighted average so far ("что выходит по алгебре за четверть")
  'average',
  // the marks fixed for a period («итоговые оценки», «годовые»)
  'final-grades',
  // what it takes to reach a mark («что нужно, чтобы вышла пятёрка»)
  'needed',
  // the topics behind the weakest grades («какие темы подтянуть»)
  'topics',
  // the current period drawn: one subject's marks, or all subjects («график по алгебре»); chats only
  'chart',
  // whether a pupil is at school: turnstile passes («Варвара в школе?», «во сколько пришёл»)
  'presence',
  // lessons missed and late, or one subject's lessons of a day («сколько пропусков», «был ли на физике»)
  'absences',
  // tests coming: the class's lessons marked as tests, with their topics («когда контрольные?»)
  'tests',
  // school events coming: a match, an open day («какие мероприятия на неделе?»)
  'events',
  'unknown',
] as const;

export const ZIntentSchema = z.enum(INTENTS);
export type TIntent = z.infer<typeof ZIntentSchema>;

// A query may come back from outside (a voice session's state): only a real day, only printable text.
const isoDate = z.string().refine(isCivilDate, 'expected a calendar date YYYY-MM-DD');

export const ZTargetMarkSchema = z.enum(['5', '4', '3']);
export type TTargetMark = z.infer<typeof ZTargetMarkSchema>;

/**
 * A period as said: its kind (null: "term", the school's own) and which one — the current, the
 * one before it, or the n-th of the school year.
 */
export const ZTermMentionSchema = z.object({
  kind: z.enum(['quarter', 'trimester', 'half', 'year']).nullable(),
  which: z.union([z.enum(['current', 'previous']), z.number().int().min(1).max(12)]),
});
export type TTermMention = z.infer<typeof ZTermMentionSchema>;

/** What one utterance asks for; the same shape whichever channel it came from. */
export const ZQuerySchema = z.object({
  intent: ZIntentSchema,
  date: isoDate.nullable(),
  /** Set only when the utterance names a range; `date` is then its first day. */
  dateTo: isoDate.nullable(),
  /** A canonical name from subjects.json. */
  subject: printable(z.string()).nullable(),
  /** A first name in the nominative case, as spoken. */
  child: printable(z.string()).nullable(),
  // Optional: a query stored before these existed (a voice session) still reads.
  /** A marking period named: «за прошлую четверть», "this term"; resolved against the school's periods. */
  term: ZTermMentionSchema.nullable().optional(),
  /** The mark a "what is needed" question aims at. */
  target: ZTargetMarkSchema.nullable().optional(),
});
export type TQuery = z.infer<typeof ZQuerySchema>;

export interface ParseOptions {
  /** Detected from the text when absent: Cyrillic means Russian. */
  lang?: TLang;
  /** The moment "today" is taken from; a Date or an ISO-8601 string. Defaults to the clock. */
  now?: Date | string;
  /** IANA zone of the school; defaults to Europe/Moscow. */
  tz?: string;
}
