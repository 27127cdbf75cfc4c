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

// Names said by an English voice are transliterated; the one table lives with the languages.
export { transliterate } from '../../i18n/transliterate';
