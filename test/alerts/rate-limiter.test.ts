import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import type { RateLimiter, TPacing } from '../../core/alerts/alert-ports';
import { createMemoryRateLimiter, createRedisRateLimiter } from '../../infra/rate-limiter';

// Pacing per bot and chat. Workers ask again after the wait they are told, always a little late
// (timers, the round trip to Redis): that lateness must not be lost from the rate, and no
// one-second window may hold more sends than the platform allows.

const TELEGRAM: TPacing = { perSecond: 28, perChatIntervalMs: 1050 };
const redisUrl = process.env.REDIS_URL;

/** Virtual time: one caller asking for a new chat each time, `lateMs` after each wait. */
async function simulate(pacing: TPacing, lateMs: number, seconds: number) {
  let t = 0;
  const limiter = createMemoryRateLimiter(() => t);
  const grants: number[] = [];
  let chat = 0;
  while (t < seconds * 1000) {
    const wait = await limiter.reserve('bot', String(chat), pacing);
    if (wait === 0) {
      grants.push(t);
      chat++;
    } else t += wait + lateMs;
  }
  return { rate: grants.length / seconds, maxInWindow: maxInOneSecond(grants) };
}

function maxInOneSecond(sortedTimes: number[]): number {
  let max = 0;
  for (let i = 0, j = 0; i < sortedTimes.length; i++) {
    while (sortedTimes[i] - sortedTimes[j] >= 1000) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe('send pacing', () => {
  it.each([0, 1, 3, 8])(
    'keeps the bot rate when callers come back %i ms late, never above the rate plus one in a second',
    async (lateMs) => {
      const { rate, maxInWindow } = await simulate(TELEGRAM, lateMs, 120);
      expect(rate).toBeGreaterThanOrEqual(27.9);
      expect(rate).toBeLessThanOrEqual(28.05);
      expect(maxInWindow).toBeLessThanOrEqual(29);
    },
  );

  it('keeps one chat to one message per interval and honours a pause', async () => {
    let t = 0;
    const limiter = createMemoryRateLimiter(() => t);
    expect(await limiter.reserve('bot', 'c1', TELEGRAM)).toBe(0);
    t += 100;
    expect(await limiter.reserve('bot', 'c1', TELEGRAM)).toBe(950);
    await limiter.pause('bot', 3000);
    expect(await limiter.reserve('bot', 'c2', TELEGRAM)).toBe(3000);
    t += 3000;
    expect(await limiter.reserve('bot', 'c2', TELEGRAM)).toBe(0);
  });
});

(redisUrl ? describe : describe.skip)('send pacing on Redis', () => {
  const redis = redisUrl ? new IORedis(redisUrl) : undefined;
  afterAll(async () => redis?.quit());

  it('shares one rate between workers: both send, and together not above the rate', async () => {
    const prefix = `test:pace:${randomBytes(4).toString('hex')}`;
    const limiters: RateLimiter[] = [createRedisRateLimiter(redis!, prefix), createRedisRateLimiter(redis!, prefix)];
    const grants: { at: number; worker: number }[] = [];
    let chat = 0;
    const started = Date.now();
    const until = started + 3000;
    // Eight callers per worker, as the delivery workers run them, each sleeping as told.
    await Promise.all(
      Array.from({ length: 16 }, async (_, n) => {
        while (Date.now() < until) {
          const wait = await limiters[n % 2].reserve('bot', `c${chat++}`, TELEGRAM);
          if (wait === 0) grants.push({ at: Date.now(), worker: n % 2 });
          else await new Promise((r) => setTimeout(r, wait));
        }
      }),
    );
    const elapsedS = (Date.now() - started) / 1000;
    expect(new Set(grants.map((g) => g.worker)).size).toBe(2);
    // How close to the rate the callers get depends on timers in a loaded test process, and
    // answers may arrive bunched; the total must stay within the bucket regardless.
    expect(grants.length).toBeGreaterThan(40);
    expect(grants.length).toBeLessThanOrEqual(Math.floor(TELEGRAM.perSecond * elapsedS + 1.3));
  });
});
