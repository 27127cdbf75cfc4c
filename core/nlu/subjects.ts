import { PhraseIndex, StemIndex, WordMemo } from './lexicon-index';
import { SUBJECT_LEXICON, TYPO_STEMS } from './subject-lexicon';
import subjectsFile from './subjects.json';
import type { TToken } from './tokenize';

export const CANONICAL_SUBJECTS: readonly string[] = subjectsFile.subjects;

const canonical = new Set(CANONICAL_SUBJECTS);
const phrases = new PhraseIndex<string>();
const stems = new StemIndex<string>();

for (const [subject, lexicon] of Object.entries(SUBJECT_LEXICON)) {
  // A lexicon entry pointing at a name subjects.json does not have would silently answer
  // with a subject the diary never stores; fail at load instead.
  if (!canonical.has(subject)) throw new Error(`subject-lexicon: "${subject}" is not in subjects.json`);
  for (const p of lexicon.phrases) phrases.add(p, subject);
  for (const s of lexicon.stems) stems.add(s, subject);
}
for (const subject of Object.values(TYPO_STEMS)) {
  if (!canonical.has(subject)) throw new Error(`subject-lexicon: "${subject}" is not in subjects.json`);
}

const typoByFirst = new Map<string, [string, string][]>();
for (const [stem, subject] of Object.entries(TYPO_STEMS)) {
  const list = typoByFirst.get(stem[0]) ?? [];
  list.push([stem, subject]);
  typoByFirst.set(stem[0], list);
}

// "it" is a pronoun far more often than a subject; only the capitalised or "IT class" use counts.
const IT_FOLLOWERS = new Set(['class', 'classes', 'lesson', 'lessons', 'homework', 'grade', 'grades', 'marks', 'test']);

export interface TSubjectHit {
  subject: string;
  start: number;
  len: number;
}

/** The first subject named in the utterance, skipping tokens other extractors claimed. */
export function findSubject(tokens: readonly TToken[], norms: readonly string[], used: Uint8Array): TSubjectHit | null {
  for (let i = 0; i < norms.length; i++) {
    if (used[i]) continue;
    const phrase = phrases.match(norms, i, used);
    if (phrase) return { subject: phrase.value, start: i, len: phrase.len };
    const stem = stems.match(norms[i]);
    if (stem) return { subject: stem, start: i, len: 1 };
    if (norms[i] === 'it' && (tokens[i].raw === 'IT' || IT_FOLLOWERS.has(norms[i + 1]))) {
      return { subject: 'Информатика', start: i, len: 1 };
    }
  }
  for (let i = 0; i < norms.length; i++) {
    if (used[i] || norms[i].length < 6) continue;
    const subject = typos.get(norms[i], typoMatch);
    if (subject) return { subject, start: i, len: 1 };
  }
  return null;
}

const typos = new WordMemo<string | null>();

function typoMatch(word: string): string | null {
  const candidates = typoByFirst.get(word[0]);
  if (!candidates) return null;
  for (const [stem, subject] of candidates) {
    const n = stem.length;
    if (word.length < n - 1) continue;
    for (const len of [n, n - 1, n + 1]) {
      if (len <= word.length && withinOneEdit(word.slice(0, len), stem)) return subject;
    }
  }
  return null;
}

/** True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
