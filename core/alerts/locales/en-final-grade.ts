import type { TItemPayload } from '../alert-types';

// "term mark in Algebra: 5 (quarter 2)": a year mark is named as such and goes without a number
// (one per school year); marks that are not numbers, in words.

const PERIOD: Partial<Record<string, string>> = { quarter: 'quarter', trimester: 'trimester', half: 'half-year' };
const WORDED: Record<string, string> = {
  'н/а': 'not assessed',
  'осв.': 'exempt',
  зачёт: 'pass',
  незачёт: 'fail',
};

export const enMark = (value?: string) => (value ? (WORDED[value] ?? value) : '');

export const enFinalGradeHead = (p: TItemPayload) =>
  `${p.periodKind === 'year' ? 'year' : 'term'} mark in ${p.subjectName ?? ''}`;

export function enPeriod(p: TItemPayload): string {
  const name = PERIOD[p.periodKind ?? ''];
  return name && p.periodNumber ? ` (${name} ${p.periodNumber})` : '';
}
