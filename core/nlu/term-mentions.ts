import type { TTermMention } from './types';

// A marking period named in a question: «за четверть», «в прошлой четверти», «за первое полугодие»,
// «годовые», "this term", "2nd quarter". The parser only reads what is said; which of the school's
// periods it means is decided by the answers against that school's own periods (a «четверть» in a
// school of trimesters is its current trimester).

type TKind = NonNullable<TTermMention['kind']>;

const NOUNS: ReadonlyMap<string, TKind | null> = new Map<string, TKind | null>([
  ...['четверть', 'четверти', 'четвертью', 'четвертей', 'четвертям', 'четвертях'].map((w) => [w, 'quarter'] as const),
  ...['триместр', 'триместра', 'триместре', 'триместром', 'триместров'].map((w) => [w, 'trimester'] as const),
  ...['полугодие', 'полугодия', 'полугодии', 'полугодием', 'семестр', 'семестра', 'семестре'].map(
    (w) => [w, 'half'] as const,
  ),
  ...['quarter', 'quarters', 'trimester', 'trimesters'].map(
    (w) => [w, w.startsWith('q') ? 'quarter' : 'trimester'] as const,
  ),
  ...['semester', 'semesters', 'half-year'].map((w) => [w, 'half'] as const),
  // "term" is whatever the school's marking period is.
  ['term', null],
  ['terms', null],
]);

/** «годовые», «четвертные»: the adjective names the kind; the word itself stays an intent cue. */
const ADJECTIVES: readonly [RegExp, TKind][] = [
  [/^годов(ая|ые|ую|ой|ых|ое)$/, 'year'],
  [/^четвертн/, 'quarter'],
  [/^триместров(ая|ые|ую|ой|ых)$/, 'trimester'],
  [/^полугодов/, 'half'],
  [/^(annual|yearly)$/, 'year'],
];

// «год» and "year" name the school year only with a word that says so: «за год», «учебный год»,
// "this year"; «2026 год» and «в году» are dates or nothing.
const YEAR_NOUNS = new Set(['год', 'года', 'году', 'year']);
const YEAR_CUES = new Set(['за', 'учебный', 'учебного', 'учебном', 'этот', 'этом', 'прошлый', 'this', 'school', 'the']);

const PREVIOUS = /^(прошл|предыдущ|last$|previous$)/;
const CURRENT = /^(эт[аоуи]|текущ|нынешн|this$|current$)/;

const ORDINALS: readonly [RegExp, number][] = [
  [/^(перв|first$|1st$|1-?[яйюое]$|1$)/, 1],
  [/^(втор|second$|2nd$|2-?[яйюое]$|2$)/, 2],
  [/^(трет|third$|3rd$|3-?[яйюое]$|3$)/, 3],
  [/^(четверт[аыоу]|fourth$|4th$|4-?[яйюое]$|4$)/, 4],
  [/^(пят[аыоу]|fifth$|5th$|5-?[яйюое]$|5$)/, 5],
  [/^(шест[аыоу]|sixth$|6th$|6$)/, 6],
];

function ordinalOf(word: string | undefined): number | null {
  if (word === undefined) return null;
  for (const [re, n] of ORDINALS) if (re.test(word)) return n;
  return null;
}

/**
 * The first period mentioned; marks the words it took as used, so the date and name readers leave
 * «первую» and «четверти» alone. null when none is named.
 */
export function findTermMention(norms: readonly string[], used: Uint8Array): TTermMention | null {
  for (let i = 0; i < norms.length; i++) {
    if (used[i]) continue;
    const w = norms[i];
    const adjective = ADJECTIVES.find(([re]) => re.test(w));
    if (adjective) return { kind: adjective[1], which: 'current' };
    let kind: TKind | null | undefined = NOUNS.get(w);
    if (kind === undefined && YEAR_NOUNS.has(w) && YEAR_CUES.has(norms[i - 1] ?? '') && !/\d/.test(norms[i - 1] ?? ''))
      kind = 'year';
    if (kind === undefined) continue;
    used[i] = 1;
    const before = norms[i - 1];
    // "term 2", "quarter 3": the number follows in English.
    const after = /^\d$/.test(norms[i + 1] ?? '') ? Number(norms[i + 1]) : null;
    if (after !== null) used[i + 1] = 1;
    let which: TTermMention['which'] = 'current';
    const ordinal = ordinalOf(before) ?? (before === 'the' ? ordinalOf(norms[i - 2]) : null);
    if (ordinal !== null && !used[i - 1]) {
      used[i - 1] = 1;
      which = ordinal;
    } else if (after !== null) which = after;
    else if (before && PREVIOUS.test(before)) {
      used[i - 1] = 1;
      which = 'previous';
    } else if (before && CURRENT.test(before)) used[i - 1] = 1;
    return { kind, which };
  }
  return null;
}
