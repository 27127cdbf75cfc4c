import type IORedis from 'ioredis';
import type { SeenOnce } from '../core/updates';

/** Telegram keeps undelivered updates for 24 h, so a repeat can only come within that window. */
export const SEEN_ONCE_TTL_SECONDS = 24 * 60 * 60;

export function createRedisSeenOnce(redis: IORedis, prefix: string, ttlSeconds = SEEN_ONCE_TTL_SECONDS): SeenOnce {
  return {
    async firstTime(key) {
      return (await redis.set(`${prefix}${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
    },
  };
}

/** Single-process mode: a map pruned as it goes, so memory stays bounded by one window of keys. */
export function createMemorySeenOnce(ttlSeconds = SEEN_ONCE_TTL_SECONDS, now: () => number = Date.now): SeenOnce {
  const seen = new Map<string, number>();
  return {
    async firstTime(key) {
      const at = now();
      // Insertion order is expiry order, so pruning stops at the first live entry.
      for (const [k, expires] of seen) {
        if (expires > at) break;
        seen.delete(k);
      }
      if (seen.has(key)) return false;
      seen.set(key, at + ttlSeconds * 1000);
      return true;
    },
  };
}
