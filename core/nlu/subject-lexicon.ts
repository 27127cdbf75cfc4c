/**
 * How people name school subjects, mapped to the canonical names of subjects.json.
 *
 * `phrases` are whole words or word sequences (with `{a|b}` alternatives, see expand()), used
 * for short or ambiguous forms that must match exactly: "изо", "инфа", "англ", "pe".
 * `stems` are word beginnings for the regular Russian forms: "алгебр" covers алгебре, алгебру…
 * A stem must not start an unrelated common word ("труд" would catch "трудная", so труд is a phrase).
 */
export interface TSubjectLexicon {
  phrases: string[];
  stems: string[];
}

const NOUN_A = '{а|ы|е|у|ой|и}'; // endings of a feminine noun in -а (ы after hard stems, и after soft)

export const SUBJECT_LEXICON: Record<string, TSubjectLexicon> = {
  'Русский язык': {
    phrases: [
      'русск{ий|ого|ому|им|ом} язык{|а|у|ом|е}',
      'рус яз',
      'рус.яз',
      'русяз',
      'рус',
      'руский',
      'руского',
      'рускому',
      'russian',
      'russian language',
    ],
    stems: ['русск', 'русич', 'русяз'],
  },
  Литература: {
    phrases: [
      `лит-р${NOUN_A}`,
      `литр${NOUN_A}`,
      'лит',
      'литер',
      'литературн{ое|ого|ому|ым} чтени{е|я|ю|ем}',
      'чтени{е|я|ю|ем}',
      'lit',
      'literature',
      'english literature',
      'russian literature',
      'reading',
    ],
    stems: ['литератур'],
  },
  'Родной язык': {
    phrases: [
      'родн{ой|ого|ому|ым|ом} язык{|а|у|ом|е}',
      'родн{ой|ого|ому|ым|ом} русск{ий|ого|ому|им|ом}',
      'native language',
    ],
    stems: [],
  },
  Математика: {
    phrases: ['матем', 'мат-к{а|и|е|у|ой}', 'math', 'maths', 'mathematics'],
    stems: ['математ', 'матеш', 'матан', 'матик'],
  },
  Алгебра: { phrases: ['algebra'], stems: ['алгебр'] },
  Геометрия: { phrases: [`геом${NOUN_A}`, 'геом', 'geometry'], stems: ['геометр'] },
  'Вероятность и статистика': {
    phrases: ['тервер{|а|у|ом|е}', 'probability', 'statistics', 'stats', 'probability and statistics'],
    stems: ['вероятност', 'статистик'],
  },
  Информатика: {
    phrases: [
      `инф${NOUN_A}`,
      'инф',
      'информ',
      'икт',
      'computer science',
      'comp sci',
      'informatics',
      'computing',
      'ict',
      'cs',
      'coding',
      'programming',
      'computer class',
      'computers',
    ],
    stems: ['информатик', 'программир'],
  },
  Физика: { phrases: ['physics'], stems: ['физик', 'физич'] },
  Химия: { phrases: ['chemistry', 'chem'], stems: ['хими', 'химоз'] },
  Биология: { phrases: ['био', 'biology', 'bio'], stems: ['биол'] },
  География: { phrases: ['гео', 'геогр', 'geography', 'geo'], stems: ['географ', 'геогра'] },
  История: { phrases: ['ист', 'истор', 'history'], stems: ['истори'] },
  Обществознание: {
    phrases: [`общ${NOUN_A}`, 'обществ{о|а|у|ом|е}', 'social studies', 'social science', 'civics'],
    stems: ['обществозн'],
  },
  'Окружающий мир': {
    phrases: [
      'окружающ{ий|его|ему|им|ем} мир{|а|у|ом|е}',
      'окружающ{ий|его|ему|им|ем}',
      'окр мир{|а|у|ом|е}',
      'окр.мир',
      'окрмир',
      'природоведени{е|я|ю|ем}',
      'world around us',
      'the world around us',
      'nature study',
      'nature studies',
    ],
    stems: ['окружайк', 'окружаек'],
  },
  'Английский язык': {
    phrases: [
      'английск{ий|ого|ому|им|ом} язык{|а|у|ом|е}',
      'англ{|а|у|е|ом}',
      'англ яз',
      'англ.яз',
      'англяз',
      'англ.',
      'инглиш{|а|у|ем|е}',
      'english',
      'english language',
    ],
    stems: ['английск', 'инглиш', 'англиш', 'англичанк'],
  },
  'Немецкий язык': {
    phrases: ['немецк{ий|ого|ому|им|ом} язык{|а|у|ом|е}', 'нем', 'нем яз', 'german'],
    stems: ['немецк'],
  },
  'Французский язык': {
    phrases: ['французск{ий|ого|ому|им|ом} язык{|а|у|ом|е}', 'франц', 'фр яз', 'french'],
    stems: ['французск', 'францу'],
  },
  'Китайский язык': {
    phrases: ['китайск{ий|ого|ому|им|ом} язык{|а|у|ом|е}', 'chinese', 'mandarin'],
    stems: ['китайск'],
  },
  'Физическая культура': {
    phrases: [
      `физ-р${NOUN_A}`,
      `физ р${NOUN_A}`,
      'физо',
      'физическ{ая|ой|ую} культур{а|ы|е|у|ой}',
      'pe',
      'p.e',
      'p e',
      'phys ed',
      'physical education',
      'gym',
      'gym class',
      'physical training',
      'sport',
      'sports',
    ],
    stems: ['физр', 'физкульт', 'физкультур'],
  },
  Музыка: { phrases: ['music'], stems: ['музык', 'музыч'] },
  'Изобразительное искусство': {
    phrases: [
      'изо',
      'изобразительн{ое|ого|ому|ым|ом} искусств{о|а|у|ом|е}',
      'art',
      'arts',
      'art class',
      'fine art',
      'fine arts',
      'drawing',
    ],
    stems: ['рисовани'],
  },
  Технология: {
    phrases: [
      'труд{|а|у|ом|е|ы|ам|ов}',
      'технолог',
      'technology',
      'design and technology',
      'dt',
      'crafts',
      'shop class',
    ],
    stems: ['технологи'],
  },
  'Основы безопасности и защиты Родины': {
    phrases: [
      'обж',
      'обзр',
      'основ{ы|ам|ах} безопасности',
      'основ{ы|ам|ах} безопасности и защиты родины',
      'life safety',
      'safety',
      'obzh',
    ],
    stems: [],
  },
  Астрономия: { phrases: ['astronomy'], stems: ['астроном'] },
  'Индивидуальный проект': {
    phrases: [
      'индивидуальн{ый|ого|ому|ым|ом} проект{|а|у|ом|е}',
      'проект{|а|у|ом|е}',
      'инд проект{|а|у|ом|е}',
      'individual project',
    ],
    stems: [],
  },
  'Основы религиозных культур и светской этики': {
    phrases: ['орксэ', 'орксе', 'основ{ы|ам|ах} религиозных культур', 'religious studies', 'religion', 'ethics'],
    stems: [],
  },
  Экономика: { phrases: ['economics', 'econ'], stems: ['экономик'] },
  Право: { phrases: ['право', 'праву', 'правом', 'law'], stems: ['правовед'] },
  Черчение: { phrases: ['technical drawing', 'drafting'], stems: ['черчени'] },
};

/**
 * Long stems used to forgive one typo ("матиматика", "геграфия"); short stems are left out
 * because at one edit they would match ordinary words.
 */
export const TYPO_STEMS: Record<string, string> = {
  математик: 'Математика',
  алгебр: 'Алгебра',
  геометри: 'Геометрия',
  информатик: 'Информатика',
  литератур: 'Литература',
  английск: 'Английский язык',
  географи: 'География',
  биологи: 'Биология',
  обществознани: 'Обществознание',
  физкультур: 'Физическая культура',
  технологи: 'Технология',
  mathematics: 'Математика',
  geography: 'География',
  chemistry: 'Химия',
  biology: 'Биология',
  literature: 'Литература',
  history: 'История',
  physics: 'Физика',
};
