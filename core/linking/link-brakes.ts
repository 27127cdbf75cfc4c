import type { TAttemptCounts } from './linking-port';
import type { TLinkChannel } from './linking-types';

// The brakes on guessing codes (README "Link codes and the odds of guessing one"). Per chat: 5 wrong tries an hour. Per
// channel: a cap on wrong tries across all chats of that channel, so that many chats (or
// accounts) guessing together get no more tries than a handful of mistyping parents would make.
// While a brake is on, codes are not even looked up, so an attacker keeping it on learns nothing
// and only delays linking.
//
// Each channel has a budget of its own. Alice's skill_id is public: anyone can forge its requests
// with a fresh user id each time, so one shared budget would let an outsider close linking for
// every channel with a couple of dozen requests. Now they close it only on the channel they flood.
// The budgets add up to the old shared cap (20 a minute, 200 an hour), so an attacker using every
// channel at once gets no more guesses than before (README, "Link codes and the odds of guessing
// one"). Voice and the sign-in page get smaller budgets than Telegram, where most parents link.

export interface TChannelBudget {
  perMinute: number;
  perHour: number;
}

export interface TBrakePolicy {
  perChatPerHour: number;
  perChannel: Record<TLinkChannel, TChannelBudget>;
}

export const DEFAULT_BRAKES: TBrakePolicy = {
  perChatPerHour: 5,
  perChannel: {
    // MAX took its share from Telegram's and VK's: the sum of the budgets, which bounds an attacker
    // using every channel at once, stays 20 a minute and 200 an hour (README, "The odds").
    telegram: { perMinute: 6, perHour: 60 },
    vk: { perMinute: 3, perHour: 30 },
    max: { perMinute: 3, perHour: 30 },
    alice: { perMinute: 3, perHour: 30 },
    alexa: { perMinute: 2, perHour: 20 },
    // The sign-in page of Alice's account linking; its "chat" is the client's IP.
    web: { perMinute: 3, perHour: 30 },
    // The playground asks as demo people and takes no codes.
    playground: { perMinute: 0, perHour: 0 },
  },
};

export type TBrakeVerdict = { braked: false } | { braked: true; reason: 'locked' | 'busy'; retryAfterSeconds: number };

const HOUR_MS = 3_600_000;

export function brakeVerdict(
  counts: TAttemptCounts,
  policy: TBrakePolicy,
  channel: TLinkChannel,
  now: Date,
): TBrakeVerdict {
  if (counts.chatLastHour >= policy.perChatPerHour) {
    const oldest = counts.chatOldestAt?.getTime() ?? now.getTime();
    return {
      braked: true,
      reason: 'locked',
      retryAfterSeconds: Math.max(60, Math.ceil((oldest + HOUR_MS - now.getTime()) / 1000)),
    };
  }
  const budget = policy.perChannel[channel];
  if (counts.channelLastHour >= budget.perHour) return { braked: true, reason: 'busy', retryAfterSeconds: 15 * 60 };
  if (counts.channelLastMinute >= budget.perMinute) return { braked: true, reason: 'busy', retryAfterSeconds: 60 };
  return { braked: false };
}

/** Tries this chat has left after one more failure. */
export function triesLeftAfterFailure(counts: TAttemptCounts, policy: TBrakePolicy): number {
  return Math.max(0, policy.perChatPerHour - counts.chatLastHour - 1);
}
