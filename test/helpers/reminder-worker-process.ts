// A reminder worker process for the multi-process tests: the alerts worker (BullMQ delivery on
// Redis, Telegram sender) with the reminder scheduler beside it, as main.ts runs them, but
// scanning every REMINDER_EVERY_MS so a test need not wait a minute. Runs until SIGTERM.
import { createReminderRunner } from '../../core/reminders/reminder-runner';
import { createAlertWorker } from '../../infra/alert-worker';
import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { createMetrics } from '../../infra/metrics';
import { createReminderScheduler } from '../../infra/reminder-scheduler';
import { openDatabase } from '../../prisma/db/database';
import { createAlertStore } from '../../prisma/stores/alerts/alert-store';
import { createReminderStore } from '../../prisma/stores/reminders/reminder-store';
import { chatSenders } from '../../runtime/chat-channels';

async function main() {
  const config = parseConfig(process.env);
  const logger = createLogger('warn');
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL!, poolSize: 4 });
  const worker = createAlertWorker({
    config,
    store: createAlertStore(db),
    senders: chatSenders(config),
    logger,
    metrics: createMetrics(),
    options: { idleMs: 50, sweepEveryMs: 1000 },
  });
  await worker.start();
  const runner = createReminderRunner({
    store: createReminderStore(db),
    deliver: (ids) => worker.pipeline.deliver(ids),
  });
  const scheduler = createReminderScheduler({
    runner,
    logger,
    redisUrl: config.REDIS_URL,
    everyMs: Number(process.env.REMINDER_EVERY_MS ?? 200),
  });
  await scheduler.start();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void (async () => {
      await scheduler.close();
      await worker.close();
      await db.close();
      process.exit(0);
    })();
  });
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
