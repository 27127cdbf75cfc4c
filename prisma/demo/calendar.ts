import { DateTime } from 'luxon';

// Dates inside the generator are whole day numbers (days since 1970-01-01), so stepping through
// weeks is integer arithmetic; they become YYYY-MM-DD and ISO times only at the edge.

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`expected YYYY-MM-DD, got "${date}"`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / MS_PER_DAY;
  if (formatDay(day) !== date) throw new Error(`not a calendar date: "${date}"`);
  return day;
}

// A demo touches a few hundred distinct days but formats them tens of thousands of times.
const formatted = new Map<number, string>();

export function formatDay(day: number): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    formatted.set(day, text);
  }
  return text;
}

/** The date without dashes, for readable ids like `les-5a-20261202-3`. */
export function compactDay(day: number): string {
  return formatDay(day).replace(/-/g, '');
}

/** ISO weekday: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function weekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function mondayOf(day: number): number {
  return day - (weekday(day) - 1);
}

export function isSchoolDay(day: number): boolean {
  return weekday(day) <= 5;
}

/**
 * Monday of the first week of the school year that `day` belongs to. The year starts on
 * 1 September; when that is a weekend, lessons start on the following Monday.
 */
export function schoolYearStart(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  const firstOfSeptember = Date.UTC(year, 8, 1) / MS_PER_DAY;
  return mondayOf(firstOfSeptember + 2);
}

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * ISO-8601 instants in the school's zone. The offset is looked up once per day (through luxon,
 * so a zone that changed its offset in the past is still right) and cached.
 */
export class SchoolClock {
  private readonly offsets = new Map<number, string>();

  constructor(private readonly zone: string) {}

  at(day: number, minutes: number): string {
    return `${formatDay(day)}T${formatMinutes(minutes)}:00${this.offset(day)}`;
  }

  private offset(day: number): string {
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      offset = DateTime.fromISO(`${formatDay(day)}T12:00`, { zone: this.zone }).toFormat('ZZ');
      this.offsets.set(day, offset);
    }
    return offset;
  }
}
