import type { TPeriod, TPeriodKind } from './period-types';

// The periods a school is judged by until its journal sends its own (README "Term results"): the
// Russian school year in quarters, halves and the whole year.
//
// Where the dates come from: Moscow's school calendars of recent years. The year starts on
// 1 September and ends by the end of May (26 May in most years, later only for exam classes); the
// breaks move by a few days from year to year — autumn around 25 October–4 November, winter
// around 29 December–11 January, spring around 21 March–5 April. So the defaults do not copy any
// one year's breaks: each boundary (after 31 October, 31 December and 29 March) is chosen to lie
// inside the breaks of recent years, and the quarters follow each other without a gap. A school
// day then falls in the right quarter even when a year's breaks move a little, and a question
// asked during a break is about the quarter that just ended. A school whose dates differ sends
// its own periods.
//
// A school year runs from 1 September to 31 August: a day of the summer belongs to the year that
// just ended, whose results are what a summer question is about.

interface TSpan {
  kind: TPeriodKind;
  number: number;
  /** Month-day in the year the school year starts, or (`next`) the year after. */
  start: [string, 'first' | 'next'];
  end: [string, 'first' | 'next'];
}

const SPANS: readonly TSpan[] = [
  { kind: 'quarter', number: 1, start: ['09-01', 'first'], end: ['10-31', 'first'] },
  { kind: 'quarter', number: 2, start: ['11-01', 'first'], end: ['12-31', 'first'] },
  { kind: 'quarter', number: 3, start: ['01-01', 'next'], end: ['03-29', 'next'] },
  { kind: 'quarter', number: 4, start: ['03-30', 'next'], end: ['05-31', 'next'] },
  { kind: 'half', number: 1, start: ['09-01', 'first'], end: ['12-31', 'first'] },
  { kind: 'half', number: 2, start: ['01-01', 'next'], end: ['05-31', 'next'] },
  { kind: 'year', number: 1, start: ['09-01', 'first'], end: ['05-31', 'next'] },
];

/** The school year a day belongs to: its first calendar year, and its first and last days. */
export function schoolYearOf(day: string): { firstYear: number; start: string; end: string } {
  const year = Number(day.slice(0, 4));
  const firstYear = Number(day.slice(5, 7)) >= 9 ? year : year - 1;
  return { firstYear, start: `${pad(firstYear)}-09-01`, end: `${pad(firstYear + 1)}-08-31` };
}

/** The default quarters, halves and year of the school year containing `day`. */
export function defaultPeriods(day: string): TPeriod[] {
  const { firstYear } = schoolYearOf(day);
  const date = ([monthDay, which]: TSpan['start']) =>
    `${pad(which === 'first' ? firstYear : firstYear + 1)}-${monthDay}`;
  return SPANS.map((s) => ({
    id: `default:${firstYear}:${s.kind}:${s.number}`,
    kind: s.kind,
    number: s.number,
    name: null,
    start: date(s.start),
    end: date(s.end),
  }));
}

const pad = (year: number) => String(year).padStart(4, '0');
