import { assistantPrefixLength } from './assistant-prefix';
import { findChild } from './child';
import { findChildPosition, type TChildPosition } from './child-position';
import { hasLinkCode, readCommand } from './commands';
import { findDateMentions, type TDateSpan } from './date-mentions';
import { resolveDates, type TOrientation } from './date-resolve';
import { classifyIntent } from './intent';
import { DEFAULT_TZ, schoolToday } from './school-day';
import { findSubject } from './subjects';
import { findTargetMark } from './target-mark';
import { findTermMention } from './term-mentions';
import { detectLang, tokenize } from './tokenize';
import type { ParseOptions, TIntent, TQuery, TTargetMark, TTermMention } from './types';

/** Intents asked about after the fact: a bare "в пятницу" is the Friday just gone. */
const LOOKS_BACK = new Set<TIntent>(['grades', 'balance', 'presence', 'absences']);

/** Past tense moves a schedule or homework question back: "какие уроки были в понедельник". */
const PAST_TENSE = new Set(['было', 'были', 'был', 'была', 'was', 'were', 'had']);
// Words that ask for a count of absences rather than one lesson's mark: «сколько пропусков по
// физике» is the period's count, «был ли на физике» today's lesson.
const COUNTING = new Set([
  'сколько',
  'пропуски',
  'пропусков',
  'пропуск',
  'прогулы',
  'прогулов',
  'опоздания',
  'опозданий',
  'many',
  'absences',
]);

/** Words that open an elliptic question: "а по физике?", "and tomorrow?", "what about Masha?". */
const FOLLOW_UP_OPENERS = new Set(['а', 'и', 'and', 'what about', 'how about']);

/** Everything one utterance says, before deciding what it asks (parseUtterance, parseTurn). */
export interface TUtterance {
  /** A /command's intent, which nothing else overrides. */
  command: TIntent | null;
  /** The intent the words and slots suggest together ("математика завтра" → homework). */
  guessed: TIntent;
  /** The intent the words themselves name, ignoring what a subject or date alone would suggest. */
  explicit: TIntent;
  dates: TDateSpan[];
  subject: string | null;
  child: string | null;
  childPosition: TChildPosition | null;
  /** Starts like a follow-up: "а …", "и …", "and …", "what about …". */
  opened: boolean;
  pastTense: boolean;
  /** Asks «сколько» / "how many" or names absences as a count. */
  counting: boolean;
  term: TTermMention | null;
  target: TTargetMark | null;
  today: ReturnType<typeof schoolToday>;
}

export function readUtterance(text: string, options: ParseOptions = {}): TUtterance {
  const input = typeof text === 'string' ? text : '';
  const lang = options.lang ?? detectLang(input);
  const today = schoolToday(options.now, options.tz ?? DEFAULT_TZ);

  const command = readCommand(input);
  const body = command ? command.rest : input;
  const tokens = tokenize(body);
  const norms = tokens.map((t) => t.norm);
  const used = new Uint8Array(norms.length);
  const prefix = command ? 0 : assistantPrefixLength(norms);
  used.fill(1, 0, prefix);
  const wordsOnly = used.slice();

  const positionHit = findChildPosition(tokens, used);
  // Only the ordinal is taken: «добавить второго ребёнка» still asks to add a child.
  if (positionHit) used[positionHit.start] = 1;
  // Before the dates: «за первую четверть» is a period, not the first of a month.
  const term = findTermMention(norms, used);
  const dates = findDateMentions(norms, used, lang);
  const subjectHit = findSubject(tokens, norms, used);
  if (subjectHit) used.fill(1, subjectHit.start, subjectHit.start + subjectHit.len);
  const childHit = positionHit ? null : findChild(tokens, used);
  if (childHit) used[childHit.start] = 1;
  const linkCode = hasLinkCode(body);

  const guessed = command
    ? command.intent === 'help' && linkCode
      ? 'link'
      : command.intent
    : classifyIntent(norms, used, {
        subject: subjectHit?.subject ?? null,
        subjectStart: subjectHit?.start ?? null,
        dateLean: leanOf(dates),
        linkCode,
      });
  const explicit = command
    ? guessed
    : // «был ли Петя на физике» names its intent by the subject's place, so the place is passed on.
      classifyIntent(norms, wordsOnly, {
        subject: null,
        subjectStart: subjectHit?.start ?? null,
        dateLean: null,
        linkCode: false,
      });
  const first = norms.slice(prefix);
  // «оценки за прошлую четверть» asks for what that period ended with, not for its days' grades.
  const pastTerm = (i: TIntent): TIntent => (i === 'grades' && term && term.which !== 'current' ? 'final-grades' : i);
  return {
    command: command ? guessed : null,
    guessed: pastTerm(guessed),
    explicit: pastTerm(explicit),
    dates,
    subject: subjectHit?.subject ?? null,
    child: childHit?.child ?? null,
    childPosition: positionHit?.position ?? null,
    opened: FOLLOW_UP_OPENERS.has(first[0] ?? '') || FOLLOW_UP_OPENERS.has(first.slice(0, 2).join(' ')),
    pastTense: norms.some((w) => PAST_TENSE.has(w)),
    counting: norms.some((w) => COUNTING.has(w)),
    term,
    target: findTargetMark(norms, used),
    today,
  };
}

/** The utterance's own slots as a query for `intent`: the dates it names read the way that intent looks. */
export function queryOf(u: TUtterance, intent: TIntent): TQuery {
  const lean: TOrientation = LOOKS_BACK.has(intent) || u.pastTense ? 'past' : 'future';
  const { date, dateTo } = resolveDates(u.dates, u.today, lean);
  const query: TQuery = { intent, date, dateTo, subject: u.subject, child: u.child };
  // Only term questions carry a period and a target, so every other query keeps its old shape.
  if (!PERIOD_INTENTS.has(intent)) return query;
  // A count of absences with no period or days said is the current period's.
  const term =
    !u.term && intent === 'absences' && u.counting && date === null
      ? { kind: null, which: 'current' as const }
      : u.term;
  return { ...query, term, target: intent === 'needed' ? u.target : null };
}

/** Questions about a marking period rather than days. */
export const TERM_INTENTS: ReadonlySet<TIntent> = new Set(['average', 'final-grades', 'needed', 'topics']);

/** Questions that carry a named period without being term results: absences «за четверть» or «за неделю». */
const PERIOD_INTENTS: ReadonlySet<TIntent> = new Set([...TERM_INTENTS, 'absences']);

/**
 * Utterance → Query. Pure apart from reading the clock when `now` is not given; never throws
 * on user text (empty, garbage or huge input gives `unknown`), only on invalid options.
 */
export function parseUtterance(text: string, options: ParseOptions = {}): TQuery {
  const u = readUtterance(text, options);
  return queryOf(u, u.guessed);
}

/** Which way the named dates point on their own, for utterances without any intent word. */
function leanOf(dates: readonly TDateSpan[]): 'past' | 'future' | null {
  if (dates.length === 0) return null;
  for (const { mention: m } of dates) {
    if (m.kind === 'offset' && m.days < 0) return 'past';
    if (m.kind === 'span') return 'past';
    if (
      (m.kind === 'week' || m.kind === 'weekday' || m.kind === 'weekend' || m.kind === 'month') &&
      (m.which === 'last' || m.which === 'beforeLast')
    ) {
      return 'past';
    }
  }
  return 'future';
}
