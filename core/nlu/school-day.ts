import { DateTime, IANAZone } from 'luxon';
import { dayInZone } from '../calendar/civil-date';

export const DEFAULT_TZ = 'Europe/Moscow';

// Callers parse many utterances against one fixed "now" (a batch, a test corpus); remembering
// the last answer keeps luxon's ISO parsing out of the hot path.
let lastKey = '';
let lastDay: DateTime | null = null;

/**
 * Today's date in the school's zone, as a calendar day. The zone matters only for finding out
 * which day it is; after that the parser counts whole days, so the day is returned in UTC,
 * where luxon's arithmetic needs no time-zone lookups (those dominated the parse time).
 * Invalid options are a caller's bug, not user input, so they throw.
 */
export function schoolToday(now: Date | string | undefined, tz: string): DateTime {
  const zone = IANAZone.create(tz);
  if (!zone.isValid) throw new RangeError(`unknown time zone: ${tz}`);
  if (now === undefined) return clockToday(zone);
  if (now instanceof Date) {
    // A server passes each question's own instant: the day it falls on is the key, found without luxon.
    if (Number.isNaN(now.getTime())) throw new RangeError('invalid "now": Invalid Date');
    const day = dayInZone(now, zone.name);
    const key = `${day}|${zone.name}`;
    if (key !== lastKey || !lastDay) {
      lastKey = key;
      lastDay = DateTime.fromISO(day, { zone: 'utc' });
    }
    return lastDay;
  }
  const key = `${now}|${tz}`;
  if (key === lastKey && lastDay) return lastDay;
  const at = DateTime.fromISO(now, { zone });
  if (!at.isValid) throw new RangeError(`invalid "now": ${String(now)}`);
  lastKey = key;
  lastDay = calendarDay(at);
  return lastDay;
}

// Reading the clock costs a time-zone lookup; the answer holds until the school's next midnight.
let clockZone = '';
let clockDay: DateTime | null = null;
let clockValidFrom = 0;
let clockValidUntil = 0;

function clockToday(zone: IANAZone): DateTime {
  const ms = Date.now();
  if (clockDay && clockZone === zone.name && ms >= clockValidFrom && ms < clockValidUntil) return clockDay;
  const at = DateTime.fromMillis(ms, { zone });
  const midnight = at.startOf('day');
  clockZone = zone.name;
  clockDay = calendarDay(at);
  clockValidFrom = midnight.toMillis();
  clockValidUntil = midnight.plus({ days: 1 }).toMillis();
  return clockDay;
}

function calendarDay(at: DateTime): DateTime {
  return DateTime.utc(at.year, at.month, at.day);
}
