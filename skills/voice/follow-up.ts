import type { TIntent, TQuery } from '../../core/nlu';
import { classifyIntent, tokenize } from '../../core/nlu';

// Within one voice session people ask elliptically: "что задали по математике?" and then
// "а по физике?" or "а завтра?". The parser alone guesses an intent from a bare subject or date
// (homework, schedule), so a follow-up is recognised by the absence of any intent word, not by
// the parsed intent, and takes the previous question's intent and the slots it does not name.

const DIARY_INTENTS = new Set<TIntent>(['grades', 'homework', 'schedule', 'balance']);

/** Slots kept between turns of a session. */
export type TQuerySlots = Pick<TQuery, 'intent' | 'date' | 'dateTo' | 'subject' | 'child'>;

export function isDiaryIntent(intent: TIntent): boolean {
  return DIARY_INTENTS.has(intent);
}

/** Words that open an elliptic question: "а по физике?", "and tomorrow?", "what about Masha?". */
const FOLLOW_UP_OPENERS = new Set(['а', 'и', 'and', 'what about', 'how about']);

/** The intent the words themselves ask for, ignoring what a subject or date alone would suggest. */
function explicitIntent(norms: readonly string[]): TIntent {
  return classifyIntent(norms, new Uint8Array(norms.length), { subject: null, dateLean: null, linkCode: false });
}

const hasSlot = (q: TQuery) => q.date !== null || q.subject !== null || q.child !== null;

/**
 * The query a follow-up means, or the query itself when it is not one. A named date replaces
 * the previous one (with its range); subject and child carry over unless named anew.
 */
export function applyFollowUp(text: string, query: TQuery, previous: TQuerySlots | undefined | null): TQuery {
  if (!previous || !isDiaryIntent(previous.intent) || !hasSlot(query)) return query;
  if (query.intent !== 'unknown' && !isDiaryIntent(query.intent)) return query;
  const norms = tokenize(text).map((t) => t.norm);
  const explicit = explicitIntent(norms);
  const opened = FOLLOW_UP_OPENERS.has(norms[0] ?? '') || FOLLOW_UP_OPENERS.has(norms.slice(0, 2).join(' '));
  // A complete new question ("какие оценки сегодня") starts afresh; "а оценки у Пети?" does not.
  const intent = explicit === 'unknown' ? previous.intent : isDiaryIntent(explicit) && opened ? explicit : null;
  if (!intent) return query;
  // A new intent ("а оценки?") keeps who and what, but not a date chosen for another question.
  const keepDate = intent === previous.intent && query.date === null;
  return {
    intent,
    date: keepDate ? previous.date : query.date,
    dateTo: keepDate ? previous.dateTo : query.dateTo,
    subject: query.subject ?? previous.subject,
    child: query.child ?? previous.child,
  };
}
