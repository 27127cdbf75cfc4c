import type { TLang } from '../i18n';
import {
  countOf,
  dayNumberAt,
  isDayWord,
  isMonthWord,
  isOrdinalTens,
  isWeekendWord,
  isWeekWord,
  monthOf,
  OFFSET_PHRASES,
  OFFSET_STEMS,
  type TWhich,
  WEEKDAYS,
  WEEKDAYS_AFTER_CUE,
  whichOf,
} from './date-words';
import { WordMemo } from './lexicon-index';

/**
 * A date expression as written, before it is placed on the calendar: resolving needs the
 * intent (a bare "в пятницу" is the coming Friday for homework and the past one for grades).
 */
export type TDateMention =
  | { kind: 'offset'; days: number }
  | { kind: 'weekday'; weekday: number; which: TWhich | null }
  | { kind: 'week'; which: TWhich | 'bare' }
  | { kind: 'span'; days: number }
  | { kind: 'month'; month: number | null; which: TWhich | 'bare' | null }
  | { kind: 'weekend'; which: TWhich | null }
  | { kind: 'day'; day: number; month: number | null; year: number | null };

export interface TDateSpan {
  mention: TDateMention;
  start: number;
  len: number;
}

interface THit {
  mentions: TDateMention[];
  len: number;
}

type TRecognizer = (norms: readonly string[], i: number, lang: TLang) => THit | null;

const AGO = new Set(['назад', 'ago', 'тому']);
const IN = new Set(['через', 'in']);
const OVER = new Set(['за', 'over', 'for', 'in', 'during']);
const RANGE_LINKS = new Set(['по', 'до', '-', 'to', 'through', 'thru', 'till', 'until', 'and', 'и']);
const DAY_CUES = new Set(['на', 'за', 'к', 'ко', 'до', 'с', 'по', 'the', 'on', 'for', 'by', 'until']);
const MONTH_CUES = new Set(['в', 'во', 'за', 'на', 'in', 'for', 'during', 'of']);
const SHORT_DAY_CUES = new Set(['on', 'for', 'by', 'until', 'till']);
// "первый урок", "the first lesson", "7th grade" are not dates.
const NOT_AFTER_ORDINAL = new Set([
  'урок',
  'урока',
  'уроку',
  'уроком',
  'класс',
  'класса',
  'четверти',
  'lesson',
  'class',
  'period',
  'grade',
  'time',
]);
const YEAR_WORDS = new Set(['года', 'год', 'г', 'year']);

function unitDays(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (isDayWord(word)) return 1;
  if (isWeekWord(word)) return 7;
  return null;
}

/** "2 дня назад", "неделю назад", "a week ago". */
const ago: TRecognizer = (n, i) => {
  const count = countOf(n[i]);
  if (count !== null) {
    const unit = unitDays(n[i + 1]);
    if (unit && AGO.has(n[i + 2])) return { mentions: [{ kind: 'offset', days: -count * unit }], len: 3 };
    return null;
  }
  const unit = unitDays(n[i]);
  if (unit && AGO.has(n[i + 1])) return { mentions: [{ kind: 'offset', days: -unit }], len: 2 };
  return null;
};

/** "через 2 дня", "через неделю", "in 3 days". */
const later: TRecognizer = (n, i) => {
  if (!IN.has(n[i])) return null;
  const count = countOf(n[i + 1]);
  const unit = unitDays(count === null ? n[i + 1] : n[i + 2]);
  if (!unit) return null;
  return count === null
    ? { mentions: [{ kind: 'offset', days: unit }], len: 2 }
    : { mentions: [{ kind: 'offset', days: count * unit }], len: 3 };
};

/** "за последние 3 дня", "за две недели", "last 5 days", "over the past week". */
const span: TRecognizer = (n, i) => {
  let k = i;
  const over = OVER.has(n[k]);
  if (over) k++;
  if (n[k] === 'the') k++;
  const strictlyRecent = n[k] !== undefined && whichOf(n[k]) === 'recent';
  const recent = strictlyRecent || n[k] === 'last';
  if (recent) k++;
  if (!over && !recent) return null;
  const count = countOf(n[k]);
  const unit = unitDays(count === null ? n[k] : n[k + 1]);
  if (count !== null && unit) return { mentions: [{ kind: 'span', days: count * unit }], len: k + 2 - i };
  // "last week" is the calendar week before this one; only "the last/past week" means seven days.
  if (recent && unit === 7 && (n[k - 1] !== 'last' || n[k - 2] === 'the')) {
    return { mentions: [{ kind: 'span', days: 7 }], len: k + 1 - i };
  }
  if (strictlyRecent && isMonthWord(n[k]))
    return { mentions: [{ kind: 'month', month: null, which: 'bare' }], len: k + 1 - i };
  return null;
};

const offset: TRecognizer = (n, i) => {
  const phrase = OFFSET_PHRASES.match(n, i);
  if (phrase) return { mentions: [{ kind: 'offset', days: phrase.value }], len: phrase.len };
  const stem = OFFSET_STEMS.match(n[i]);
  return stem === undefined ? null : { mentions: [{ kind: 'offset', days: stem }], len: 1 };
};

/** "на следующей неделе", "в эту пятницу", "last weekend", "в прошлом месяце". */
const relative: TRecognizer = (n, i) => {
  const which = whichOf(n[i]);
  if (!which) return null;
  const next = n[i + 1];
  if (next === undefined) return null;
  const rel: TWhich | null = which === 'nearest' ? null : which === 'recent' ? 'last' : which;
  if (isWeekWord(next)) {
    if (which === 'recent') return { mentions: [{ kind: 'span', days: 7 }], len: 2 };
    return { mentions: [{ kind: 'week', which: rel ?? 'this' }], len: 2 };
  }
  if (isWeekendWord(next)) return { mentions: [{ kind: 'weekend', which: rel }], len: 2 };
  if (isMonthWord(next)) {
    return { mentions: [{ kind: 'month', month: null, which: which === 'recent' ? 'bare' : (rel ?? 'this') }], len: 2 };
  }
  const weekday = WEEKDAYS.match(n, i + 1)?.value ?? WEEKDAYS_AFTER_CUE.get(next);
  if (weekday) return { mentions: [{ kind: 'weekday', weekday, which: rel }], len: 2 };
  return null;
};

const bare: TRecognizer = (n, i) => {
  const word = n[i];
  if (isWeekWord(word)) {
    // "на неделе" is colloquial for this week; "за неделю" and "for the week" depend on the intent.
    const which = word === 'неделе' && n[i - 1] === 'на' ? 'this' : 'bare';
    return { mentions: [{ kind: 'week', which }], len: 1 };
  }
  if (isWeekendWord(word)) return { mentions: [{ kind: 'weekend', which: null }], len: 1 };
  if (isMonthWord(word) && OVER.has(n[i - 1]))
    return { mentions: [{ kind: 'month', month: null, which: 'bare' }], len: 1 };
  const weekday =
    WEEKDAYS.match(n, i)?.value ?? (SHORT_DAY_CUES.has(n[i - 1]) ? WEEKDAYS_AFTER_CUE.get(word) : undefined);
  if (weekday) return { mentions: [{ kind: 'weekday', weekday, which: null }], len: 1 };
  return null;
};

const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC_RE = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?$/;
const DAY_RANGE_RE = /^(\d{1,2})-(\d{1,2})$/;

/** "7.12", "07.12.2026", "2026-12-07"; with a slash, English users write the month first. */
const numeric: TRecognizer = (n, i, lang) => {
  const word = n[i];
  const iso = ISO_RE.exec(word);
  if (iso) return dayHit(Number(iso[3]), Number(iso[2]), Number(iso[1]), 1);
  const m = NUMERIC_RE.exec(word);
  if (!m) return null;
  let day = Number(m[1]);
  let month = Number(m[2]);
  if (lang === 'en' && word.includes('/')) [day, month] = [month, day];
  const year = m[3] === undefined ? null : Number(m[3].length === 2 ? '20' + m[3] : m[3]);
  return dayHit(day, month, year, 1);
};

function dayHit(day: number, month: number, year: number | null, len: number): THit | null {
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return { mentions: [{ kind: 'day', day, month, year }], len };
}

/** "7 декабря", "седьмого декабря 2026 года", "December 1st", "the 1st of December", "7-го", "7 числа". */
const dayMonth: TRecognizer = (n, i) => {
  const monthFirst = monthOf(n[i]);
  if (monthFirst !== null) {
    const k = n[i + 1] === 'the' ? i + 2 : i + 1;
    const day = dayNumberAt(n, k);
    if (day) return withYear(n, k + day.len, day.day, monthFirst, k + day.len - i);
  }
  const range = DAY_RANGE_RE.exec(n[i]);
  if (range) {
    const month = monthOf(n[i + 1]);
    if (month === null) return null;
    const mentions: TDateMention[] = [
      { kind: 'day', day: Number(range[1]), month, year: null },
      { kind: 'day', day: Number(range[2]), month, year: null },
    ];
    return { mentions, len: 2 };
  }
  const day = dayNumberAt(n, i);
  if (!day) return null;
  let k = i + day.len;
  if (n[k] === 'of') k++;
  const month = monthOf(n[k]);
  if (month !== null) return withYear(n, k + 1, day.day, month, k + 1 - i);
  // "с 7 по 11 декабря": the first day borrows the month of the second.
  if (RANGE_LINKS.has(n[k])) {
    const second = dayNumberAt(n, k + 1);
    const secondMonth = second ? monthOf(n[k + 1 + second.len]) : null;
    if (secondMonth !== null)
      return { mentions: [{ kind: 'day', day: day.day, month: secondMonth, year: null }], len: day.len };
  }
  if (n[k] === 'числа' || n[k] === 'число')
    return { mentions: [{ kind: 'day', day: day.day, month: null, year: null }], len: k + 1 - i };
  const digits = /^\d/.test(n[i]);
  if (!day.ordinal || NOT_AFTER_ORDINAL.has(n[k])) return null;
  if (!digits && !DAY_CUES.has(n[i - 1])) return null;
  return { mentions: [{ kind: 'day', day: day.day, month: null, year: null }], len: day.len };
};

function withYear(n: readonly string[], k: number, day: number, month: number, len: number): THit | null {
  const year = /^\d{4}$/.test(n[k] ?? '') ? Number(n[k]) : null;
  if (year === null) return dayHit(day, month, null, len);
  const extra = YEAR_WORDS.has(n[k + 1]) ? 2 : 1;
  return dayHit(day, month, year, len + extra);
}

/** "в декабре", "за ноябрь", "in December": the whole month. */
const monthName: TRecognizer = (n, i) => {
  const month = monthOf(n[i]);
  if (month === null || !MONTH_CUES.has(n[i - 1])) return null;
  return { mentions: [{ kind: 'month', month, which: null }], len: 1 };
};

const RECOGNIZERS: TRecognizer[] = [ago, later, span, offset, relative, numeric, dayMonth, bare, monthName];

/**
 * Whether any recognizer could start at this word. Most words of an utterance are not about
 * dates; answering that once per distinct word keeps the recognizer chain off the hot path.
 */
function couldStartDate(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) return true;
  return (
    countOf(word) !== null ||
    unitDays(word) !== null ||
    IN.has(word) ||
    OVER.has(word) ||
    word === 'the' ||
    whichOf(word) !== null ||
    OFFSET_PHRASES.hasFirst(word) ||
    OFFSET_STEMS.match(word) !== undefined ||
    monthOf(word) !== null ||
    dayNumberAt([word], 0) !== null ||
    isOrdinalTens(word) ||
    isWeekWord(word) ||
    isWeekendWord(word) ||
    isMonthWord(word) ||
    WEEKDAYS.hasFirst(word) ||
    WEEKDAYS_AFTER_CUE.has(word)
  );
}
const dateStarts = new WordMemo<boolean>();

function recognizeAt(norms: readonly string[], i: number, lang: TLang): THit | null {
  for (const recognize of RECOGNIZERS) {
    const hit = recognize(norms, i, lang);
    if (hit) return hit;
  }
  return null;
}

/** Nobody names more dates than this in one request; the cap bounds the work on pasted walls of text. */
const MAX_MENTIONS = 16;

/** Every date expression in reading order; the tokens they use are marked in `used`. */
export function findDateMentions(norms: readonly string[], used: Uint8Array, lang: TLang): TDateSpan[] {
  const found: TDateSpan[] = [];
  let i = 0;
  while (i < norms.length && found.length < MAX_MENTIONS) {
    if (used[i]) {
      i++;
      continue;
    }
    const hit = dateStarts.get(norms[i], couldStartDate) ? recognizeAt(norms, i, lang) : null;
    if (!hit) {
      i++;
      continue;
    }
    for (const mention of hit.mentions) found.push({ mention, start: i, len: hit.len });
    for (let k = i; k < i + hit.len && k < norms.length; k++) used[k] = 1;
    i += hit.len;
  }
  return found;
}
