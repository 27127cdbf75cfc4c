import { DateTime } from 'luxon';
import type { TSubscriptionSettings } from './alert-types';

// When an alert may go out: after its coalescing window (instant) or at the digest time, and
// never inside quiet hours — there it waits for their end. All in the school's time zone.

export const DEFAULT_DIGEST_TIME = '19:00';

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function atMinutes(day: DateTime, minutes: number): DateTime {
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

/** The first instant at or after `at` outside the quiet hours [from, to), which may span midnight. */
export function afterQuietHours(at: Date, quietFrom: string, quietTo: string, timezone: string): Date {
  const from = minutesOf(quietFrom);
  const to = minutesOf(quietTo);
  if (from === to) return at;
  const local = DateTime.fromJSDate(at, { zone: timezone });
  const now = local.hour * 60 + local.minute;
  if (from < to) {
    return now >= from && now < to ? atMinutes(local, to).toJSDate() : at;
  }
  if (now >= from) return atMinutes(local.plus({ days: 1 }), to).toJSDate();
  if (now < to) return atMinutes(local, to).toJSDate();
  return at;
}

/** The next digest time strictly after `at`, with the school-local day it belongs to. */
export function nextDigest(at: Date, digestTime: string | null, timezone: string): { dueAt: Date; day: string } {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  let candidate = atMinutes(local, minutesOf(digestTime ?? DEFAULT_DIGEST_TIME));
  if (candidate <= local) candidate = candidate.plus({ days: 1 });
  return { dueAt: candidate.toJSDate(), day: candidate.toISODate()! };
}

/** Release time and grouping key of an item for one subscription. */
export function scheduleItem(
  ingestedAt: Date,
  studentId: string,
  subscription: TSubscriptionSettings,
  timezone: string,
  windowMs: number,
): { dueAt: Date; groupKey: string } {
  if (subscription.mode === 'digest') {
    const digest = nextDigest(ingestedAt, subscription.digestTime, timezone);
    // A digest is one message per chat per day, across the person's children.
    return {
      dueAt: afterQuietHours(digest.dueAt, subscription.quietFrom, subscription.quietTo, timezone),
      groupKey: `d:${digest.day}`,
    };
  }
  const dueAt = afterQuietHours(
    new Date(ingestedAt.getTime() + windowMs),
    subscription.quietFrom,
    subscription.quietTo,
    timezone,
  );
  return { dueAt, groupKey: `i:${studentId}` };
}

/** The school-local calendar day after the one containing `at`. */
export function tomorrowIn(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).plus({ days: 1 }).toISODate()!;
}
