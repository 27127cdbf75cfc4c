import { hasHomework } from './homework-texts';
import type { TLessonPlan } from './lessons';
import { chance, createRandom, pick, randomInt, shuffled, type TRandom } from './prng';
import type { TStudent } from './roster';
import type { TSubjectCode } from './school-data';

// Grades a teacher puts in for one held lesson: after a test every pupil who sat it, after a
// short written task the whole class, otherwise a few oral answers and homework checks. At most
// one grade per pupil per lesson, so a grade id is simply lesson + pupil.

export interface TGradeDraft {
  id: string;
  student: TStudent;
  value: '2' | '3' | '4' | '5' | 'зачёт' | 'незачёт';
  weight: number;
  workType: string;
  comment: string | null;
}

const CLASS_WORK: Partial<Record<TSubjectCode, string>> = {
  rus: 'Словарный диктант',
  eng: 'Словарный диктант',
  phys: 'Лабораторная работа',
  chem: 'Практическая работа',
  bio: 'Лабораторная работа',
  geo: 'Практическая работа',
  inf: 'Практическая работа',
  hist: 'Тест',
  soc: 'Тест',
};
const TEST_WORK: Partial<Record<TSubjectCode, string>> = { rus: 'Контрольный диктант', lit: 'Сочинение' };
const HEAVY_TESTS = new Set<TSubjectCode>(['rus', 'math', 'alg']);
const PRACTICAL = new Set<TSubjectCode>(['pe', 'music', 'art', 'tech', 'obzr']);

const COMMENTS: Record<'2' | '3' | '4' | '5', readonly string[]> = {
  '5': ['Отличная работа!', 'Молодец!', 'Развёрнутый ответ', 'Аккуратное оформление'],
  '4': ['Есть недочёты в оформлении', 'Хороший ответ, не хватило примеров', 'Одна негрубая ошибка'],
  '3': ['Неполный ответ', 'Много исправлений', 'Нужно подтянуть тему'],
  '2': ['Не готов к уроку', 'Работа не выполнена', 'Нужно пересдать до конца недели'],
};
/** Remarks that only make sense in some subjects, added to the common ones for a 3. */
const SUBJECT_COMMENTS: Partial<Record<TSubjectCode, string>> = {
  math: 'Ошибки в вычислениях',
  alg: 'Ошибки в вычислениях',
  geom: 'Нет чертежа к задаче',
  phys: 'Ошибки в вычислениях',
  chem: 'Не уравнены реакции',
  rus: 'Нужно повторить правило',
  eng: 'Нужно повторить слова',
  lit: 'Пересказ без анализа',
  hist: 'Путает даты',
};

function markFor(rnd: TRandom, ability: number, bias: number): '2' | '3' | '4' | '5' {
  const noise = (rnd() + rnd() + rnd() - 1.5) * 1.1;
  return String(Math.min(5, Math.max(2, Math.round(ability + bias + noise)))) as '2' | '3' | '4' | '5';
}

function commentFor(rnd: TRandom, subject: TSubjectCode, value: TGradeDraft['value'], workType: string): string | null {
  if (value === 'зачёт' || value === 'незачёт') return null;
  if (!chance(rnd, value === '2' ? 0.5 : 0.07)) return null;
  if (value === '2' && workType === 'Домашняя работа') return 'Не выполнено домашнее задание';
  const special = SUBJECT_COMMENTS[subject];
  return pick(rnd, value === '3' && special ? [...COMMENTS[value], special] : COMMENTS[value]);
}

/** `present` are the pupils marked present or late, in journal order. */
export function gradeLesson(lesson: TLessonPlan, present: readonly TStudent[]): TGradeDraft[] {
  const rnd = createRandom('grades', lesson.id);
  const grades: TGradeDraft[] = [];
  const add = (student: TStudent, value: TGradeDraft['value'], weight: number, workType: string) =>
    grades.push({
      id: `grd-${lesson.id.slice(4)}-${student.code.slice(-2)}`,
      student,
      value,
      weight,
      workType,
      comment: commentFor(rnd, lesson.subject, value, workType),
    });
  const subject = lesson.subject;

  if (subject === 'proj') {
    // Project work is marked pass/fail, at the end of each stage.
    if (lesson.position % 4 === 3)
      for (const s of present) add(s, chance(rnd, 0.9) ? 'зачёт' : 'незачёт', 1, 'Этап проекта');
    return grades;
  }
  if (lesson.isTest) {
    const weight = HEAVY_TESTS.has(subject) ? 3 : 2;
    for (const s of present) add(s, markFor(rnd, s.ability, -0.3), weight, TEST_WORK[subject] ?? 'Контрольная работа');
    return grades;
  }
  if (subject === 'pe' && chance(rnd, 0.15)) {
    for (const s of present) add(s, markFor(rnd, s.ability, 0.6), 2, 'Сдача нормативов');
    return grades;
  }
  if (!PRACTICAL.has(subject) && chance(rnd, 0.12)) {
    const workType = CLASS_WORK[subject] ?? 'Самостоятельная работа';
    const weight = workType === 'Словарный диктант' || workType === 'Тест' ? 1 : 2;
    for (const s of present) add(s, markFor(rnd, s.ability, 0), weight, workType);
    return grades;
  }
  const order = shuffled(rnd, present);
  const oral = PRACTICAL.has(subject) ? randomInt(rnd, 3, 6) : randomInt(rnd, 2, 5);
  const checked = hasHomework(subject) && !PRACTICAL.has(subject) ? randomInt(rnd, 0, 3) : 0;
  const picked = order.slice(0, oral + checked);
  picked.forEach((s, i) => {
    const homework = i >= oral;
    const workType = homework ? 'Домашняя работа' : PRACTICAL.has(subject) ? 'Работа на уроке' : 'Ответ на уроке';
    add(s, markFor(rnd, s.ability, PRACTICAL.has(subject) ? 0.5 : homework ? 0 : 0.1), 1, workType);
  });
  // Back in journal order, as the teacher's screen lists them.
  return grades.sort((a, b) => (a.student.code < b.student.code ? -1 : 1));
}
