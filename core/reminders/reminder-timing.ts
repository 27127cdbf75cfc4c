import { afterQuietHours, nextDigest } from '../alerts/alert-timing';
import type { TReminderSettings } from './reminder-types';

// When a teacher's waiting reminders may go out. The same quiet-hours and digest rules as
// parents' alerts (school time), plus a snooze; a reminder only waits, it is never dropped.

/** The earliest instant the batch may be sent; at or before `now` means now. */
export function releaseAt(settings: TReminderSettings, oldestFoundAt: Date, now: Date, timezone: string): Date {
  let at =
    settings.mode === 'digest'
      ? nextDigest(new Date(oldestFoundAt.getTime() - 1), settings.digestTime, timezone).dueAt
      : now;
  if (settings.snoozedUntil && settings.snoozedUntil > at) at = settings.snoozedUntil;
  if (at < now) at = now;
  return afterQuietHours(at, settings.quietFrom, settings.quietTo, timezone);
}

/** A snooze "for a day": until the same time tomorrow. */
export function snoozeUntil(now: Date, hours = 24): Date {
  return new Date(now.getTime() + hours * 3_600_000);
}
