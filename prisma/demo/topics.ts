import type { TClassInfo, TSubjectCode } from './school-data';
import { TOPICS_5, TOPICS_7 } from './topics-5-7';
import { TOPICS_9, TOPICS_10 } from './topics-9-10';

// Subjects taught much the same way in every grade share one list; the grade lists win.

const SHARED: Partial<Record<TSubjectCode, readonly string[]>> = {
  pe: [
    'Лёгкая атлетика. Бег на короткие дистанции',
    'Прыжок в длину с места',
    'Гимнастика. Строевые упражнения',
    'Акробатические упражнения',
    'Лыжная подготовка',
    'Баскетбол. Ведение мяча',
    'Волейбол. Передача мяча',
    'Подвижные игры',
    'Лёгкая атлетика. Метание мяча',
  ],
  music: [
    'Музыка моего края',
    'Русский фольклор',
    'Народные музыкальные инструменты',
    'Музыка и литература',
    'Образы природы в музыке',
    'Музыкальный театр. Опера',
    'Симфоническая музыка',
    'Музыка народов мира',
  ],
  tech: [
    'Технологии и производство',
    'Конструкционные материалы',
    'Ручная обработка материалов',
    'Основы черчения',
    'Компьютерная графика',
    'Робототехника',
    'Профессии будущего',
    'Проектная работа',
  ],
  obzr: [
    'Безопасное и устойчивое развитие личности',
    'Основы военной подготовки',
    'Первая помощь',
    'Безопасность в быту',
    'Безопасность на транспорте',
    'Безопасность в общественных местах',
    'Безопасность в природной среде',
    'Противодействие экстремизму и терроризму',
    'Безопасность в информационном пространстве',
  ],
  proj: [
    'Что такое проект. Типы проектов',
    'Выбор темы и постановка цели',
    'Планирование работы над проектом',
    'Работа с источниками информации',
    'Методы исследования',
    'Оформление проекта',
    'Подготовка презентации',
    'Предзащита проекта',
  ],
};

const BY_GRADE = { 5: TOPICS_5, 7: TOPICS_7, 9: TOPICS_9, 10: TOPICS_10 } as const;

/** How a second or third lesson on the same topic is usually titled in a journal. */
const FOLLOW_UPS: Partial<Record<TSubjectCode, readonly string[]>> = {
  rus: ['Закрепление', 'Упражнения', 'Работа над ошибками'],
  lit: ['Анализ произведения', 'Образы героев', 'Обсуждение'],
  math: ['Решение задач', 'Закрепление', 'Практикум'],
  alg: ['Решение задач', 'Закрепление', 'Практикум'],
  geom: ['Решение задач', 'Закрепление'],
  prob: ['Решение задач', 'Практикум'],
  inf: ['Практическая работа', 'Решение задач'],
  phys: ['Решение задач', 'Лабораторная работа'],
  chem: ['Решение задач', 'Практическая работа'],
  bio: ['Лабораторная работа', 'Обобщение'],
  geo: ['Практическая работа', 'Работа с картой'],
  hist: ['Работа с источниками', 'Обобщение'],
  soc: ['Практикум', 'Обобщение'],
  eng: ['Vocabulary', 'Grammar', 'Reading', 'Listening & Speaking', 'Writing'],
  art: ['Практическая работа'],
  tech: ['Практическая работа'],
  proj: ['Консультация'],
};

/** What a test lesson is called in each subject. */
export const TEST_TITLES: Partial<Record<TSubjectCode, string>> = {
  rus: 'Контрольный диктант',
  lit: 'Сочинение',
};

export function topicList(cls: TClassInfo, subject: TSubjectCode): readonly string[] {
  const list = BY_GRADE[cls.grade][subject] ?? SHARED[subject];
  if (!list) throw new Error(`no topics for ${subject} in grade ${cls.grade}`);
  return list;
}

/**
 * The topic of the lesson at `position` (0-based) in a school year of `yearLength` lessons:
 * the list is spread evenly over the year, so in December a class is a third of the way in.
 */
export function topicAt(cls: TClassInfo, subject: TSubjectCode, position: number, yearLength: number) {
  const list = topicList(cls, subject);
  const index = Math.floor((position * list.length) / yearLength);
  const firstOfTopic = position === 0 || Math.floor(((position - 1) * list.length) / yearLength) !== index;
  const base = list[index];
  const followUps = FOLLOW_UPS[subject];
  const title = firstOfTopic || !followUps ? base : `${base}. ${followUps[position % followUps.length]}`;
  return { index, base, title };
}
