import { PhraseIndex, StemIndex } from './lexicon-index';

/** Days from today: "завтра" → 1. */
export const OFFSET_PHRASES = new PhraseIndex<number>()
  .add('{сегодня|седня|сегодн|севодня|сегоня}', 0)
  .add('{завтра|завтро|зафтра|завтраа|на-завтра}', 1)
  .add('{послезавтра|после завтра|послезавтро}', 2)
  .add('вчера', -1)
  .add('{позавчера|поза вчера|позавчира}', -2)
  .add('{today|tonight|2day}', 0)
  .add('{tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr}', 1)
  .add('{the day after tomorrow|day after tomorrow}', 2)
  .add('{yesterday|yday}', -1)
  .add('{the day before yesterday|day before yesterday}', -2);

/** Adjectives: "сегодняшние оценки", "завтрашняя домашка". */
export const OFFSET_STEMS = new StemIndex<number>()
  .add('сегодняшн', 0)
  .add('завтрашн', 1)
  .add('послезавтрашн', 2)
  .add('вчерашн', -1)
  .add('позавчерашн', -2);

/** ISO weekday numbers (Monday = 1), as luxon counts them. */
export const WEEKDAYS = new PhraseIndex<number>()
  .add(
    '{понедельник|понеделник|понедельнек|понедельника|понедельнику|понедельником|понедельнике|пн|пнд|monday|mon|mondays}',
    1,
  )
  .add('{вторник|вторнек|вторника|вторнику|вторником|вторнике|вт|tuesday|tue|tues|tuesdays}', 2)
  .add('{среда|среду|среды|среде|средой|ср|wednesday|wed|wednesdays|wensday|wednsday}', 3)
  .add('{четверг|четверга|четвергу|четвергом|четверге|чт|thursday|thu|thur|thurs|thursdays}', 4)
  .add('{пятница|пятницу|пятницы|пятнице|пятницей|пт|пятн|friday|fri|fridays}', 5)
  .add('{суббота|субота|суботу|субботу|субботы|субботе|субботой|сб|суб|saturday|saturdays}', 6)
  .add('{воскресенье|воскресенья|воскресенью|воскресеньем|воскресение|вск|вс|sunday|sundays}', 7);

/** Short English day names that are also words; they count only after "on", "this", "next"… */
export const WEEKDAYS_AFTER_CUE = new Map<string, number>([
  ['sat', 6],
  ['sun', 7],
]);

export type TWhich = 'this' | 'next' | 'last' | 'beforeLast';

/** Words that pick a week, a weekday's week, a weekend or a month relative to now. */
export function whichOf(word: string | undefined): TWhich | 'nearest' | 'recent' | null {
  if (word === undefined) return null;
  if (word.startsWith('эт') && word.length <= 4) return 'this'; // эта, эту, этой, этот, этом
  if (word.startsWith('позапрошл')) return 'beforeLast';
  if (word.startsWith('текущ') || word.startsWith('нынешн') || word === 'this' || word === 'current') return 'this';
  if (word.startsWith('следующ') || word.startsWith('следущ') || word === 'след' || word.startsWith('будущ'))
    return 'next';
  if (word === 'next' || word === 'upcoming') return 'next';
  if (word.startsWith('прошл') || word.startsWith('прошедш') || word.startsWith('предыдущ') || word === 'той')
    return 'last';
  if (word === 'last' || word === 'previous') return 'last';
  if (word.startsWith('ближайш') || word === 'coming') return 'nearest';
  if (word.startsWith('последн') || word === 'past') return 'recent';
  return null;
}

export function isWeekWord(word: string | undefined): boolean {
  if (word === undefined) return false;
  return word.startsWith('недел') || word === 'week' || word === 'weeks' || word === 'неделька';
}

export function isMonthWord(word: string | undefined): boolean {
  if (word === undefined) return false;
  return word.startsWith('месяц') || word === 'month' || word === 'months';
}

export function isDayWord(word: string | undefined): boolean {
  if (word === undefined) return false;
  return (
    word === 'день' ||
    word === 'дня' ||
    word === 'дней' ||
    word === 'дн' ||
    word === 'сутки' ||
    word === 'суток' ||
    word === 'day' ||
    word === 'days'
  );
}

export function isWeekendWord(word: string | undefined): boolean {
  if (word === undefined) return false;
  return word.startsWith('выходн') || word === 'weekend' || word === 'weekends';
}

/** Month names, any case form, full or abbreviated: "декабря", "дек", "December", "dec". */
const MONTH_STEMS = new StemIndex<number>()
  .add('январ', 1)
  .add('феврал', 2)
  .add('март', 3)
  .add('апрел', 4)
  .add('июн', 6)
  .add('июл', 7)
  .add('август', 8)
  .add('сентябр', 9)
  .add('октябр', 10)
  .add('ноябр', 11)
  .add('декабр', 12)
  .add('january', 1)
  .add('february', 2)
  .add('march', 3)
  .add('april', 4)
  .add('june', 6)
  .add('july', 7)
  .add('august', 8)
  .add('september', 9)
  .add('october', 10)
  .add('november', 11)
  .add('december', 12);

const MONTH_WORDS = new Map<string, number>([
  ['май', 5],
  ['мая', 5],
  ['мае', 5],
  ['янв', 1],
  ['фев', 2],
  ['февр', 2],
  ['мар', 3],
  ['апр', 4],
  ['авг', 8],
  ['сен', 9],
  ['сент', 9],
  ['окт', 10],
  ['ноя', 11],
  ['нояб', 11],
  ['дек', 12],
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['may', 5],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
]);

export function monthOf(word: string | undefined): number | null {
  if (!word) return null;
  return MONTH_WORDS.get(word) ?? MONTH_STEMS.match(word) ?? null;
}

const NUMBER_WORDS = new Map<string, number>([
  ['один', 1],
  ['одна', 1],
  ['одну', 1],
  ['одного', 1],
  ['одни', 1],
  ['два', 2],
  ['две', 2],
  ['двух', 2],
  ['пару', 2],
  ['пара', 2],
  ['три', 3],
  ['трех', 3],
  ['четыре', 4],
  ['четырех', 4],
  ['пять', 5],
  ['пяти', 5],
  ['шесть', 6],
  ['шести', 6],
  ['семь', 7],
  ['семи', 7],
  ['восемь', 8],
  ['девять', 9],
  ['десять', 10],
  ['десяти', 10],
  ['четырнадцать', 14],
  ['тридцать', 30],
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['couple', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['fourteen', 14],
  ['thirty', 30],
]);

/** A count: digits or a number word ("две недели", "three days"). */
export function countOf(word: string | undefined): number | null {
  if (!word) return null;
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word) ?? null;
}

const RU_ORDINAL_STEMS: [string, number][] = [
  ['перв', 1],
  ['втор', 2],
  ['трет', 3],
  ['четверт', 4],
  ['пят', 5],
  ['шест', 6],
  ['седьм', 7],
  ['восьм', 8],
  ['девят', 9],
  ['десят', 10],
  ['одиннадцат', 11],
  ['двенадцат', 12],
  ['тринадцат', 13],
  ['четырнадцат', 14],
  ['пятнадцат', 15],
  ['шестнадцат', 16],
  ['семнадцат', 17],
  ['восемнадцат', 18],
  ['девятнадцат', 19],
  ['двадцат', 20],
  ['тридцат', 30],
];
const EN_ORDINALS: [string, number][] = [
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
  ['eleventh', 11],
  ['twelfth', 12],
  ['thirteenth', 13],
  ['fourteenth', 14],
  ['fifteenth', 15],
  ['sixteenth', 16],
  ['seventeenth', 17],
  ['eighteenth', 18],
  ['nineteenth', 19],
  ['twentieth', 20],
  ['thirtieth', 30],
];

const ORDINALS = new Map<string, number>();
for (const [stem, n] of RU_ORDINAL_STEMS) {
  const soft = stem === 'трет';
  for (const ending of soft ? ['ье', 'ьего', 'ьему'] : ['ое', 'ого', 'ому']) ORDINALS.set(stem + ending, n);
}
for (const [word, n] of EN_ORDINALS) ORDINALS.set(word, n);

/** Tens that combine with a following ordinal: "двадцать пятое", "twenty first". */
const ORDINAL_TENS = new Map<string, number>([
  ['двадцать', 20],
  ['тридцать', 30],
  ['twenty', 20],
  ['thirty', 30],
]);

/** "двадцать", "thirty": the first word of a two-word day number. */
export function isOrdinalTens(word: string): boolean {
  return ORDINAL_TENS.has(word);
}

export interface TDayNumber {
  day: number;
  len: number;
  /** Written as an ordinal ("7-го", "седьмое", "7th"), so it names a day even without a month. */
  ordinal: boolean;
}

const DAY_DIGITS_RE = /^(\d{1,2})(?:-?(го|е|ое|ого|му|ому|th|st|nd|rd))?$/;

/** A day of the month at tokens[i]: "7", "7-го", "седьмое", "двадцать пятое", "1st", "twenty-first". */
export function dayNumberAt(norms: readonly string[], i: number): TDayNumber | null {
  const word = norms[i];
  if (word === undefined) return null;
  const digits = DAY_DIGITS_RE.exec(word);
  if (digits) {
    const day = Number(digits[1]);
    return day >= 1 && day <= 31 ? { day, len: 1, ordinal: digits[2] !== undefined } : null;
  }
  const hyphen = word.indexOf('-');
  if (hyphen > 0) {
    const tens = ORDINAL_TENS.get(word.slice(0, hyphen));
    const unit = ORDINALS.get(word.slice(hyphen + 1));
    if (tens && unit && unit < 10) return { day: tens + unit, len: 1, ordinal: true };
  }
  const tens = ORDINAL_TENS.get(word);
  if (tens) {
    const unit = ORDINALS.get(norms[i + 1] ?? '');
    if (unit && unit < 10 && tens + unit <= 31) return { day: tens + unit, len: 2, ordinal: true };
    return null;
  }
  const ordinal = ORDINALS.get(word);
  return ordinal ? { day: ordinal, len: 1, ordinal: true } : null;
}
