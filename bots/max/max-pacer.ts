import type { RateLimiter } from '../../core/alerts';

// MAX counts every request of a bot's token against one limit (30 a second), replies and alerts
// alike. The bot's replies take their requests from the same token bucket the alert workers use
// (infra/rate-limiter.ts, keyed by the bot's name: Redis when set, so every process shares it),
// without a gap per chat: a reply of several messages goes out at once, within the bot's rate.

/** Waits until the bot may make one more request. */
export type TMaxPacer = () => Promise<void>;

const REPLIES = 'replies';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createMaxPacer(limiter: RateLimiter, bot: string, perSecond: number): TMaxPacer {
  const pacing = { perSecond, perChatIntervalMs: 0 };
  return async () => {
    for (;;) {
      const wait = await limiter.reserve(bot, REPLIES, pacing);
      if (wait <= 0) return;
      await sleep(wait);
    }
  };
}
