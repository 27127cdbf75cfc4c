import IORedis from 'ioredis';
import { createRequestPacer, type TRequestPacer } from '../core/alerts';
import type { TConfig } from '../infra/config';
import { createMemoryRateLimiter, createRedisRateLimiter } from '../infra/rate-limiter';

/**
 * A chat bot's replies paced by the token bucket its alert workers use (the same bot name and
 * Redis keys), so web processes and workers together keep within the platform's rate. Without
 * Redis, one process: a bucket in memory. lazyConnect: a runtime opened by a CLI command, which
 * sends nothing, never connects.
 */
export function replyPacer(config: TConfig, bot: string, perSecond: number): { pace: TRequestPacer; close(): void } {
  const redis = config.REDIS_URL
    ? new IORedis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 })
    : undefined;
  const limiter = redis ? createRedisRateLimiter(redis) : createMemoryRateLimiter();
  return { pace: createRequestPacer(limiter, bot, perSecond), close: () => redis?.disconnect() };
}
