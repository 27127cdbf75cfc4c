import type IORedis from 'ioredis';
import type { RateLimiter, TPacing } from '../core/alerts';

// Send pacing per bot token (a token bucket) and per chat (a minimum gap), shared by all
// workers through Redis — one Lua script, so take-if-both-allow is atomic and uses Redis's clock.
// The in-memory twin serves the embedded single-process mode with the same arithmetic.

/**
 * A bucket of 1.3 tokens. The platforms count over any one-second window, so there is no real
 * burst: at most rate + 1.3 sends fit in a second (29 at 28/s under Telegram's 30). The 0.3 is
 * for the callers: they come back a little after the wait they were told (timers, the round
 * trip to Redis, the rounding up); with a bucket of exactly one that lateness was lost on every
 * send and a bot paced at 28/s sent about 26.
 */
const BURST = 1.3;

const SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local gap = tonumber(ARGV[3])
local paused = tonumber(redis.call('GET', KEYS[3]) or '0')
if paused > now then return paused - now end
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
local waitBot = 0
if tokens < 1 then waitBot = math.ceil((1 - tokens) * 1000 / rate) end
local waitChat = (tonumber(redis.call('GET', KEYS[2]) or '0')) - now
if waitBot > 0 or waitChat > 0 then
  redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now)
  return math.max(waitBot, waitChat, 1)
end
redis.call('HSET', KEYS[1], 'tokens', tokens - 1, 'ts', now)
redis.call('PEXPIRE', KEYS[1], 60000)
redis.call('SET', KEYS[2], now + gap, 'PX', gap + 1000)
return 0
`;

const PAUSE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > current then redis.call('SET', KEYS[1], until_, 'PX', tonumber(ARGV[1]) + 1000) end
return 0
`;

export function createRedisRateLimiter(redis: IORedis, prefix = 'dnevnik:pace'): RateLimiter {
  return {
    async reserve(bot: string, chat: string, pacing: TPacing) {
      const keys = [`${prefix}:${bot}:bucket`, `${prefix}:${bot}:chat:${chat}`, `${prefix}:${bot}:pause`];
      return Number(await redis.eval(SCRIPT, 3, ...keys, pacing.perSecond, BURST, pacing.perChatIntervalMs));
    },
    async pause(bot: string, ms: number) {
      await redis.eval(PAUSE_SCRIPT, 1, `${prefix}:${bot}:pause`, Math.ceil(ms));
    },
  };
}

export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; ts: number }>();
  const chats = new Map<string, number>();
  const pauses = new Map<string, number>();
  return {
    async reserve(bot, chat, pacing) {
      const t = now();
      const paused = pauses.get(bot) ?? 0;
      if (paused > t) return paused - t;
      const b = buckets.get(bot) ?? { tokens: BURST, ts: t };
      b.tokens = Math.min(BURST, b.tokens + ((t - b.ts) * pacing.perSecond) / 1000);
      b.ts = t;
      buckets.set(bot, b);
      const waitBot = b.tokens < 1 ? Math.ceil(((1 - b.tokens) * 1000) / pacing.perSecond) : 0;
      const chatKey = `${bot}\u0000${chat}`;
      const waitChat = (chats.get(chatKey) ?? 0) - t;
      if (waitBot > 0 || waitChat > 0) return Math.max(waitBot, waitChat, 1);
      b.tokens -= 1;
      chats.set(chatKey, t + pacing.perChatIntervalMs);
      // Forget chats whose gap has passed, so the map does not grow with every chat ever served.
      if (chats.size > 10_000) for (const [k, until] of chats) if (until <= t) chats.delete(k);
      return 0;
    },
    async pause(bot, ms) {
      pauses.set(bot, Math.max(pauses.get(bot) ?? 0, now() + ms));
    },
  };
}
