import { DateTime } from 'luxon';

// A pass is an instant; a question is about a school's day. The day's passes are those from its
// local midnight to the next one (a day of a clock change is 23 or 25 hours, as it is there).

/** The instants [from, to) of a school-local day in a time zone. */
export function dayInstants(day: string, zone: string): { from: Date; to: Date } {
  const start = DateTime.fromISO(day, { zone }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}

/** "08:05": the time of an instant on the school's clock. */
export function localTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');
}
