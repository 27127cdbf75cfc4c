import IORedis from 'ioredis';
import {
  type AlertPipeline,
  type AlertStore,
  type ChatSender,
  createAlertPipeline,
  type PipelineOptions,
  systemClock,
} from '../core/alerts';
import { createAlertMetrics } from './alert-metrics';
import { createBullmqQueue } from './bullmq-queue';
import type { TConfig } from './config';
import { createInProcessQueue } from './in-process-queue';
import type { Logger } from './logger';
import type { TMetrics } from './metrics';
import { createMemoryRateLimiter, createRedisRateLimiter } from './rate-limiter';

// Assembles the alerts worker for a configuration: BullMQ and a Redis-shared rate limit when
// REDIS_URL is set (any number of worker processes), otherwise the in-process twins (one process).

export interface AlertWorker {
  pipeline: AlertPipeline;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createAlertWorker(deps: {
  config: TConfig;
  store: AlertStore;
  logger: Logger;
  metrics: TMetrics;
  /** One per chat platform, built by the channels' wings (runtime/chat-channels.ts). */
  senders: ChatSender[];
  options?: Partial<PipelineOptions>;
}): AlertWorker {
  const { config, logger } = deps;
  const onError = (err: unknown, where = 'queue') => logger.error({ err, where }, 'alerts worker error');
  const redis = config.REDIS_URL ? new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null }) : undefined;
  const queue = config.REDIS_URL ? createBullmqQueue(config.REDIS_URL, { onError }) : createInProcessQueue({ onError });
  const limiter = redis ? createRedisRateLimiter(redis) : createMemoryRateLimiter();
  const { senders } = deps;
  const observer = createAlertMetrics(deps.metrics.registry, {
    depth: () => queue.depth(),
    oldestDueAgeMs: deps.store.oldestDueAgeMs && (() => deps.store.oldestDueAgeMs!()),
  });
  const pipeline = createAlertPipeline(
    { store: deps.store, queue, limiter, senders, clock: systemClock, observer, onError },
    { windowMs: config.ALERT_WINDOW_SECONDS * 1000, ...deps.options },
  );
  return {
    pipeline,
    async start() {
      await pipeline.start();
      logger.info(
        { queue: redis ? 'redis' : 'in-process', channels: senders.map((s) => s.channel) },
        'alerts worker started',
      );
    },
    async close() {
      await pipeline.stop();
      await redis?.quit().catch(() => undefined);
    },
  };
}
