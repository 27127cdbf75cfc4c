import type { TAttemptCounts } from './linking-port';

// The two brakes on guessing codes (CONTRACT section 6). Per chat: 5 wrong tries an hour. Global:
// a cap on wrong tries across all chats, so that many chats (or accounts) guessing together get
// no more tries than a handful of mistyping parents would make. While the global brake is on,
// codes are not even looked up, so an attacker keeping it on learns nothing and only delays
// linking for everyone — a fair trade against handing out children's data.

export interface TBrakePolicy {
  perChatPerHour: number;
  globalPerMinute: number;
  globalPerHour: number;
}

export const DEFAULT_BRAKES: TBrakePolicy = { perChatPerHour: 5, globalPerMinute: 20, globalPerHour: 200 };

export type TBrakeVerdict = { braked: false } | { braked: true; reason: 'locked' | 'busy'; retryAfterSeconds: number };

const HOUR_MS = 3_600_000;

export function brakeVerdict(counts: TAttemptCounts, policy: TBrakePolicy, now: Date): TBrakeVerdict {
  if (counts.chatLastHour >= policy.perChatPerHour) {
    const oldest = counts.chatOldestAt?.getTime() ?? now.getTime();
    return { braked: true, reason: 'locked', retryAfterSeconds: Math.max(60, Math.ceil((oldest + HOUR_MS - now.getTime()) / 1000)) };
  }
  if (counts.globalLastHour >= policy.globalPerHour) return { braked: true, reason: 'busy', retryAfterSeconds: 15 * 60 };
  if (counts.globalLastMinute >= policy.globalPerMinute) return { braked: true, reason: 'busy', retryAfterSeconds: 60 };
  return { braked: false };
}

/** Tries this chat has left after one more failure. */
export function triesLeftAfterFailure(counts: TAttemptCounts, policy: TBrakePolicy): number {
  return Math.max(0, policy.perChatPerHour - counts.chatLastHour - 1);
}
