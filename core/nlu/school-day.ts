import { DateTime, IANAZone } from 'luxon';

export const DEFAULT_TZ = 'Europe/Moscow';

// Callers parse many utterances against one fixed "now" (a batch, a test corpus); remembering
// the last answer keeps luxon's ISO parsing out of the hot path.
let lastKey = '';
let lastDay: DateTime | null = null;

/**
 * The start of "today" in the school's zone. Invalid options are a caller's bug, not user
 * input, so they throw instead of silently shifting every date.
 */
export function schoolToday(now: Date | string | undefined, tz: string): DateTime {
  const zone = IANAZone.create(tz);
  if (!zone.isValid) throw new RangeError(`unknown time zone: ${tz}`);
  if (now === undefined) return DateTime.now().setZone(zone).startOf('day');
  const key = (typeof now === 'string' ? now : String(now.getTime())) + '|' + tz;
  if (key === lastKey && lastDay) return lastDay;
  const at = typeof now === 'string' ? DateTime.fromISO(now, { zone }) : DateTime.fromJSDate(now, { zone });
  if (!at.isValid) throw new RangeError(`invalid "now": ${String(now)}`);
  lastKey = key;
  lastDay = at.startOf('day');
  return lastDay;
}
