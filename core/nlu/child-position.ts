import type { TToken } from './tokenize';

// "а у второго?", "у первой дочки", "the other one": a child named by position, not by name. A
// parent with several children says it as often as a name, and it can only be read against the
// children the parent has (in link order, as the menus' child switcher shows them), which the
// answers know and the parser does not: the parser only finds the words.

export type TChildPosition = { kind: 'ordinal'; n: number } | { kind: 'other' };

export interface TChildPositionHit {
  position: TChildPosition;
  start: number;
  len: number;
}

const RU_ORDINAL_STEMS: readonly [string, number][] = [
  ['перв', 1],
  ['втор', 2],
  ['трет', 3],
  ['четверт', 4],
];
const RU_OTHER_STEM = 'друг';
// "второго", "первой", "третьего", "другому": the cases of an ordinal adjective after its stem.
const RU_ADJECTIVE_ENDINGS = new Set([
  'ый',
  'ой',
  'ий',
  'ая',
  'ого',
  'ему',
  'ому',
  'ым',
  'им',
  'ом',
  'ей',
  'ую',
  'ья',
  'ьего',
  'ьей',
  'ьему',
  'ьим',
  'ьем',
]);
/** Words that make an ordinal mean a child: "второго ребёнка", "первой дочки". */
const RU_CHILD_NOUNS = new Set([
  'ребенка',
  'ребенок',
  'ребенку',
  'сына',
  'сын',
  'сыну',
  'дочки',
  'дочка',
  'дочке',
  'дочери',
  'дочь',
  'детей',
]);
/** Words before a bare ordinal that make it a person: "а у второго?", "для первой". */
const RU_PERSON_CUES = new Set(['у', 'для', 'про', 'о', 'об']);
/** …unless a noun after it says what is second: "про второй урок", "у второй смены". */
const NOT_A_CHILD = /^(урок|числ|смен|четверт|полугод|триместр|класс|этаж|кабинет)/;

const EN_ORDINALS = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['1st', 1],
  ['2nd', 2],
  ['3rd', 3],
]);
const EN_CHILD_NOUNS = new Set(['one', 'child', 'kid', 'son', 'daughter']);

function ruOrdinal(word: string): TChildPosition | null {
  for (const [stem, n] of RU_ORDINAL_STEMS) {
    if (word.startsWith(stem) && RU_ADJECTIVE_ENDINGS.has(word.slice(stem.length))) return { kind: 'ordinal', n };
  }
  if (word.startsWith(RU_OTHER_STEM) && RU_ADJECTIVE_ENDINGS.has(word.slice(RU_OTHER_STEM.length)))
    return { kind: 'other' };
  return null;
}

/** The first child named by position, with the words it takes (the noun after it included). */
export function findChildPosition(tokens: readonly TToken[], used: Uint8Array): TChildPositionHit | null {
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const word = tokens[i].norm;
    const next = tokens[i + 1]?.norm ?? '';
    const prev = i > 0 ? tokens[i - 1].norm : '';
    const ru = ruOrdinal(word);
    if (ru) {
      // "второго декабря" is a date and "второй урок" a lesson: only a child noun or a person cue makes it a child.
      if (RU_CHILD_NOUNS.has(next)) return { position: ru, start: i, len: 2 };
      if (RU_PERSON_CUES.has(prev) && !NOT_A_CHILD.test(next)) return { position: ru, start: i, len: 1 };
      continue;
    }
    const en = EN_ORDINALS.get(word);
    const position: TChildPosition | null = en
      ? { kind: 'ordinal', n: en }
      : word === 'other'
        ? { kind: 'other' }
        : null;
    if (position && EN_CHILD_NOUNS.has(next)) return { position, start: i, len: 2 };
    // "the other" at the end of a question ("what about the other?").
    if (position?.kind === 'other' && prev === 'the' && !next) return { position, start: i, len: 1 };
  }
  return null;
}
