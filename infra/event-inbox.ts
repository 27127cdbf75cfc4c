import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { EventInbox, SeenOnce } from '../core/updates';

// Two honest inboxes for pushed platform events (core/updates/event-inbox-port.ts).

export interface RedisInboxOptions {
  name: string;
  /** Events processed at once by this process. */
  concurrency?: number;
  /** How long a processed id is remembered, so that a platform's repeat is not processed again. */
  rememberSeconds?: number;
  onError?: (err: unknown) => void;
}

/**
 * BullMQ on Redis: `put` resolves once Redis holds the job. The job id is the event id, so a repeat
 * while the job waits, runs or is remembered is a no-op; a job whose handler throws (or whose
 * process dies) is retried with backoff.
 */
export function createRedisInbox<T>(redisUrl: string, options: RedisInboxOptions): EventInbox<T> {
  // BullMQ blocks on its connections: a per-request retry limit would break its blocking calls.
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const remember = options.rememberSeconds ?? 3_600;
  const queue = new Queue(options.name, {
    connection,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: { age: remember, count: 100_000 },
      removeOnFail: { age: 24 * 3_600 },
    },
  });
  queue.on('error', (err) => options.onError?.(err));
  let worker: Worker | undefined;
  return {
    async put(id, event) {
      // BullMQ job ids may not contain ':'; event ids are checked to be word characters and dashes.
      await queue.add('event', event, { jobId: `e-${id}` });
    },
    async start(handler) {
      worker = new Worker(
        options.name,
        async (job) => {
          await handler(job.data as T);
          // A processed event is remembered by its id alone: its words and sender (personal data)
          // must not stay in Redis for the hour, nor outlive a /forget that comes meanwhile.
          await job.updateData({}).catch(() => undefined);
        },
        {
          connection: new IORedis(redisUrl, { maxRetriesPerRequest: null }),
          concurrency: options.concurrency ?? 8,
          removeOnComplete: { age: remember, count: 100_000 },
        },
      );
      worker.on('error', (err) => options.onError?.(err));
      await worker.waitUntilReady();
    },
    async depth() {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
      return Object.values(counts).reduce((a, b) => a + b, 0);
    },
    async oldestAgeMs() {
      // The wait list's far end is its oldest job (one LRANGE); the active ones are at most
      // `concurrency` per process. A retried job keeps the time it first arrived.
      const [waiting, active] = await Promise.all([
        queue.getJobs(['wait'], 0, 0, true),
        queue.getJobs(['active'], 0, -1, true),
      ]);
      const arrived = [...waiting, ...active].map((job) => job.timestamp).filter((t) => t > 0);
      return arrived.length === 0 ? 0 : Math.max(0, Date.now() - Math.min(...arrived));
    },
    async close() {
      await worker?.close();
      await queue.close();
      await connection.quit().catch(() => undefined);
    },
  };
}

/**
 * Single-process mode has nothing that outlives the process, so the event is handled inside `put`
 * and the platform hears "received" only after the reply went out; a crash before that makes it
 * send the event again. Repeats are dropped by `seenOnce`, claimed before handling: a failure inside
 * the handler is reported to the person by the bot, so the event counts as handled either way.
 */
export function createInlineInbox<T>(
  seenOnce: SeenOnce,
  options: { onError?: (err: unknown) => void } = {},
): EventInbox<T> {
  let handler: ((event: T) => Promise<void>) | undefined;
  // When each event being handled arrived; their count is the depth.
  const running = new Set<{ at: number }>();
  return {
    async put(id, event) {
      if (!handler) throw new Error('the inbox is not started yet');
      if (!(await seenOnce.firstTime(id))) return;
      const entry = { at: Date.now() };
      running.add(entry);
      try {
        await handler(event);
      } catch (err) {
        options.onError?.(err);
      } finally {
        running.delete(entry);
      }
    },
    async start(work) {
      handler = work;
    },
    async depth() {
      return running.size;
    },
    async oldestAgeMs() {
      let oldest = Number.POSITIVE_INFINITY;
      for (const entry of running) oldest = Math.min(oldest, entry.at);
      return running.size === 0 ? 0 : Date.now() - oldest;
    },
    async close() {
      handler = undefined;
    },
  };
}

/** Creates the inbox on first use: a runtime opened by a CLI command never connects to Redis. */
export function lazyInbox<T>(create: () => EventInbox<T>): EventInbox<T> {
  let inbox: EventInbox<T> | undefined;
  const get = () => (inbox ??= create());
  return {
    put: (id, event) => get().put(id, event),
    start: (handler) => get().start(handler),
    depth: () => get().depth(),
    oldestAgeMs: () => get().oldestAgeMs(),
    close: async () => inbox?.close(),
  };
}
