import { event, type TRawEvent } from './journal-fixtures';

// Periods and final grades for the schools of journal-fixtures' schoolEvents(prefix): quarters of
// the 2026/27 school year, and marks of its students (`<prefix>-st1`, `<prefix>-st2`) in maths.

export const Q1 = { start: '2026-09-01', end: '2026-10-26' };
export const Q2 = { start: '2026-11-05', end: '2026-12-28' };

export function periodEvent(
  prefix: string,
  periodId: string,
  dates: { start: string; end: string },
  extra: Record<string, unknown> = {},
): TRawEvent {
  return event('period.upserted', {
    schoolId: prefix,
    periodId,
    name: `${periodId} четверть`,
    kind: 'quarter',
    ...dates,
    ...extra,
  });
}

export function finalGradeEvent(
  prefix: string,
  finalGradeId: string,
  periodId: string,
  value = '5',
  extra: Record<string, unknown> = {},
): TRawEvent {
  return event('final_grade.upserted', {
    finalGradeId,
    studentId: `${prefix}-st1`,
    subjectId: `${prefix}-math`,
    periodId,
    value,
    ...extra,
  });
}
