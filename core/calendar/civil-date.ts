// Calendar days as ISO strings ("2026-12-01"), counted without a date library: an answer works
// out "today", "tomorrow" and "on Friday, 4 December" on every question, and luxon's objects
// were a measurable share of an answer's time. Days are civil dates, so all arithmetic is in UTC,
// where no zone can shift them; a zone matters only for which day it is now.

const DAY_MS = 86_400_000;

function utcMs(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  return ((new Date(utcMs(iso)).getUTCDay() + 6) % 7) + 1;
}

/** Day of the month and month number (1–12) of a day. */
export function dayAndMonth(iso: string): { day: number; month: number } {
  return { day: Number(iso.slice(8, 10)), month: Number(iso.slice(5, 7)) };
}

export function addDays(iso: string, days: number): string {
  return isoOf(utcMs(iso) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

// One formatter per zone: creating an Intl.DateTimeFormat is the expensive part, and formatting
// is the next one (every question asks for today). A zone's offset is whole minutes for any
// present-day instant, so the day found for one minute holds for the whole of that minute.
const dayFormats = new Map<string, { format: Intl.DateTimeFormat; minute: number; day: string }>();

/** The day it is at `at` in a time zone (IANA name). */
export function dayInZone(at: Date | number, zone: string): string {
  const minute = Math.floor(Number(at) / 60_000);
  let entry = dayFormats.get(zone);
  if (!entry) {
    // en-CA writes dates as YYYY-MM-DD.
    entry = {
      format: new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      minute: Number.NaN,
      day: '',
    };
    dayFormats.set(zone, entry);
  }
  if (entry.minute !== minute) {
    entry.day = entry.format.format(at);
    entry.minute = minute;
  }
  return entry.day;
}

/**
 * A real day written YYYY-MM-DD ("2026-02-30" and "9999-99-99" are not): what arrives from outside —
 * a journal, a button, a voice session's state, a command-line flag — is checked before any
 * arithmetic or query meets it. Arithmetic, not Date: it runs for every grade of every batch.
 */
export function isCivilDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}
