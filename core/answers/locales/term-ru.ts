import type { TPeriodKind } from '../../terms/period-types';
import { plural } from './ru-numbers';
import type { TTermTexts } from './term-texts-type';

const ACCUSATIVE: Record<TPeriodKind, (n: number) => string> = {
  quarter: (n) => `${n}-ю четверть`,
  trimester: (n) => `${n}-й триместр`,
  half: (n) => `${n}-е полугодие`,
  year: () => 'учебный год',
};
const NOMINATIVE: Record<TPeriodKind, (n: number) => string> = {
  quarter: (n) => `${n}-я четверть`,
  trimester: (n) => `${n}-й триместр`,
  half: (n) => `${n}-е полугодие`,
  year: () => 'учебный год',
};
const GENITIVE: Record<TPeriodKind, (n: number | null) => string> = {
  quarter: (n) => (n ? `${n}-й четверти` : 'четвертей'),
  trimester: (n) => (n ? `${n}-го триместра` : 'триместров'),
  half: (n) => (n ? `${n}-го полугодия` : 'полугодий'),
  year: () => 'учебного года',
};
const PREVIOUS: Record<TPeriodKind, string> = {
  quarter: 'прошлой четверти',
  trimester: 'прошлого триместра',
  half: 'прошлого полугодия',
  year: 'прошлого учебного года',
};
const FINAL_VALUES: Record<string, string> = { 'н/а': 'н/а (не аттестован)', 'осв.': 'осв. (освобождён)' };
const comma = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');

export const TERM_RU: TTermTexts = {
  forPeriod: (p) => `за ${ACCUSATIVE[p.kind](p.number)}`,
  periodName: (p) => NOMINATIVE[p.kind](p.number),
  averageHead: (forPeriod) => `Средний балл ${forPeriod}`,
  finalHead: (forPeriod) => (forPeriod ? `Итоговые оценки ${forPeriod}` : 'Итоговые оценки'),
  neededHead: (forPeriod) => `Что нужно ${forPeriod}`,
  topicsHead: (forPeriod) => `Темы, которые стоит подтянуть, ${forPeriod}`,
  averageOf: (average, count) =>
    `${average === null ? 'без среднего' : comma(average)} (${count} ${plural(count, ['оценка', 'оценки', 'оценок'])})`,
  roundsTo: (markName) => `выходит ${markName}`,
  finalValue: (value) => FINAL_VALUES[value] ?? value,
  already: (markName) => `уже выходит ${markName}`,
  oneFive: (numbers) => (numbers === 'words' ? 'одна пятёрка' : '1 пятёрка'),
  reach: (targetName, fives, heavy) =>
    `чтобы вышла ${targetName}, нужно ещё ${fives}${heavy ? ` (или ${heavy.fives} с весом ${heavy.weight})` : ''}`,
  outOfReach: (targetName) => `${targetName} за оставшиеся уроки уже не выйдет`,
  lessonsLeft: (lessons) => (lessons === null ? 'сколько уроков осталось, неизвестно' : `осталось: ${lessons}`),
  topic: (topic, average, dates) => `${topic ? `«${topic}»` : 'тема'}: ${comma(average)} (${dates})`,
  noGrades: 'оценок за этот период пока нет',
  noFinal: 'итоговых оценок пока нет',
  noTopics: 'слабых тем не видно',
  noSuchPeriod: (kind, number) =>
    number === 0
      ? `В этом учебном году ${PREVIOUS[kind]} ещё не было.`
      : `В этом учебном году нет ${GENITIVE[kind](number)}.`,
  mark: (mark) => `«${mark}»`,
};
