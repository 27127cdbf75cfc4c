// English names of the canonical (Russian) subjects: an English-speaking parent hears these.

export const EN_SUBJECTS: Record<string, string> = {
  'Русский язык': 'Russian',
  Литература: 'Literature',
  'Родной язык': 'Native language',
  Математика: 'Maths',
  Алгебра: 'Algebra',
  Геометрия: 'Geometry',
  'Вероятность и статистика': 'Probability and statistics',
  Информатика: 'Computer science',
  Физика: 'Physics',
  Химия: 'Chemistry',
  Биология: 'Biology',
  География: 'Geography',
  История: 'History',
  Обществознание: 'Social studies',
  'Окружающий мир': 'Science',
  'Английский язык': 'English',
  'Немецкий язык': 'German',
  'Французский язык': 'French',
  'Китайский язык': 'Chinese',
  'Физическая культура': 'PE',
  Музыка: 'Music',
  'Изобразительное искусство': 'Art',
  Технология: 'Technology',
  'Основы безопасности и защиты Родины': 'Safety and defence',
  Астрономия: 'Astronomy',
  'Индивидуальный проект': 'Individual project',
  'Основы религиозных культур и светской этики': 'Religious cultures and ethics',
  Экономика: 'Economics',
  Право: 'Law',
  Черчение: 'Technical drawing',
};

const LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Names said by an English voice must be in Latin letters, or the synthesiser spells them out. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = LATIN[lower];
    if (latin === undefined) out += ch;
    else out += ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}
