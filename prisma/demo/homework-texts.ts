import type { TSubjectCode } from './school-data';

// Homework the way teachers write it in a journal. Paragraph, exercise and page numbers grow
// with the lesson's place in the school year, as they do in a textbook worked through in order.

export interface THomeworkContext {
  /** 0-based place, in the school year, of the lesson the homework is due for. */
  position: number;
  yearLength: number;
  /** Topic number of that lesson (1-based): the English module, the project stage, ... */
  topicNumber: number;
  /** The lesson it is due for is a test: the homework is to prepare for it. */
  dueIsTest: boolean;
}

interface TNumbers {
  p: number;
  n: number;
  page: number;
  m: number;
}

type TTemplate = (x: TNumbers) => string;

const TEMPLATES: Partial<Record<TSubjectCode, readonly TTemplate[]>> = {
  rus: [
    (x) => `§${x.p}, упр. ${x.n}`,
    (x) => `§${x.p}, выучить правило, упр. ${x.n}, ${x.n + 2}`,
    (x) => `Упр. ${x.n} (письменно), словарные слова на с. ${x.page}`,
  ],
  lit: [
    (x) => `Прочитать с. ${x.page}–${x.page + 8}, ответить на вопросы 1–5`,
    (x) => `Выучить наизусть отрывок (с. ${x.page})`,
    (x) => `Письменный ответ на вопрос 4 на с. ${x.page}`,
  ],
  math: [
    (x) => `§${x.p}, № ${x.n}, ${x.n + 3}, ${x.n + 7}`,
    (x) => `№ ${x.n}–${x.n + 4} (чётные)`,
    (x) => `§${x.p}, правило; № ${x.n}, ${x.n + 2}`,
  ],
  alg: [(x) => `§${x.p}, № ${x.n}, ${x.n + 2}, ${x.n + 5}`, (x) => `№ ${x.n} (а, в), ${x.n + 1}, ${x.n + 4}`],
  geom: [(x) => `п. ${x.p}, задачи ${x.n}, ${x.n + 1}`, (x) => `Выучить теорему (п. ${x.p}), задача ${x.n}`],
  prob: [(x) => `§${x.p}, задачи ${x.n}, ${x.n + 2}`, (x) => `§${x.p}, вопросы после параграфа`],
  inf: [(x) => `§${x.p}, вопросы 1–5`, (x) => `§${x.p}, задание ${x.n} в тетради`],
  phys: [
    (x) => `§${x.p}, упр. ${x.m} (1–3)`,
    (x) => `§${x.p}, ответить на вопросы; задачи ${x.n}, ${x.n + 1} из задачника`,
  ],
  chem: [(x) => `§${x.p}, упр. ${x.n}`, (x) => `§${x.p}, составить уравнения реакций (упр. ${x.n}, ${x.n + 1})`],
  bio: [(x) => `§${x.p}, вопросы в конце параграфа`, (x) => `§${x.p}, зарисовать схему в тетради`],
  geo: [(x) => `§${x.p}, вопросы 1–4`, (x) => `§${x.p}, контурная карта (с. ${x.page})`],
  hist: [
    (x) => `§${x.p}, вопросы 1–4 после параграфа`,
    (x) => `§${x.p}, выучить даты`,
    (x) => `§${x.p}, заполнить таблицу в тетради`,
  ],
  soc: [(x) => `§${x.p}, вопросы 1–3`, (x) => `§${x.p}, выписать основные понятия`],
  eng: [
    (x) => `Учебник с. ${x.page}, упр. ${(x.n % 9) + 1} (письменно)`,
    (x) => `Выучить слова модуля ${x.m}, рабочая тетрадь с. ${Math.floor(x.page / 2)}`,
    (x) => `Учебник с. ${x.page}, упр. ${(x.n % 7) + 2} — читать и переводить`,
  ],
  music: [() => 'Послушать произведения, разобранные на уроке', () => 'Подготовить сообщение о композиторе'],
  art: [() => 'Закончить рисунок', () => 'Принести гуашь, кисти и альбом'],
  tech: [() => 'Закончить изделие', () => 'Подобрать материалы для практической работы'],
  obzr: [(x) => `§${x.p}, вопросы после параграфа`],
  proj: [(x) => `Продолжить работу над проектом: этап ${x.m}`, () => 'Подготовить список источников по теме проекта'],
};

/** Paragraphs in a year's textbook and exercises per lesson, roughly as in the usual textbooks. */
const TEXTBOOK: Partial<Record<TSubjectCode, { paragraphs: number; perLesson: number }>> = {
  rus: { paragraphs: 52, perLesson: 4 },
  math: { paragraphs: 38, perLesson: 6 },
  alg: { paragraphs: 27, perLesson: 5 },
  geom: { paragraphs: 34, perLesson: 3 },
  prob: { paragraphs: 18, perLesson: 3 },
  inf: { paragraphs: 21, perLesson: 2 },
  phys: { paragraphs: 46, perLesson: 2 },
  chem: { paragraphs: 41, perLesson: 2 },
  bio: { paragraphs: 29, perLesson: 2 },
  geo: { paragraphs: 36, perLesson: 2 },
  hist: { paragraphs: 26, perLesson: 2 },
  soc: { paragraphs: 15, perLesson: 2 },
  eng: { paragraphs: 10, perLesson: 3 },
  obzr: { paragraphs: 22, perLesson: 2 },
};

const PREPARE: Partial<Record<TSubjectCode, TTemplate>> = {
  rus: (x) => `Подготовиться к контрольному диктанту: повторить правила §${Math.max(1, x.p - 3)}–${x.p}`,
  lit: () => 'Подготовиться к сочинению: перечитать произведение, составить план',
  geom: (x) => `Подготовиться к контрольной работе: повторить п. ${Math.max(1, x.p - 2)}–${x.p}, теоремы и определения`,
  eng: (x) => `Подготовиться к контрольной работе по модулю ${x.m}`,
};

/** Physical education gets no homework, as in most schools. */
export function hasHomework(subject: TSubjectCode): boolean {
  return subject in TEMPLATES;
}

export function homeworkText(subject: TSubjectCode, ctx: THomeworkContext): string {
  const templates = TEMPLATES[subject];
  if (!templates) throw new Error(`no homework for ${subject}`);
  const book = TEXTBOOK[subject] ?? { paragraphs: 20, perLesson: 2 };
  const x: TNumbers = {
    p: 1 + Math.floor((ctx.position * book.paragraphs) / ctx.yearLength),
    n: 10 + ctx.position * book.perLesson,
    page: 8 + Math.floor((ctx.position * 240) / ctx.yearLength),
    m: ctx.topicNumber,
  };
  if (ctx.dueIsTest) {
    const prepare = PREPARE[subject];
    return prepare ? prepare(x) : `Подготовиться к контрольной работе: повторить §${Math.max(1, x.p - 2)}–${x.p}`;
  }
  return templates[ctx.position % templates.length](x);
}
