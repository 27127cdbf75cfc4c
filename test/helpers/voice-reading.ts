import { isNumberWord, wordsToDigits } from './spoken-numbers';

// Voice replies read back the way a listener hears them: the sections between pauses, the
// number said before a list and the items of that list. Numbers come back as digits
// (spoken-numbers.ts), so a reply shown with digits and one spoken in words read the same.

const ALICE_PAUSE = ' sil <[300]> ';
const SSML_PAUSE = ' <break time="300ms"/> ';

/** Alice `tts` per section (one per student), stress marks removed, numbers as digits. */
export function ttsSections(tts: string): string[] {
  return tts.split(ALICE_PAUSE).map((s) => wordsToDigits(s.replace(/\+/g, '')));
}

/** Alexa SSML per section, as the words said: tags and entities undone, numbers as digits. */
export function ssmlSections(ssml: string): string[] {
  const inner = ssml.replace(/^<speak>|<\/speak>$/g, '');
  return inner.split(SSML_PAUSE).map((s) => wordsToDigits(unescapeXml(s)));
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * The facts of an Alice reply, for comparing its `text` with its `tts`: numbers as digits, a sum
 * of money as kopecks whether shown ("1 351,50 ₽") or said ("… рубль пятьдесят копеек"), pauses
 * and markup characters as spaces, stress marks gone.
 */
export function aliceFacts(reply: string, form: 'text' | 'tts'): string {
  const plain =
    form === 'tts'
      ? reply.split(ALICE_PAUSE).join(' ').replace(/\+/g, '')
      : // The renderer turns markup characters in what a school wrote into spaces in `tts`.
        reply.replace(/[+<>[\]]/g, ' ');
  const money = wordsToDigits(plain.replace(/[<>[\]]/g, ' '))
    .replace(/(−?)(\d{1,3}(?:[\u00a0 ]\d{3})*)(?:,(\d{2}))? ₽/g, (_, sign, rub, kop) =>
      kopecks(sign, rub.replace(/[\u00a0 ]/g, ''), kop),
    )
    .replace(/(минус )?(\d+) (?:рубль|рубля|рублей)(?: (\d+) (?:копейка|копейки|копеек))?/g, (_, sign, rub, kop) =>
      kopecks(sign, rub, kop),
    )
    .replace(/(−?)(\d{1,3}(?:,\d{3})*)(?:\.(\d{2}))? RUB/g, (_, sign, rub, kop) =>
      kopecks(sign, rub.replace(/,/g, ''), kop),
    )
    .replace(/(minus )?(\d+) roubles?(?: (\d+) kopecks?)?/g, (_, sign, rub, kop) => kopecks(sign, rub, kop));
  return money.replace(/\s+/g, ' ').trim();
}

const kopecks = (sign: string | undefined, rub: string, kop: string | undefined) =>
  `⟨${sign ? '-' : ''}${Number(rub) * 100 + Number(kop ?? 0)} kopecks⟩`;

export interface TSaidList {
  /** The number said before the list ("4 урока: …"). */
  count: number;
  /** The items read, without the closing "и ещё 3". */
  items: string[];
  /** How many more the reply says it left out ("и ещё 3", "and 3 more"), else 0. */
  more: number;
}

const MORE = /^(?:и ещё|and) (\d+)(?: more)?$/;

/** Splits a read list, taking a closing "и ещё N" / "and N more" off it. */
function listOf(count: number, list: string): TSaidList {
  const items = list.split(', ').filter(Boolean);
  const more = MORE.exec(items[items.length - 1] ?? '');
  return { count, items: more ? items.slice(0, -1) : items, more: more ? Number(more[1]) : 0 };
}

/** A section's count of lessons and the lessons read after it, or null when it says no count. */
export function lessonList(section: string): TSaidList | null {
  const m = /(\d+) (?:уроков|урока|урок|lessons|lesson)(?: [^:;.]*)?: ([^;.]*)/.exec(section);
  return m ? listOf(Number(m[1]), m[2]) : null;
}

/** How many grades a grades section says, phrase by phrase ("пятёрка и 2 четвёрки по …" is 3). */
export function gradeTally(section: string): { grades: number; more: number } | null {
  const m = /(?:: | got )(.*?)(?:;|\.$)/.exec(section);
  if (!m) return null;
  const { items, more } = listOf(0, m[1]);
  let grades = 0;
  for (const item of items) {
    const counts = item.split(/ по | in /)[0];
    for (const piece of counts.split(/, | и | and /)) grades += Number(/^(\d+) /.exec(piece)?.[1] ?? 1);
  }
  return { grades, more };
}

/** A journal answer: the count in its head, and each group's count with the lessons it names. */
export function journalGroups(section: string): { head: number; groups: TSaidList[] } | null {
  const m = /^(?:Не заполнено|Not filled in): (\d+) \S+\. (.*)\.$/.exec(section);
  if (!m) return null;
  const groups = m[2].split('; ').map((line) => {
    const g = /^(\d+) [^:]+: (.*)$/.exec(line);
    if (!g) throw new Error(`not a journal line: ${line}`);
    return listOf(Number(g[1]), g[2]);
  });
  return { head: Number(m[1]), groups };
}

/** Nouns a number counts in an answer: lessons, money, grades, and "ещё" before what was left out. */
const COUNTED =
  /(\S+) (?=(?:урок|урока|уроков|рубль|рубля|рублей|копейка|копейки|копеек|пятёрки|пятёрок|четвёрки|четвёрок|тройки|троек|двойки|двоек|единицы|единиц|lessons?|roubles?|kopecks|fives|fours|threes|twos|ones)(?:[\s.,;:]|$))/g;

/**
 * How the numbers before counted nouns are written: "5 уроков" is in digits, "пять уроков" in
 * words; "и ещё 3" counts too. Other words before such a noun ("нет уроков") are neither.
 */
export function countsWritten(text: string): { digits: string[]; words: string[] } {
  const tokens = [...text.matchAll(COUNTED)].map((m) => m[1]);
  tokens.push(...[...text.matchAll(/ещё (\S+?)[.,;]?(?=\s|$)/g)].map((m) => m[1]));
  return {
    digits: tokens.filter((t) => /^\d+$/.test(t)),
    words: tokens.filter((t) => isNumberWord(t.toLowerCase())),
  };
}
