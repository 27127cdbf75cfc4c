import type { TPeriodKind } from '../../terms/period-types';
import type { TTermTexts } from './term-texts-type';

const ORDINAL = (n: number) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
const NAMES: Record<TPeriodKind, string> = {
  quarter: 'quarter',
  trimester: 'trimester',
  half: 'half-year',
  year: 'year',
};
const FINAL_VALUES: Record<string, string> = {
  'н/а': 'not assessed',
  'осв.': 'exempt',
  зачёт: 'pass',
  зачет: 'pass',
  незачёт: 'fail',
  незачет: 'fail',
};
const round = (n: number) => String(Math.round(n * 100) / 100);

export const TERM_EN: TTermTexts = {
  forPeriod: (p) => (p.kind === 'year' ? 'for the school year' : `for the ${ORDINAL(p.number)} ${NAMES[p.kind]}`),
  periodName: (p) => (p.kind === 'year' ? 'school year' : `${ORDINAL(p.number)} ${NAMES[p.kind]}`),
  averageHead: (forPeriod) => `Averages ${forPeriod}`,
  finalHead: (forPeriod) => (forPeriod ? `Final marks ${forPeriod}` : 'Final marks'),
  neededHead: (forPeriod) => `What it takes ${forPeriod}`,
  topicsHead: (forPeriod) => `Topics to work on ${forPeriod}`,
  averageOf: (average, count) =>
    `${average === null ? 'no average' : round(average)} (${count} ${count === 1 ? 'grade' : 'grades'})`,
  roundsTo: (markName) => `rounds to ${markName}`,
  finalValue: (value) => FINAL_VALUES[value] ?? value,
  already: (markName) => `already ${markName}`,
  oneFive: (numbers) => (numbers === 'words' ? 'one five' : '1 five'),
  reach: (targetName, fives, heavy) =>
    `${fives} more would make it ${targetName}${heavy ? ` (or ${heavy.fives} of weight ${heavy.weight})` : ''}`,
  outOfReach: (targetName) => `${targetName} is out of reach in the lessons left`,
  lessonsLeft: (lessons) => (lessons === null ? 'lessons left unknown' : `${lessons} left`),
  topic: (topic, average, dates) => `${topic ?? 'a topic'}: ${round(average)} (${dates})`,
  noGrades: 'no grades in this period yet',
  noFinal: 'no final marks yet',
  noTopics: 'no weak topics',
  noSuchPeriod: (kind, number) =>
    number === 0
      ? `This school year has had no ${NAMES[kind]} before this one.`
      : number === null
        ? `This school year has no ${NAMES[kind]}s.`
        : `There is no ${ORDINAL(number)} ${NAMES[kind]} this school year.`,
  mark: (mark) => mark,
};
