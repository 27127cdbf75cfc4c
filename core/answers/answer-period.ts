import { addDays, dayInZone, isoWeekday } from '../calendar/civil-date';
import type { TIntent } from '../nlu/types';
import type { TPeriod } from './answer-types';

/**
 * The days a question is about when it names none: grades and the timetable are about today,
 * homework about the next school day (what a parent checks in the evening).
 */
export function answerPeriod(
  intent: TIntent,
  date: string | null,
  dateTo: string | null,
  now: Date,
  timezone: string,
): TPeriod {
  const today = dayInZone(now, timezone);
  if (date) return { from: date, to: dateTo ?? date, today };
  if (intent === 'homework') {
    let day = addDays(today, 1);
    while (isoWeekday(day) > 5) day = addDays(day, 1);
    return { from: day, to: day, today };
  }
  return { from: today, to: today, today };
}
