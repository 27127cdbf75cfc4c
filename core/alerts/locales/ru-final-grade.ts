import type { TItemPayload } from '../alert-types';
import { ruDative } from './ru-dative';

// «четвертная оценка по алгебре: 5 (2-я четверть)»: the period's adjective and its name with the
// number, which a year (one per school year) goes without; marks that are not numbers, in words.

const ADJECTIVE: Record<string, string> = {
  quarter: 'четвертная',
  trimester: 'триместровая',
  half: 'полугодовая',
  year: 'годовая',
};
const PERIOD: Partial<Record<string, (n: number) => string>> = {
  quarter: (n) => `${n}-я четверть`,
  trimester: (n) => `${n}-й триместр`,
  half: (n) => `${n}-е полугодие`,
};
const WORDED: Record<string, string> = { 'н/а': 'нет аттестации', 'осв.': 'освобождение' };

export const ruMark = (value?: string) => (value ? (WORDED[value] ?? value) : '');

export function ruFinalGradeHead(p: TItemPayload): string {
  const adjective = ADJECTIVE[p.periodKind ?? ''] ?? 'итоговая';
  return `${adjective} оценка по ${ruDative(p.subjectName ?? '')}`;
}

export function ruPeriod(p: TItemPayload): string {
  const name = PERIOD[p.periodKind ?? ''];
  return name && p.periodNumber ? ` (${name(p.periodNumber)})` : '';
}
