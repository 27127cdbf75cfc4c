import { RU_AMBIGUOUS_NAMES, RU_IRREGULAR_FORMS, RU_NAMES } from './ru-names';

/** One reading of a written word as a name. */
export interface TNameReading {
  nominative: string;
  /** The word is a case form (у Маши, Пете, Дениса), not the nominative itself. */
  oblique: boolean;
  /** The name is also an ordinary word and needs a capital letter or a cue ("у") to count. */
  ambiguous: boolean;
}

const HUSHING_OR_VELAR = 'гкхжшчщ';
const HUSHING = 'жшчщц';

/**
 * Genitive, dative, accusative, instrumental and prepositional forms by the regular rules of
 * Russian first-name declension; nothing more is needed to recognise "у Маши", "Пете", "Дениса".
 */
export function declineRuName(nominative: string): string[] {
  const irregular = RU_IRREGULAR_FORMS[nominative];
  if (irregular) return irregular;
  const last = nominative.slice(-1);
  const stem = nominative.slice(0, -1);
  const beforeLast = stem.slice(-1);
  if (nominative.endsWith('ия')) return [stem + 'и', stem + 'ю', stem + 'ей'];
  if (last === 'я') return [stem + 'и', stem + 'е', stem + 'ю', stem + 'ей'];
  if (last === 'а') {
    const gen = HUSHING_OR_VELAR.includes(beforeLast) ? 'и' : 'ы';
    const instr = HUSHING.includes(beforeLast) ? 'ей' : 'ой';
    return [stem + gen, stem + 'е', stem + 'у', stem + instr];
  }
  if (nominative.endsWith('ий')) return [stem + 'я', stem + 'ю', stem + 'ем', stem + 'и'];
  if (last === 'й' || last === 'ь') return [stem + 'я', stem + 'ю', stem + 'ем', stem + 'е'];
  if (/[бвгджзклмнпрстфхцчшщ]/.test(last)) {
    return [nominative + 'а', nominative + 'у', nominative + (HUSHING.includes(last) ? 'ем' : 'ом'), nominative + 'е'];
  }
  return [];
}

export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е');
}

function buildForms(): Map<string, TNameReading[]> {
  const forms = new Map<string, TNameReading[]>();
  const add = (form: string, reading: TNameReading) => {
    const key = normalizeWord(form);
    const list = forms.get(key) ?? [];
    if (!list.some((r) => r.nominative === reading.nominative && r.oblique === reading.oblique)) list.push(reading);
    forms.set(key, list);
  };
  for (const nominative of RU_NAMES) {
    const ambiguous = RU_AMBIGUOUS_NAMES.has(nominative);
    add(nominative, { nominative, oblique: false, ambiguous });
    for (const form of declineRuName(nominative)) add(form, { nominative, oblique: true, ambiguous });
  }
  return forms;
}

/** Every spelling (lower case, е for ё) of every known name, with what it can stand for. */
export const RU_NAME_FORMS: ReadonlyMap<string, readonly TNameReading[]> = buildForms();

/**
 * Best guess at the nominative of a capitalised name the list does not know, from the case
 * the preceding word asks for: "у Ярославы" (genitive), "к Ярославе" (dative).
 */
export function guessNominative(word: string, preposition: string): string | null {
  const w = word;
  const dative = preposition === 'к' || preposition === 'ко';
  let nom: string | null = null;
  if (dative) {
    if (/[бвгджзклмнпрстфхцчшщ]у$/.test(w)) nom = w.slice(0, -1);
    else if (w.endsWith('ии')) nom = w.slice(0, -1) + 'я';
    else if (w.endsWith('е')) nom = w.slice(0, -1) + 'а';
  } else if (w.endsWith('ии')) nom = w.slice(0, -1) + 'я';
  else if (w.endsWith('ия')) nom = w.slice(0, -1) + 'й';
  else if (w.endsWith('ея') || w.endsWith('ая')) nom = w.slice(0, -1) + 'й';
  else if (w.endsWith('ы')) nom = w.slice(0, -1) + 'а';
  else if (w.endsWith('и')) nom = w.slice(0, -1) + (HUSHING_OR_VELAR.includes(w.slice(-2, -1)) ? 'а' : 'я');
  else if (w.endsWith('я')) nom = w.slice(0, -1) + 'ь';
  else if (/[бвгджзклмнпрстфхцчшщ]а$/.test(w)) nom = w.slice(0, -1);
  if (!nom || nom.length < 2) return null;
  return nom[0].toUpperCase() + nom.slice(1).toLowerCase();
}
