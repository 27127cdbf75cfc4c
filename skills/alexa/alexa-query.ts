import { DateTime } from 'luxon';
import { EN_SUBJECTS } from '../../core/answers';
import type { TIntent, TQuery } from '../../core/nlu';
import { parseUtterance, schoolToday } from '../../core/nlu';
import { leanToPast, readAmazonDate } from './alexa-date';
import { readTarget, readTerm } from './term-slots';

// An Alexa intent's slots → the core Query. Alexa has already chosen the intent and found the
// slots; the core lexicon still decides what a spoken subject is, so "PE" and "phys ed" mean what
// they mean in a chat.

export interface TAlexaSlotValues {
  date?: string;
  subject?: string;
  /** The value Alexa resolved the subject slot to (our slot type's value name), if any. */
  subjectResolved?: string;
  child?: string;
  /** The period said ("last quarter") and the TERM value Alexa resolved it to. */
  term?: string;
  termResolved?: string;
  /** The mark aimed at ("an A") and the TARGET_MARK value Alexa resolved it to. */
  target?: string;
  targetResolved?: string;
}

/** The intents that ask about a term: their queries carry a period and a target, null when not said. */
const TERM_INTENTS: readonly TIntent[] = ['average', 'final-grades', 'needed', 'topics', 'absences'];

/** Asked after the fact: "on friday" is the Friday just gone. */
const LOOKS_BACK: readonly TIntent[] = ['grades', 'presence', 'absences'];

const CANONICAL_BY_ENGLISH = new Map(
  Object.entries(EN_SUBJECTS).map(([canonical, english]) => [english.toLowerCase(), canonical]),
);

export function subjectOf(slots: TAlexaSlotValues): string | null {
  const resolved = slots.subjectResolved && CANONICAL_BY_ENGLISH.get(slots.subjectResolved.toLowerCase());
  if (resolved) return resolved;
  return slots.subject ? parseUtterance(slots.subject, { lang: 'en' }).subject : null;
}

export function childOf(slots: TAlexaSlotValues): string | null {
  const name = slots.child?.trim();
  return name ? name.charAt(0).toUpperCase() + name.slice(1).toLowerCase() : null;
}

export function queryFromSlots(intent: TIntent, slots: TAlexaSlotValues, now: Date, tz: string): TQuery {
  const today: DateTime = schoolToday(now, tz);
  const read = readAmazonDate(slots.date, today);
  const { date, dateTo } = LOOKS_BACK.includes(intent) ? leanToPast(read, today) : read;
  const query: TQuery = { intent, date, dateTo, subject: subjectOf(slots), child: childOf(slots) };
  const term = readTerm(slots.term, slots.termResolved);
  const target = readTarget(slots.target, slots.targetResolved);
  // Other questions keep the shape they had: a period only when one was said (a follow-up's "and last term").
  if (!TERM_INTENTS.includes(intent) && !term && !target) return query;
  return { ...query, term, target };
}
