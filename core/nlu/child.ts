import { EN_NAMES, EN_NOT_NAMES } from './en-names';
import { guessNominative, RU_NAME_FORMS, type TNameReading } from './name-forms';
import { RU_NOT_NAMES } from './ru-names';
import type { TToken } from './tokenize';

/** Words after which a name stands in an oblique case: "у Александра" is Александр, not Александра. */
const OBLIQUE_CUES = new Set([
  'у',
  'для',
  'от',
  'про',
  'о',
  'об',
  'к',
  'ко',
  'с',
  'со',
  'без',
  'оценки',
  'оценок',
  'отметки',
  'отметок',
  'дз',
  'домашка',
  'домашку',
  'домашнее',
  'расписание',
  'уроки',
  'баланс',
  'успехи',
  'задание',
  'задания',
  'дела',
  'успеваемость',
  'балл',
  'питание',
  'карта',
  'карте',
  'урок',
]);

/** Prepositions strong enough to let an unknown capitalised word be guessed as a name. */
const GUESS_CUES = new Set(['у', 'для', 'от', 'к', 'ко']);

const EN_CUES = new Set(['for', 'did', 'does', 'is', 'has', 'was', 'about', 'with', 'of']);

const CYRILLIC_WORD = /^[а-яё]+$/i;
const LATIN_WORD = /^[a-z]+$/i;

export interface TChildHit {
  child: string;
  start: number;
}

/** The first child named in the utterance, as a nominative first name. */
export function findChild(tokens: readonly TToken[], used: Uint8Array): TChildHit | null {
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const token = tokens[i];
    const prev = i > 0 ? tokens[i - 1].norm : '';
    const readings = RU_NAME_FORMS.get(token.norm);
    if (readings) {
      const reading = chooseReading(readings, prev);
      if (reading.ambiguous && !isCapitalised(token.raw) && !GUESS_CUES.has(prev)) continue;
      return { child: asWritten(reading, token.raw), start: i };
    }
    const en = EN_NAMES.get(token.norm);
    if (en) return { child: en, start: i };
  }
  return guessUnknown(tokens, used);
}

function chooseReading(readings: readonly TNameReading[], prev: string): TNameReading {
  if (readings.length === 1) return readings[0];
  const wantOblique = OBLIQUE_CUES.has(prev);
  return readings.find((r) => r.oblique === wantOblique) ?? readings[0];
}

/**
 * A nominative the parent wrote is returned in their spelling ("Артем" stays Артем); a case
 * form says nothing about ё ("у Петра"), so the dictionary spelling is used (Пётр).
 */
function asWritten(reading: TNameReading, raw: string): string {
  if (reading.oblique || /ё/i.test(raw)) return reading.nominative;
  return reading.nominative.replace(/ё/g, 'е');
}

function isCapitalised(raw: string): boolean {
  const first = raw[0];
  return first !== first.toLowerCase() && raw.slice(1) !== raw.slice(1).toUpperCase();
}

function guessUnknown(tokens: readonly TToken[], used: Uint8Array): TChildHit | null {
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const token = tokens[i];
    if (!isCapitalised(token.raw) || token.raw.length < 3) continue;
    // The first word is capitalised anyway; only a possessive there says "name".
    if (i === 0 && !token.possessive) continue;
    const prev = i > 0 ? tokens[i - 1].norm : '';
    if (CYRILLIC_WORD.test(token.raw) && GUESS_CUES.has(prev) && !RU_NOT_NAMES.has(token.norm)) {
      const guess = guessNominative(token.raw, prev);
      if (guess) return { child: guess, start: i };
    }
    if (LATIN_WORD.test(token.raw) && !EN_NOT_NAMES.has(token.norm) && (token.possessive || EN_CUES.has(prev))) {
      return { child: token.raw[0].toUpperCase() + token.raw.slice(1).toLowerCase(), start: i };
    }
  }
  return null;
}
