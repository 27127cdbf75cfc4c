// Number words as speech recognition writes them ("сорок восемь пятнадцать", "four eight one
// five", "четыре тысячи восемьсот пятнадцать") → the digit string they stand for. Each spoken
// number becomes its decimal digits; consecutive numbers are concatenated, which is how people
// read a code aloud in whatever grouping they like.

type TWordKind = 'zero' | 'unit' | 'teen' | 'ten' | 'hundreds' | 'hundred' | 'thousand';

const WORDS = new Map<string, [TWordKind, number]>();
function add(kind: TWordKind, value: number, ...words: string[]) {
  for (const word of words) WORDS.set(word, [kind, value]);
}

add('zero', 0, 'ноль', 'нуль', 'zero', 'oh', 'o', 'nought');
const RU_UNITS = [
  ['один', 'одна', 'одно'],
  ['два', 'две'],
  ['три'],
  ['четыре'],
  ['пять'],
  ['шесть'],
  ['семь'],
  ['восемь'],
  ['девять'],
];
const EN_UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
RU_UNITS.forEach((forms, i) => add('unit', i + 1, ...forms, EN_UNITS[i]));
const RU_TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const EN_TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
RU_TEENS.forEach((word, i) => add('teen', 10 + i, word, EN_TEENS[i]));
const RU_TENS = ['двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const EN_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
RU_TENS.forEach((word, i) => add('ten', 20 + 10 * i, word, EN_TENS[i]));
const RU_HUNDREDS = [
  'сто',
  'двести',
  'триста',
  'четыреста',
  'пятьсот',
  'шестьсот',
  'семьсот',
  'восемьсот',
  'девятьсот',
];
RU_HUNDREDS.forEach((word, i) => add('hundreds', 100 * (i + 1), word));
add('hundred', 100, 'hundred');
add('thousand', 1000, 'тысяча', 'тысячи', 'тысяч', 'thousand');

/** Words that may sit inside one spoken number ("two hundred and five", "тысяча и один"). */
const GLUE = new Set(['and', 'и']);

/** true when the word is a number word this module understands. */
export function isNumberWord(word: string): boolean {
  return WORDS.has(word);
}

/**
 * Tokens (lower case) → digits, or null when a token is neither a number word, a digit run nor
 * glue. Built number by number: a word joins the number being spoken only where it fills an
 * empty lower slot (сорок + восемь), otherwise it starts the next number (сорок восемь | пятнадцать).
 */
export function spokenToDigits(tokens: readonly string[]): string | null {
  let out = '';
  let thousands = 0;
  let current = 0;
  let started = false;
  // The largest value that may still be added to `current` (99 after "восемьсот", 9 after "сорок").
  let room = 0;

  const flush = () => {
    if (started) out += String(thousands + current);
    thousands = 0;
    current = 0;
    started = false;
    room = 0;
  };
  const begin = (value: number, nextRoom: number) => {
    flush();
    current = value;
    started = true;
    room = nextRoom;
  };

  for (const token of tokens) {
    if (/^\d+$/.test(token)) {
      flush();
      out += token;
      continue;
    }
    if (GLUE.has(token)) continue;
    const word = WORDS.get(token);
    if (!word) return null;
    const [kind, value] = word;
    const fits = started && value <= room;
    switch (kind) {
      case 'zero':
        flush();
        out += '0';
        break;
      case 'unit':
        if (fits) [current, room] = [current + value, 0];
        else begin(value, 0);
        break;
      case 'teen':
        if (fits && room >= 99) [current, room] = [current + value, 0];
        else begin(value, 0);
        break;
      case 'ten':
        if (fits && room >= 99) [current, room] = [current + value, 9];
        else begin(value, 9);
        break;
      case 'hundreds':
        if (fits && room >= 999) [current, room] = [current + value, 99];
        else begin(value, 99);
        break;
      case 'hundred':
        // English "eight hundred": multiplies a lone unit just spoken.
        if (started && current >= 1 && current <= 9 && room === 0) [current, room] = [current * 100, 99];
        else begin(100, 99);
        break;
      case 'thousand':
        if (started && thousands === 0 && current > 0 && current < 1000)
          [thousands, current, room] = [current * 1000, 0, 999];
        else {
          // A bare "тысяча" is one thousand.
          begin(0, 999);
          thousands = 1000;
        }
        break;
    }
  }
  flush();
  return out;
}
