import { plural } from '../../answers/locales/ru-numbers';
import type { TChartTexts } from './texts-type';

// Short month names for axes: the genitive, as in «12 мая», cut to three letters but for May.
const MONTHS = ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

const shortDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`;
const average = (value: number) => value.toFixed(2).replace('.', ',');

export const ruChartTexts: TChartTexts = {
  subject: (name) => name,
  child: (firstName) => firstName,
  mark: (value) => value,
  average,
  shortDate,
  dateRange: (from, to) => (from === to ? shortDate(from) : `${shortDate(from)} – ${shortDate(to)}`),

  subjectCaption: (subject, period, grades, avg) =>
    `${subject}, ${period}: ${grades} ${plural(grades, ['оценка', 'оценки', 'оценок'])}, ${
      avg === null ? 'без среднего балла' : `средний балл ${average(avg)}`
    }`,
  overviewCaption: (child, period, subjects, grades) =>
    `${child}, ${period}: ${subjects} ${plural(subjects, ['предмет', 'предмета', 'предметов'])}, ${grades} ${plural(
      grades,
      ['оценка', 'оценки', 'оценок'],
    )}`,
  noGrades: (title, period) => `${title}, ${period}: оценок пока нет`,

  averageLabel: 'средний балл',
  averageColumn: 'средний',
  threshold: (mark, from) => `«${mark}» от ${String(from).replace('.', ',')}`,
  subjectLegend: (unscored) =>
    `Размер точки — вес оценки, линия — средний балл после каждой оценки.${
      unscored ? ' Серые — оценки без балла (зачёт, н/а), в среднем не учтены.' : ''
    }`,
  unscoredKey: 'без балла',
};
