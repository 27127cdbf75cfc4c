import { DateTime } from 'luxon';

// AMAZON.DATE slot values (developer.amazon.com, "AMAZON.DATE"): a day "2026-12-03", a week
// "2026-W49", a weekend "2026-W49-WE", a month "2026-12", a year, a season, or "PRESENT_REF".
// The diary answers days and ranges of days; years, seasons and decades are not questions it answers.

export interface TDateSlot {
  date: string | null;
  dateTo: string | null;
}

const NONE: TDateSlot = { date: null, dateTo: null };

export function readAmazonDate(value: string | undefined, today: DateTime): TDateSlot {
  if (!value) return NONE;
  if (value === 'PRESENT_REF') return { date: today.toISODate(), dateTo: null };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone: today.zone });
    return day.isValid ? { date: day.toISODate(), dateTo: null } : NONE;
  }
  const week = /^(\d{4})-W(\d{1,2})(-WE)?$/.exec(value);
  if (week) {
    const monday = DateTime.fromObject(
      { weekYear: Number(week[1]), weekNumber: Number(week[2]), weekday: 1 },
      { zone: today.zone },
    );
    if (!monday.isValid) return NONE;
    return week[3]
      ? { date: monday.plus({ days: 5 }).toISODate(), dateTo: monday.plus({ days: 6 }).toISODate() }
      : { date: monday.toISODate(), dateTo: monday.plus({ days: 6 }).toISODate() };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const first = DateTime.fromObject(
      { year: Number(month[1]), month: Number(month[2]), day: 1 },
      { zone: today.zone },
    );
    return first.isValid ? { date: first.toISODate(), dateTo: first.endOf('month').toISODate() } : NONE;
  }
  return NONE;
}

/**
 * Alexa resolves a bare weekday to the coming one ("grades on Friday" said on a Wednesday is two
 * days ahead). Grades are about the past: a day 2–7 days ahead means the last such day.
 */
export function leanToPast(slot: TDateSlot, today: DateTime): TDateSlot {
  if (!slot.date || slot.dateTo) return slot;
  const ahead = DateTime.fromISO(slot.date, { zone: today.zone }).diff(today.startOf('day'), 'days').days;
  if (ahead < 2 || ahead > 7) return slot;
  return { date: DateTime.fromISO(slot.date, { zone: today.zone }).minus({ days: 7 }).toISODate(), dateTo: null };
}
