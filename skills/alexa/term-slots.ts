import type { TQuery } from '../../core/nlu';

// The two slot types of the term questions: which marking period is meant ("this term", "last
// quarter", "the first semester") and which mark a "what is needed" question aims at ("an A", "a
// four"). Each value stands for one core shape (a TTermMention, a target mark); the skill reads the
// value Alexa resolved, or failing that the heard words, against these same tables.

export const TERM_SLOT_TYPE = 'TERM';
export const TARGET_SLOT_TYPE = 'TARGET_MARK';

type TTermMention = NonNullable<TQuery['term']>;
type TTargetMark = NonNullable<TQuery['target']>;

interface TSlotValue<T> {
  id: string;
  value: string;
  synonyms: string[];
  means: T;
}

const ORDINALS = ['first', 'second', 'third', 'fourth'] as const;

/** This and last period of a kind, then its numbered ones ("the second quarter"). */
function periodValues(word: string, kind: TTermMention['kind'], count: number, aliases: string[] = []) {
  const id = word.toUpperCase();
  const words = [word, ...aliases];
  const values: TSlotValue<TTermMention>[] = [
    {
      id: `THIS_${id}`,
      value: `this ${word}`,
      synonyms: words.flatMap((w) => [
        `the current ${w}`,
        `current ${w}`,
        `the ${w}`,
        ...(w === word ? [] : [`this ${w}`]),
      ]),
      means: { kind, which: 'current' },
    },
    {
      id: `LAST_${id}`,
      value: `last ${word}`,
      synonyms: words.flatMap((w) => [
        `the last ${w}`,
        `previous ${w}`,
        `the previous ${w}`,
        ...(w === word ? [] : [`last ${w}`]),
      ]),
      means: { kind, which: 'previous' },
    },
  ];
  ORDINALS.slice(0, count).forEach((ordinal, i) => {
    values.push({
      id: `${id}_${i + 1}`,
      value: `${ordinal} ${word}`,
      synonyms: words.flatMap((w) => [`the ${ordinal} ${w}`, ...(w === word ? [] : [`${ordinal} ${w}`])]),
      means: { kind, which: i + 1 },
    });
  });
  return values;
}

export const TERM_SLOT_VALUES: TSlotValue<TTermMention>[] = [
  // "term" is the school's own period, whichever kind it uses.
  ...periodValues('term', null, 4),
  ...periodValues('quarter', 'quarter', 4),
  ...periodValues('trimester', 'trimester', 3),
  ...periodValues('semester', 'half', 2, ['half year', 'half']),
  {
    id: 'THIS_YEAR',
    value: 'this year',
    synonyms: ['the school year', 'this school year', 'the year', 'the whole year', 'the current year'],
    means: { kind: 'year', which: 'current' },
  },
  {
    id: 'LAST_YEAR',
    value: 'last year',
    synonyms: ['the last year', 'last school year', 'the previous year', 'previous school year'],
    means: { kind: 'year', which: 'previous' },
  },
];

export const TARGET_SLOT_VALUES: TSlotValue<TTargetMark>[] = [
  { id: 'FIVE', value: 'A', synonyms: ['an A', 'five', 'a five', '5', 'a 5', 'excellent'], means: '5' },
  { id: 'FOUR', value: 'B', synonyms: ['a B', 'four', 'a four', '4', 'a 4'], means: '4' },
  { id: 'THREE', value: 'C', synonyms: ['a C', 'three', 'a three', '3', 'a 3'], means: '3' },
];

const slotTypeValues = <T>(values: TSlotValue<T>[]) =>
  values.map(({ id, value, synonyms }) => ({ id, name: { value, synonyms: [...new Set(synonyms)] } }));

export const termSlotValues = () => slotTypeValues(TERM_SLOT_VALUES);
export const targetSlotValues = () => slotTypeValues(TARGET_SLOT_VALUES);

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** The value Alexa resolved to, else the one whose name or synonym was heard; null when neither fits. */
function readSlot<T>(values: TSlotValue<T>[], heard: string | undefined, resolved: string | undefined): T | null {
  const byName = resolved && values.find((v) => v.value === resolved);
  if (byName) return byName.means;
  if (!heard) return null;
  const said = normal(heard);
  const match = values.find((v) => [v.value, ...v.synonyms].some((s) => normal(s) === said));
  return match ? match.means : null;
}

export const readTerm = (heard?: string, resolved?: string): TTermMention | null =>
  readSlot(TERM_SLOT_VALUES, heard, resolved);

export const readTarget = (heard?: string, resolved?: string): TTargetMark | null =>
  readSlot(TARGET_SLOT_VALUES, heard, resolved);
