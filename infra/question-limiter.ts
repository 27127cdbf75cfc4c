import type { Redis } from 'ioredis';
import { QUESTIONS_PER_MINUTE, type QuestionLimiter } from '../core/access';

// Fixed one-minute windows per chat: simple, cheap (one INCR), and a burst at a window's edge
// can reach at most twice the limit — plenty to stop a script, never noticeable to a person.

const WINDOW_MS = 60_000;

export interface LimiterOptions {
  limit?: number;
  windowMs?: number;
  now?: () => number;
}

/** One process (embedded mode): counters in a map, swept as windows pass. */
export function createMemoryQuestionLimiter(options: LimiterOptions = {}): QuestionLimiter {
  const limit = options.limit ?? QUESTIONS_PER_MINUTE;
  const windowMs = options.windowMs ?? WINDOW_MS;
  const now = options.now ?? Date.now;
  let window = -1;
  let counts = new Map<string, number>();
  return {
    async allow(key) {
      const current = Math.floor(now() / windowMs);
      if (current !== window) {
        window = current;
        counts = new Map();
      }
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n <= limit;
    },
  };
}

/** Several processes on one Redis: INCR on a key per chat and window, expiring with the window. */
export function createRedisQuestionLimiter(
  redis: Redis,
  options: LimiterOptions & { prefix?: string } = {},
): QuestionLimiter {
  const limit = options.limit ?? QUESTIONS_PER_MINUTE;
  const windowMs = options.windowMs ?? WINDOW_MS;
  const now = options.now ?? Date.now;
  const prefix = options.prefix ?? 'dnevnik:questions:';
  return {
    async allow(key) {
      const redisKey = `${prefix}${Math.floor(now() / windowMs)}:${key}`;
      try {
        const results = await redis.multi().incr(redisKey).pexpire(redisKey, windowMs).exec();
        return Number(results?.[0]?.[1] ?? 0) <= limit;
      } catch {
        // A limit must not take the product down with Redis: unreachable means unlimited.
        return true;
      }
    },
  };
}
