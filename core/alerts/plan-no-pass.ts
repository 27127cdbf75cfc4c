import type { TItemPayload, TPlannedItem, TRecipient } from './alert-types';
import { wantsAlert } from './plan-alerts';

// "No pass by the first lesson": the worker's scan (every worker runs it) finds pupils whose class's
// first lesson of the day has begun and who have not passed in; each becomes one item per chat.
// Exactly once per pupil, day and chat across worker processes and scans: the item's outbox id is
// derived from (pupil, day), so the store's unique (outbox id, chat) refuses a second one. Only
// schools whose turnstiles sent a pass in the last week are scanned — elsewhere "no pass" means
// no turnstile, not a missing child.

export const NO_PASS_SCHOOL_ACTIVE_MS = 7 * 24 * 3600_000;
/** A scan that comes later than this after the lesson began (a worker was down) sends nothing: the news is old. */
export const NO_PASS_LATEST_MS = 30 * 60_000;
export const NO_PASS_SCAN_EVERY_MS = 30_000;

/** A pupil the scan found: no way in today, and the class's first lesson began at `start` (school time). */
export interface TMissingPass {
  studentId: string;
  day: string;
  start: string;
}

/**
 * A negative id no outbox row has (those count up from 1; the average warnings negate theirs, which
 * are small): FNV-1a over the pupil and the day, kept to 62 bits so it fits a bigint.
 */
export function noPassOutboxId(studentId: string, day: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const ch of new TextEncoder().encode(`nop:${studentId}:${day}`)) {
    hash ^= BigInt(ch);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `-${(hash & 0x3fffffffffffffffn) + 1_000_000_000_000n}`;
}

export function planMissingPasses(
  found: readonly TMissingPass[],
  recipients: Map<string, TRecipient[]>,
  now: Date,
): TPlannedItem[] {
  return found.flatMap((m) =>
    (recipients.get(m.studentId) ?? [])
      .filter((r) => wantsAlert(r, 'no-pass'))
      .map((r) => {
        const payload: TItemPayload = { studentName: r.studentName, feminine: r.studentFeminine, time: m.start };
        const ref = `nop:${m.studentId}:${m.day}`;
        // At once and past quiet hours, in a message of its own: it matters only now.
        return {
          outboxId: noPassOutboxId(m.studentId, m.day),
          chatId: r.chatId,
          studentId: m.studentId,
          type: 'no-pass' as const,
          kind: 'pass.missing' as const,
          refId: ref,
          groupKey: ref,
          payload,
          ingestedAt: now,
          dueAt: now,
        };
      }),
  );
}
