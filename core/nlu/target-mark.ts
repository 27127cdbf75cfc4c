import type { TTargetMark } from './types';

// The mark a "what is needed" question aims at: «чтобы вышла пятёрка», «для четвёрки», "to get an A".
// The last mark named is the aim: in «сколько пятёрок нужно для четвёрки» the fives are the means.

const WORDS: readonly [RegExp, TTargetMark][] = [
  [/^(пятерк|пятерок|пятероч|5-?к[аиуе]$|5$|five$|fives$)/, '5'],
  [/^(четверк|четверок|четвероч|4-?к[аиуе]$|4$|four$|fours$)/, '4'],
  [/^(тройк|троек|трояк|3-?к[аиуе]$|3$|three$|threes$)/, '3'],
];
const LETTERS: Readonly<Record<string, TTargetMark>> = { a: '5', b: '4', c: '3' };
// A lone letter is a mark only after "an"/"a"/"get" ("get an A", "a B"), never the article itself.
const LETTER_CUES = new Set(['an', 'a', 'get', 'getting']);
// «на пять», «на четыре»: the spoken way of saying the mark.
const ON = new Set(['на', 'for']);
const SPOKEN: Readonly<Record<string, TTargetMark>> = { пять: '5', четыре: '4', три: '3' };

export function findTargetMark(norms: readonly string[], used: Uint8Array): TTargetMark | null {
  let found: TTargetMark | null = null;
  for (let i = 0; i < norms.length; i++) {
    if (used[i]) continue;
    const w = norms[i];
    const letter = LETTERS[w];
    if (letter && LETTER_CUES.has(norms[i - 1] ?? '') && (w !== 'a' || norms[i - 1] === 'an')) found = letter;
    else if (SPOKEN[w] && ON.has(norms[i - 1] ?? '')) found = SPOKEN[w];
    else {
      const word = WORDS.find(([re]) => re.test(w));
      if (word) found = word[1];
    }
  }
  return found;
}
