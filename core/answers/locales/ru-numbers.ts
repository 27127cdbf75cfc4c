// Russian numerals as words, for speech: a synthesiser reads "2 четвёрки" as "два четвёрки".

const UNITS_M = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const UNITS_F = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const TEENS = [
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
const TENS = [
  '',
  '',
  'двадцать',
  'тридцать',
  'сорок',
  'пятьдесят',
  'шестьдесят',
  'семьдесят',
  'восемьдесят',
  'девяносто',
];
const HUNDREDS = [
  '',
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

export type TGender = 'm' | 'f';

/** One, few or many: the three forms Russian nouns take after a number. */
export function plural(n: number, forms: readonly [string, string, string]): string {
  const n10 = n % 10;
  const n100 = n % 100;
  if (n10 === 1 && n100 !== 11) return forms[0];
  if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return forms[1];
  return forms[2];
}

function below1000(n: number, gender: TGender): string[] {
  const words = [HUNDREDS[Math.floor(n / 100)]];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10]);
  else words.push(TENS[Math.floor(rest / 10)], (gender === 'f' ? UNITS_F : UNITS_M)[rest % 10]);
  return words.filter(Boolean);
}

/** 0 … 999 999 in words; larger numbers stay digits (never said about a school canteen). */
export function numberWords(n: number, gender: TGender = 'm'): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) return String(n);
  if (n === 0) return 'ноль';
  const thousands = Math.floor(n / 1000);
  const words: string[] = [];
  if (thousands > 0) words.push(...below1000(thousands, 'f'), plural(thousands, ['тысяча', 'тысячи', 'тысяч']));
  words.push(...below1000(n % 1000, gender));
  return words.join(' ');
}
