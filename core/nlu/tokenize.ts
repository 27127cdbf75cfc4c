import type { TLang } from '../i18n';
/**
 * Splits an utterance into words. Chat and voice input arrive in any case, with or without
 * punctuation, with ё or е; every lexicon is written in the normalised form (lower case, е),
 * while the raw spelling is kept because capitalisation helps tell a name from a word.
 */
export interface TToken {
  raw: string;
  norm: string;
  /** The word carried an English possessive `'s` ("Masha's"), already removed from both forms. */
  possessive: boolean;
}

// Hyphens, dots, slashes and apostrophes inside a word belong to it: лит-ра, д/з, 7.12, p.e, Masha's.
const WORD_RE = /[\p{L}\p{N}]+(?:['’./-][\p{L}\p{N}]+)*/gu;
const DIGITS_DOT_RE = /^[\p{N}.]+$/u;

export function tokenize(text: string): TToken[] {
  const out: TToken[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const word = m[0];
    // A missing space after a full stop ("оценки.завтра") glues two words; abbreviations
    // ("англ.яз", "p.e") and dates ("7.12") keep their dots.
    if (word.includes('.') && !DIGITS_DOT_RE.test(word) && word.split('.').some((p) => p.length > 4)) {
      for (const part of word.split('.')) if (part) push(out, part);
    } else {
      push(out, word);
    }
  }
  return out;
}

// Keyboards that switch layout mid-word produce "oценки" with a Latin o; inside a word that is
// otherwise Cyrillic, Latin letters that look Cyrillic are read as their twins.
const LATIN_RE = /[a-z]/;
const CYRILLIC_RE = /[а-я]/;
const LATIN_LOOKALIKE_RE = /[aceopxykmtbh]/g;
const CYRILLIC_TWIN: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  b: 'в',
  h: 'н',
};

function push(out: TToken[], word: string): void {
  let raw = word;
  let possessive = false;
  if (raw.includes("'") || raw.includes('’')) {
    raw = raw.replace(/’/g, "'");
    if (/'s$/i.test(raw)) {
      raw = raw.slice(0, -2);
      possessive = true;
    }
    raw = raw.replace(/'/g, '');
    if (!raw) return;
  }
  let norm = raw.toLowerCase();
  if (norm.includes('ё')) norm = norm.replace(/ё/g, 'е');
  if (LATIN_RE.test(norm) && CYRILLIC_RE.test(norm)) norm = norm.replace(LATIN_LOOKALIKE_RE, (c) => CYRILLIC_TWIN[c]);
  out.push({ raw, norm, possessive });
}

/** Cyrillic anywhere means Russian: English users do not type Cyrillic, Russians mix in Latin. */
export function detectLang(text: string): TLang {
  return /[\u0400-\u04FF]/.test(text) ? 'ru' : 'en';
}
