import type { RateLimiter } from './alert-ports';

// A platform counts every request of a bot's token against one limit, replies and alerts alike
// (VK's 20 requests a second per community, MAX's 30, Telegram's 30 messages). A bot's replies
// take their requests from the same token bucket the alert workers use (infra/rate-limiter.ts,
// keyed by the bot's name: in Redis when set, so every process shares it), without a gap per
// chat: a reply of several messages goes out at once, within the bot's rate.

/** Waits until the bot may make one more request. */
export type TRequestPacer = () => Promise<void>;

const REPLIES = 'replies';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createRequestPacer(limiter: RateLimiter, bot: string, perSecond: number): TRequestPacer {
  const pacing = { perSecond, perChatIntervalMs: 0 };
  return async () => {
    for (;;) {
      const wait = await limiter.reserve(bot, REPLIES, pacing);
      if (wait <= 0) return;
      await sleep(wait);
    }
  };
}
