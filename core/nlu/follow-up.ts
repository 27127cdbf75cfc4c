import type { TChildPosition } from './child-position';
import { queryOf, readUtterance, type TUtterance } from './parse-utterance';
import type { ParseOptions, TIntent, TQuery } from './types';

// People ask elliptically: "что задали по математике?" and then "а по физике?", "а вчера?",
// "а у второго?", "а домашка?". The parser alone guesses an intent from a bare subject or date,
// so a follow-up is recognised by the absence of any intent word (or an opener with a new one:
// "а оценки?"), not by the parsed intent; it takes the previous question and changes only what
// it names. Every channel keeps the previous question its own way (a chat in its session row, a
// voice skill in the platform's session) and hands it here.

export const DIARY_INTENTS: readonly TIntent[] = [
  'grades',
  'homework',
  'schedule',
  'balance',
  'average',
  'final-grades',
  'needed',
  'topics',
  'presence',
  'absences',
  'tests',
  'events',
];

export function isDiaryIntent(intent: TIntent): boolean {
  return DIARY_INTENTS.includes(intent);
}

/**
 * What a dialogue remembers of its last diary question: a query. Its intent is `unknown` while
 * a fragment ("а по физике?" with nothing before it) waits for the person to say what they want.
 */
export type TQueryContext = TQuery;

/** How long a chat remembers its last question: a follow-up a quarter of an hour later is a new question. */
export const QUERY_CONTEXT_TTL_MS = 10 * 60_000;

/** The intents a fragment is asked to choose between ("оценки или домашнее задание?"). */
export const FRAGMENT_CHOICES: readonly TIntent[] = ['grades', 'homework'];

export interface TurnOptions extends ParseOptions {
  /** The previous question, when the dialogue still remembers it. */
  previous?: TQueryContext | null;
  /** Fills slots the parser missed from what the platform recognised (Alice's entities); only empty ones. */
  fill?: (own: TQuery) => TQuery;
}

export interface TTurnReading {
  query: TQuery;
  /** "а у второго?": the child by position, read against the viewer's children by the answers. */
  childPosition: TChildPosition | null;
  /** A fragment that cannot stand alone, with nothing to follow: ask what it is about. */
  fragment: boolean;
}

const namesSomething = (q: TQuery, u: TUtterance) =>
  q.date !== null || q.subject !== null || q.child !== null || u.childPosition !== null || u.term !== null;

/** Only a child named: "Маша?", "а у второго?". */
const namesOnlyChild = (q: TQuery, u: TUtterance) =>
  q.date === null && q.subject === null && (q.child !== null || u.childPosition !== null);

const usable = (previous: TQueryContext | null | undefined): previous is TQueryContext =>
  !!previous && (isDiaryIntent(previous.intent) || previous.intent === 'unknown');

/** One turn of a dialogue: the utterance read on its own, then completed by the previous question if it is a follow-up. */
export function parseTurn(text: string, options: TurnOptions = {}): TTurnReading {
  const u = readUtterance(text, options);
  const fill = options.fill ?? ((q: TQuery) => q);
  const own = (intent: TIntent) => fill(queryOf(u, intent));
  const alone = (): TTurnReading => ({ query: own(u.guessed), childPosition: u.childPosition, fragment: false });

  if (u.command) return alone();
  const explicit = u.explicit;
  if (explicit !== 'unknown' && !isDiaryIntent(explicit)) return alone();
  const previous = options.previous;
  const named = own(explicit === 'unknown' ? u.guessed : explicit);

  if (!usable(previous)) {
    // "а по физике?" or "Маша?" with nothing before: neither grades nor homework is a safe guess.
    const fragment = explicit === 'unknown' && namesSomething(named, u) && (u.opened || namesOnlyChild(named, u));
    if (!fragment) return alone();
    return { query: { ...own('unknown'), intent: 'unknown' }, childPosition: u.childPosition, fragment: true };
  }

  let intent: TIntent;
  if (explicit === 'unknown') {
    if (!namesSomething(named, u)) return alone();
    intent = previous.intent;
  } else if (previous.intent === 'unknown' || u.opened) {
    // The answer to "оценки или домашка?", or "а оценки?" after another question.
    intent = explicit;
  } else {
    // A complete new question ("какие оценки сегодня") starts afresh.
    return alone();
  }
  const mine = own(intent);
  const dateNamed = mine.date !== null;
  const query: TQuery = {
    intent,
    date: dateNamed ? mine.date : previous.date,
    dateTo: dateNamed ? mine.dateTo : previous.dateTo,
    subject: mine.subject ?? previous.subject,
    child: u.childPosition ? null : (mine.child ?? previous.child),
    ...termSlots(mine, previous),
  };
  return { query, childPosition: u.childPosition, fragment: intent === 'unknown' };
}

/**
 * A follow-up whose slots a platform already found (Alexa's FollowUpIntent): the named slots
 * replace the previous ones, the rest carry over.
 */
export function continueQuery(previous: TQueryContext, named: TQuery): TQuery {
  const dateNamed = named.date !== null;
  return {
    intent: previous.intent,
    date: dateNamed ? named.date : previous.date,
    dateTo: dateNamed ? named.dateTo : previous.dateTo,
    subject: named.subject ?? previous.subject,
    child: named.child ?? previous.child,
    ...termSlots(named, previous),
  };
}

/** A term question's period and target carry over unless named anew ("а за прошлую четверть?"). */
function termSlots(mine: TQuery, previous: TQueryContext): Pick<TQuery, 'term' | 'target'> {
  if (!('term' in mine) && !('term' in previous)) return {};
  return { term: mine.term ?? previous.term ?? null, target: mine.target ?? previous.target ?? null };
}

/** The remembered question, or null once it is older than the dialogue keeps it. */
export function currentContext(stored: { context: TQueryContext; at: Date } | null, now: Date): TQueryContext | null {
  if (!stored) return null;
  const age = now.getTime() - stored.at.getTime();
  return age >= 0 && age <= QUERY_CONTEXT_TTL_MS ? stored.context : null;
}
