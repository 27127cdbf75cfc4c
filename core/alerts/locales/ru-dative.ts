// "по математике", "по русскому языку": subject names arrive in the nominative from the school,
// and Russian needs the dative after "по". Covers the shapes school subject names take; anything
// else (abbreviations like "ИЗО") is left as it is.

function dativeWord(word: string, adjective: boolean): string {
  const lower = word.toLowerCase();
  if (adjective) {
    if (/(ж|ш|щ|ч)ий$/.test(lower)) return lower.replace(/ий$/, 'ему');
    if (/(ий|ый|ой)$/.test(lower)) return lower.replace(/(ий|ый|ой)$/, 'ому');
    if (/(ая|яя)$/.test(lower)) return lower.replace(/ая$/, 'ой').replace(/яя$/, 'ей');
    return lower;
  }
  if (/ия$/.test(lower)) return lower.replace(/ия$/, 'ии');
  if (/[ая]$/.test(lower)) return lower.replace(/[ая]$/, 'е');
  if (/ь$/.test(lower)) return lower.replace(/ь$/, 'и');
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return `${lower}у`;
  return lower;
}

export function ruDative(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.some((w) => w.length > 1 && w === w.toUpperCase())) return name;
  // In "Русский язык" / "Физическая культура" every word but the last is an adjective.
  return words.map((w, i) => dativeWord(w, i < words.length - 1 && /(ий|ый|ой|ая|яя)$/i.test(w))).join(' ');
}
