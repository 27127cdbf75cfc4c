// Numbers said in words, read back as digits: what a voice reply shows ("5 уроков", "351,50 ₽")
// and what it says ("пять уроков", "триста пятьдесят один рубль пятьдесят копеек") compare
// equal once both are brought to digits. Written apart from core's number words on purpose: a
// reading that shared their code would agree with any mistake in it.

const RU_VALUES: Record<string, number> = {
  ноль: 0,
  один: 1,
  одна: 1,
  одно: 1,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  одиннадцать: 11,
  двенадцать: 12,
  тринадцать: 13,
  четырнадцать: 14,
  пятнадцать: 15,
  шестнадцать: 16,
  семнадцать: 17,
  восемнадцать: 18,
  девятнадцать: 19,
  двадцать: 20,
  тридцать: 30,
  сорок: 40,
  пятьдесят: 50,
  шестьдесят: 60,
  семьдесят: 70,
  восемьдесят: 80,
  девяносто: 90,
  сто: 100,
  двести: 200,
  триста: 300,
  четыреста: 400,
  пятьсот: 500,
  шестьсот: 600,
  семьсот: 700,
  восемьсот: 800,
  девятьсот: 900,
};
const RU_THOUSAND = new Set(['тысяча', 'тысячи', 'тысяч']);

const EN_VALUES: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** One word of a number said in words, Russian or English. */
export const isNumberWord = (w: string) => w in RU_VALUES || RU_THOUSAND.has(w) || w in EN_VALUES;

/** The value of a run of number words ("одна тысяча триста пятьдесят один" → 1351). */
function valueOf(words: string[]): number {
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (RU_THOUSAND.has(w)) {
      total += (current || 1) * 1000;
      current = 0;
    } else current += RU_VALUES[w] ?? EN_VALUES[w];
  }
  return total + current;
}

/**
 * Every run of number words, Russian or English, replaced by its digits. A run is words joined
 * by single spaces; a number word inside another word is left alone.
 */
export function wordsToDigits(text: string): string {
  return text.replace(/[\p{L}]+(?: [\p{L}]+)*/gu, (phrase) => {
    const words = phrase.split(' ');
    const out: string[] = [];
    let run: string[] = [];
    const flush = () => {
      if (run.length > 0) out.push(String(valueOf(run.map((w) => w.toLowerCase()))));
      run = [];
    };
    for (const w of words) {
      if (isNumberWord(w.toLowerCase())) run.push(w);
      else {
        flush();
        out.push(w);
      }
    }
    flush();
    return out.join(' ');
  });
}
