import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { DeliveryQueue } from '../core/alerts';

// The delivery queue on Redis, shared by every worker process. The job id names message and
// attempt, so the sweeper and the composer may queue the same job again without doubling it.

export const ALERTS_QUEUE = 'dnevnik-alerts';

export function createBullmqQueue(
  redisUrl: string,
  options: { name?: string; onError?: (err: unknown) => void } = {},
): DeliveryQueue {
  const name = options.name ?? ALERTS_QUEUE;
  // BullMQ blocks on its connections: a per-request retry limit would break its blocking calls.
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(name, {
    connection,
    defaultJobOptions: {
      removeOnComplete: true,
      removeOnFail: true,
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
    },
  });
  let worker: Worker | undefined;
  return {
    async enqueue(jobs) {
      if (jobs.length === 0) return;
      await queue.addBulk(
        jobs.map((job) => ({
          name: 'deliver',
          data: { messageId: job.messageId, attempt: job.attempt },
          opts: {
            jobId: `m${job.messageId}-a${job.attempt}`,
            delay: job.delayMs && job.delayMs > 0 ? Math.ceil(job.delayMs) : undefined,
          },
        })),
      );
    },
    async start(handler, opts) {
      worker = new Worker(name, async (job) => handler({ messageId: job.data.messageId, attempt: job.data.attempt }), {
        connection: new IORedis(redisUrl, { maxRetriesPerRequest: null }),
        concurrency: opts.concurrency,
        // A worker killed mid-job leaves it stalled; another picks it up. The database claim makes that safe.
        maxStalledCount: 10,
      });
      worker.on('error', (err) => options.onError?.(err));
      await worker.waitUntilReady();
    },
    async depth() {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'prioritized');
      return Object.values(counts).reduce((a, b) => a + b, 0);
    },
    async close() {
      await worker?.close();
      await queue.close();
      await connection.quit().catch(() => undefined);
    },
  };
}
