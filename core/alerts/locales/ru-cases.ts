// «не была на физике», «опоздал на алгебру»: after «на» Russian wants the prepositional case for
// where one was and the accusative for where one came. Subject names arrive in the nominative;
// this covers the shapes school subject names take (as ru-dative.ts does for «по»), and leaves
// anything else (abbreviations like "ИЗО") as it is.

const ADJECTIVE = /(ий|ый|ой|ая|яя|ое|ее)$/i;

function prepositionalWord(lower: string, adjective: boolean): string {
  if (adjective) {
    if (/(ж|ш|щ|ч)(ий|ее)$/.test(lower)) return lower.replace(/(ий|ее)$/, 'ем');
    if (/(ий|ый|ой|ое)$/.test(lower)) return lower.replace(/(ий|ый|ой|ое)$/, 'ом');
    if (/ее$/.test(lower)) return lower.replace(/ее$/, 'ем');
    if (/ая$/.test(lower)) return lower.replace(/ая$/, 'ой');
    if (/яя$/.test(lower)) return lower.replace(/яя$/, 'ей');
    return lower;
  }
  if (/(ия|ие)$/.test(lower)) return lower.replace(/(ия|ие)$/, 'ии');
  if (/[аяо]$/.test(lower)) return lower.replace(/[аяо]$/, 'е');
  if (/ь$/.test(lower)) return lower.replace(/ь$/, 'и');
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return `${lower}е`;
  return lower;
}

function accusativeWord(lower: string, adjective: boolean): string {
  if (adjective) {
    if (/ая$/.test(lower)) return lower.replace(/ая$/, 'ую');
    if (/яя$/.test(lower)) return lower.replace(/яя$/, 'юю');
    return lower;
  }
  if (/а$/.test(lower)) return lower.replace(/а$/, 'у');
  if (/я$/.test(lower)) return lower.replace(/я$/, 'ю');
  // Masculine and neuter things, and feminines in -ь, read as they are named.
  return lower;
}

function inflect(name: string, word: (lower: string, adjective: boolean) => string): string {
  const words = name.trim().split(/\s+/);
  if (words.some((w) => w.length > 1 && w === w.toUpperCase())) return name;
  // In "Русский язык" / "Изобразительное искусство" every word but the last is an adjective.
  return words.map((w, i) => word(w.toLowerCase(), i < words.length - 1 && ADJECTIVE.test(w))).join(' ');
}

/** «на физике», «на русском языке». */
export const ruPrepositional = (name: string) => inflect(name, prepositionalWord);
/** «на алгебру», «на физическую культуру», «на русский язык». */
export const ruAccusative = (name: string) => inflect(name, accusativeWord);
