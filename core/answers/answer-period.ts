import { DateTime } from 'luxon';
import type { TIntent } from '../nlu/types';
import type { TPeriod } from './answer-types';

/**
 * The days a question is about when it names none: grades and the timetable are about today,
 * homework about the next school day (what a parent checks in the evening).
 */
export function answerPeriod(intent: TIntent, date: string | null, dateTo: string | null, now: Date, timezone: string): TPeriod {
  const today = DateTime.fromJSDate(now, { zone: timezone }).toISODate()!;
  if (date) return { from: date, to: dateTo ?? date, today };
  if (intent === 'homework') {
    let next = DateTime.fromISO(today, { zone: timezone }).plus({ days: 1 });
    while (next.weekday > 5) next = next.plus({ days: 1 });
    const day = next.toISODate()!;
    return { from: day, to: day, today };
  }
  return { from: today, to: today, today };
}
