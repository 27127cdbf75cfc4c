import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { ReminderRunner } from '../core/reminders';
import type { Logger } from './logger';
import type { TReminderScanOutcome } from './reminder-metrics';

// Runs the reminder job periodically. With Redis: a BullMQ job scheduler (repeatable job) that
// every worker process registers under the same id, so each period makes one job and exactly one
// process runs it. Without Redis (one embedded process): a timer. Either way the database's
// advisory lock and scan watermark are what make a window scanned once, so an overlap is harmless.

export const REMINDERS_QUEUE = 'dnevnik-reminders';
const SCHEDULER_ID = 'reminder-scan';
export const DEFAULT_REMINDER_EVERY_MS = 60_000;

export interface ReminderScheduler {
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface ReminderSchedulerOptions {
  runner: ReminderRunner;
  logger: Logger;
  redisUrl?: string;
  everyMs?: number;
  queueName?: string;
  /** Told how each run ended (infra/reminder-metrics.ts). */
  observe?: (outcome: TReminderScanOutcome) => void;
}

export function createReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  return options.redisUrl ? bullmqScheduler({ ...options, redisUrl: options.redisUrl }) : timerScheduler(options);
}

async function runLogged(options: ReminderSchedulerOptions) {
  const { logger, observe } = options;
  const result = await options.runner.run().catch((err) => {
    observe?.('failed');
    throw err;
  });
  observe?.(result.scan ? 'scanned' : 'skipped');
  const { scan, dispatch } = result;
  if ((scan?.found ?? 0) > 0 || dispatch.sent > 0 || dispatch.resolved > 0) {
    logger.info(
      {
        due: scan?.due,
        found: scan?.found,
        sent: dispatch.sent,
        resolved: dispatch.resolved,
        messages: dispatch.messageIds.length,
      },
      'teacher reminders',
    );
  }
  return result;
}

function timerScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const everyMs = options.everyMs ?? DEFAULT_REMINDER_EVERY_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let closed = false;
  const tick = () => {
    // A slow run is not overlapped by the next tick.
    running = runLogged(options)
      .catch((err) => options.logger.error({ err }, 'teacher reminders failed'))
      .finally(() => {
        running = undefined;
        if (!closed) timer = setTimeout(tick, everyMs);
      });
  };
  return {
    async start() {
      closed = false;
      tick();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

function bullmqScheduler(options: ReminderSchedulerOptions & { redisUrl: string }): ReminderScheduler {
  const name = options.queueName ?? REMINDERS_QUEUE;
  const everyMs = options.everyMs ?? DEFAULT_REMINDER_EVERY_MS;
  // BullMQ blocks on its connections: a per-request retry limit would break its blocking calls.
  const connection = new IORedis(options.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(name, { connection, defaultJobOptions: { removeOnComplete: 100, removeOnFail: 100 } });
  const workerConnection = new IORedis(options.redisUrl, { maxRetriesPerRequest: null });
  let worker: Worker | undefined;
  return {
    async start() {
      await queue.upsertJobScheduler(SCHEDULER_ID, { every: everyMs }, { name: 'scan' });
      worker = new Worker(name, async () => void (await runLogged(options)), {
        connection: workerConnection,
        concurrency: 1,
      });
      worker.on('error', (err) => options.logger.error({ err }, 'teacher reminders queue error'));
      worker.on('failed', (_job, err) => options.logger.error({ err }, 'teacher reminders failed'));
      await worker.waitUntilReady();
    },
    async close() {
      await worker?.close();
      await queue.close();
      await connection.quit().catch(() => undefined);
      await workerConnection.quit().catch(() => undefined);
    },
  };
}
