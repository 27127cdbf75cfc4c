import { EN_SUBJECTS, transliterate } from '../../answers/locales/en-subjects';
import type { TChartTexts } from './texts-type';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const shortDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`;
const average = (value: number) => value.toFixed(2);
// The marks without a number that journals write, as an English reader knows them.
const MARKS: Record<string, string> = {
  зачёт: 'pass',
  зачет: 'pass',
  незачёт: 'fail',
  незачет: 'fail',
  'н/а': 'n/a',
  н: 'absent',
};

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

// Names as the English answers write them (core/answers/locales/en.ts).
export const enChartTexts: TChartTexts = {
  subject: (name) => EN_SUBJECTS[name] ?? transliterate(name),
  child: (firstName) => transliterate(firstName),
  mark: (value) => MARKS[value.toLowerCase()] ?? transliterate(value),
  average,
  shortDate,
  dateRange: (from, to) => (from === to ? shortDate(from) : `${shortDate(from)} – ${shortDate(to)}`),

  subjectCaption: (subject, period, grades, avg) =>
    `${subject}, ${period}: ${count(grades, 'grade')}, ${avg === null ? 'no average' : `average ${average(avg)}`}`,
  overviewCaption: (child, period, subjects, grades) =>
    `${child}, ${period}: ${count(subjects, 'subject')}, ${count(grades, 'grade')}`,
  noGrades: (title, period) => `${title}, ${period}: no grades yet`,

  averageLabel: 'average',
  averageColumn: 'average',
  threshold: (mark, from) => `“${mark}” from ${from}`,
  subjectLegend: (unscored) =>
    `Dot size: the grade's weight. Line: the average after each grade.${
      unscored ? ' Grey: grades without a number (pass, n/a), not in the average.' : ''
    }`,
  unscoredKey: 'no number',
};
