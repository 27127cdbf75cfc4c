import { assistantPrefixLength } from './assistant-prefix';
import { findChild } from './child';
import { hasLinkCode, readCommand } from './commands';
import { findDateMentions, type TDateSpan } from './date-mentions';
import { resolveDates, type TOrientation } from './date-resolve';
import { classifyIntent } from './intent';
import { DEFAULT_TZ, schoolToday } from './school-day';
import { findSubject } from './subjects';
import { detectLang, tokenize } from './tokenize';
import type { ParseOptions, TIntent, TQuery } from './types';

/** Intents asked about after the fact: a bare "в пятницу" is the Friday just gone. */
const LOOKS_BACK = new Set<TIntent>(['grades', 'balance']);

/** Past tense moves a schedule or homework question back: "какие уроки были в понедельник". */
const PAST_TENSE = new Set(['было', 'были', 'был', 'была', 'was', 'were', 'had']);

/**
 * Utterance → Query. Pure apart from reading the clock when `now` is not given; never throws
 * on user text (empty, garbage or huge input gives `unknown`), only on invalid options.
 */
export function parseUtterance(text: string, options: ParseOptions = {}): TQuery {
  const input = typeof text === 'string' ? text : '';
  const lang = options.lang ?? detectLang(input);
  const today = schoolToday(options.now, options.tz ?? DEFAULT_TZ);

  const command = readCommand(input);
  const body = command ? command.rest : input;
  const tokens = tokenize(body);
  const norms = tokens.map((t) => t.norm);
  const used = new Uint8Array(norms.length);
  if (!command) used.fill(1, 0, assistantPrefixLength(norms));

  const dates = findDateMentions(norms, used, lang);
  const subjectHit = findSubject(tokens, norms, used);
  if (subjectHit) used.fill(1, subjectHit.start, subjectHit.start + subjectHit.len);
  const childHit = findChild(tokens, used);
  if (childHit) used[childHit.start] = 1;
  const linkCode = hasLinkCode(body);

  let intent: TIntent;
  if (command) intent = command.intent === 'help' && linkCode ? 'link' : command.intent;
  else
    intent = classifyIntent(norms, used, { subject: subjectHit?.subject ?? null, dateLean: leanOf(dates), linkCode });

  const lean: TOrientation = LOOKS_BACK.has(intent) || norms.some((w) => PAST_TENSE.has(w)) ? 'past' : 'future';
  const { date, dateTo } = resolveDates(dates, today, lean);
  return { intent, date, dateTo, subject: subjectHit?.subject ?? null, child: childHit?.child ?? null };
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
