import type { Server } from 'node:http';
import path from 'node:path';
import type { RunnerHandle } from '@grammyjs/runner';
import IORedis from 'ioredis';
import { maxWebhookUrl, startMaxPolling, subscribeMaxWebhook } from './bots/max';
import { registerCommands, startPolling } from './bots/telegram';
import { TELEGRAM_ALLOWED_UPDATES, telegramWebhookUrl } from './bots/telegram/telegram-webhook';
import { createCliExecutor } from './cli/server-executor';
import { createAnswerService } from './core/answers';
import { createReminderRunner } from './core/reminders';
import { type AlertWorker, createAlertWorker } from './infra/alert-worker';
import { createTermChartRenderer } from './infra/charts';
import type { TConfig } from './infra/config';
import { registerDbPoolMetrics } from './infra/db-pool-metrics';
import { listenHost } from './infra/listen-host';
import { createLogger, type Logger } from './infra/logger';
import { createMetrics } from './infra/metrics';
import { createMemoryQuestionLimiter, createRedisQuestionLimiter } from './infra/question-limiter';
import { createRedisProbe } from './infra/redis-probe';
import { createReminderMetrics } from './infra/reminder-metrics';
import { createReminderScheduler } from './infra/reminder-scheduler';
import { startRetention } from './infra/retention';
import { newServerToken, writeServerFile } from './infra/server-file';
import { loadDemoIfEmpty } from './prisma/demo/load-demo';
import { demoPlaygroundPeople } from './prisma/demo/load-demo-people';
import { createStores } from './prisma/stores';
import { calendarFeeds } from './runtime/calendar-feeds';
import { channelLinking } from './runtime/channel-linking';
import { buildTelegram, buildVk, chatSenders, logChannels } from './runtime/chat-channels';
import { createClosers } from './runtime/closers';
import { buildJournalKeys } from './runtime/journal-keys';
import { buildMax } from './runtime/max-channel';
import { openConfiguredDatabase } from './runtime/open-database';
import type { Runtime, RuntimeOptions } from './runtime/runtime';
import { prepareSchema } from './runtime/schema-at-start';
import { buildVoiceRoutes } from './runtime/voice-routes';
import { warmUp } from './runtime/warm-up';
import { createServer } from './webhooks/app';
import { calendarRoute } from './webhooks/calendar-route';
import { cliRoute } from './webhooks/cli-route';
import { createHttpServer } from './webhooks/http-server';
import { journalRoute } from './webhooks/journal-route';
import { boundPort, closeServer, listenApp } from './webhooks/listen';
import { openApiRoute } from './webhooks/openapi/openapi-route';
import { playgroundRoute } from './webhooks/playground-route';
import { createMetricsApp, createWorkerApp } from './webhooks/probe-apps';
import { telegramRoute } from './webhooks/telegram-route';

export type { Runtime, RuntimeOptions } from './runtime/runtime';

// Composition root: config → infra → core → channels → HTTP. Nothing else wires things together
// (runtime/ holds its parts); `dnevnik start|serve|worker` (cli/) decide which parts run in a
// process (`npm start` = start).

export async function openRuntime(config: TConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL, undefined, { format: config.LOG_FORMAT });
  const metrics = createMetrics();
  const closers = createClosers();
  const command = options.command ?? path.basename(process.argv[1] ?? process.argv0);
  const db =
    options.db ??
    (await openConfiguredDatabase(config, logger, {
      command,
      onClose: (closer) => closers.onClose(closer, 'database'),
    }));
  closers.onClose(() => db.close(), 'database');
  // `dnevnik migrate` applies whatever MIGRATE_ON_START says; a refusal closes what was opened.
  await prepareSchema(db, config.MIGRATE_ON_START || options.migrate === true, logger).catch(async (err) => {
    await closers.close();
    throw err;
  });

  registerDbPoolMetrics(metrics.registry, db);
  const stores = createStores(db, config.TZ_DEFAULT);
  const ingestOptions = { defaultTimezone: config.TZ_DEFAULT };
  const journalKeys = buildJournalKeys(config, stores, logger);
  if (config.DEMO && !options.skipDemo)
    await loadDemoIfEmpty({ db, ingestStore: stores.ingest, logger, timezone: config.TZ_DEFAULT });

  const limit = config.QUESTIONS_PER_MINUTE;
  const limiterRedis =
    limit > 0 && config.REDIS_URL
      ? new IORedis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true })
      : undefined;
  if (limiterRedis) closers.onClose(() => limiterRedis.disconnect(), 'redis');
  const limiter =
    limit === 0
      ? undefined
      : limiterRedis
        ? createRedisQuestionLimiter(limiterRedis, { limit })
        : createMemoryQuestionLimiter({ limit });
  const redisProbe = config.REDIS_URL ? createRedisProbe(config.REDIS_URL) : undefined;
  if (redisProbe) closers.onClose(() => redisProbe.close(), 'redis');
  // One renderer per process; its drawing thread starts with the first chart asked for.
  const charts = createTermChartRenderer();
  closers.onClose(() => charts.close());
  const answers = createAnswerService({
    ...stores.readModel,
    defaultTimezone: config.TZ_DEFAULT,
    limiter,
    journal: stores.journal,
    terms: stores.terms,
    presence: stores.presence,
    coming: stores.coming,
    charts,
  });
  const playground = playgroundRoute({
    enabled: config.DEMO,
    answers,
    people: config.DEMO ? demoPlaygroundPeople() : [],
    queryContexts: stores.queryContexts,
  });
  const linking = channelLinking(config, stores, stores.readModel.access, logger);
  const vk = buildVk(config, stores, answers, linking, logger);
  if (vk) closers.onClose(vk.close);
  const telegram = buildTelegram(config, stores, answers, linking, logger);
  if (telegram) closers.onClose(telegram.close);
  const max = buildMax(config, stores, answers, linking, logger);
  if (max) closers.onClose(max.close);
  const voice = buildVoiceRoutes(config, stores, answers, linking, logger);
  const runtimeRef: { current?: Runtime } = {};
  const cliToken = db.kind === 'pglite' ? newServerToken() : undefined;
  const readiness = { database: () => db.ping(), ...(redisProbe ? { redis: () => redisProbe.ready() } : {}) };

  const app = createServer({
    logger,
    metrics,
    trustProxy: config.TRUST_PROXY,
    readiness,
    serveMetrics: config.METRICS_PORT === undefined,
    routers: [
      journalRoute({
        secret: config.JOURNAL_WEBHOOK_SECRET,
        keys: journalKeys,
        store: stores.ingest,
        ingestOptions,
        metrics,
      }),
      // config guarantees the secret in webhook mode
      ...(telegram && config.PUBLIC_URL
        ? [telegramRoute({ bot: telegram.bot, secret: config.TELEGRAM_WEBHOOK_SECRET! })]
        : []),
      ...(vk?.route ? [vk.route] : []),
      ...(max?.route ? [max.route] : []),
      ...voice,
      calendarRoute(calendarFeeds(stores, linking)),
      openApiRoute(config.PUBLIC_URL),
      ...(cliToken ? [cliRoute({ token: cliToken, execute: createCliExecutor(() => runtimeRef.current!) })] : []),
      playground,
    ],
  });
  logChannels(config, logger);
  runtimeRef.current = {
    config,
    logger,
    metrics,
    db,
    stores,
    ingestStore: stores.ingest,
    journalKeys,
    answers,
    telegram: telegram?.bot,
    vk,
    max,
    app,
    readiness,
    cliToken,
    linkCodes: linking,
    onClose: closers.onClose,
    close: closers.close,
  };
  return runtimeRef.current;
}

/** Connects the bot: the webhook (PUBLIC_URL set) or long polling, and the command menus. Telegram being unreachable does not stop the server. */
export async function startTelegram(runtime: Runtime): Promise<RunnerHandle | undefined> {
  const { telegram: bot, config, logger } = runtime;
  if (!bot) return undefined;
  try {
    await bot.init();
    await registerCommands(bot.api);
    if (config.PUBLIC_URL) {
      const url = telegramWebhookUrl(config.PUBLIC_URL);
      if (!config.REGISTER_WEBHOOKS) {
        logger.info(
          { botId: bot.botInfo.id, url },
          'Telegram webhook expected (REGISTER_WEBHOOKS=false: dnevnik webhooks set)',
        );
        return undefined;
      }
      await bot.api.setWebhook(url, {
        secret_token: config.TELEGRAM_WEBHOOK_SECRET,
        allowed_updates: [...TELEGRAM_ALLOWED_UPDATES],
      });
      logger.info({ botId: bot.botInfo.id, url }, 'Telegram webhook set');
      return undefined;
    }
    const runner = await startPolling(bot);
    logger.info({ botId: bot.botInfo.id }, 'Telegram long polling started');
    runtime.onClose(async () => {
      if (runner.isRunning()) await runner.stop();
    });
    return runner;
  } catch (err) {
    logger.error({ err }, 'Telegram bot could not start');
    return undefined;
  }
}

/** Starts handling VK events: from the Callback API route (PUBLIC_URL set) or from Bots Long Poll. VK being unreachable does not stop the server. */
export async function startVk(runtime: Runtime): Promise<void> {
  const { vk, config, logger } = runtime;
  if (!vk) return;
  try {
    await vk.inbox.start((event) => vk.bot.handle(event));
    runtime.metrics.inboxes.watch('vk', vk.inbox);
    if (config.PUBLIC_URL) {
      logger.info(
        { groupId: config.VK_GROUP_ID, url: new URL('/webhooks/vk', config.PUBLIC_URL).toString() },
        'VK Callback API ready',
      );
      return;
    }
    await vk.bot.startPolling((event) => vk.inbox.put(event.event_id, event));
    logger.info({ groupId: config.VK_GROUP_ID }, 'VK Bots Long Poll started');
  } catch (err) {
    logger.error({ err }, 'VK bot could not start');
  }
}

/**
 * Starts handling MAX updates: from the webhook route (PUBLIC_URL set; the subscription made here
 * unless REGISTER_WEBHOOKS=false) or from long polling, which MAX means for development. MAX being
 * unreachable does not stop the server.
 */
export async function startMax(runtime: Runtime): Promise<void> {
  const { max, config, logger } = runtime;
  if (!max) return;
  const log = logger.child({ channel: 'max' });
  try {
    await max.inbox.start((update) => max.bot.handle(update));
    runtime.metrics.inboxes.watch('max', max.inbox);
    if (config.PUBLIC_URL) {
      const url = maxWebhookUrl(config.PUBLIC_URL);
      if (!config.REGISTER_WEBHOOKS) {
        log.info({ url }, 'MAX webhook expected (REGISTER_WEBHOOKS=false: dnevnik webhooks set)');
        return;
      }
      await subscribeMaxWebhook(max.bot.api, url, config.MAX_WEBHOOK_SECRET!);
      log.info({ url }, 'MAX webhook subscribed');
      return;
    }
    max.polling = startMaxPolling(max.bot.api, (id, update) => max.inbox.put(id, update), log);
    log.warn('MAX long polling started: MAX means it for development; set PUBLIC_URL (https) for webhooks');
  } catch (err) {
    log.error({ err }, 'MAX bot could not start');
  }
}

/** Settings meant for a developer's machine, said once at start so they are not left on by accident. */
function warnUnsafeSettings(config: TConfig, logger: Logger) {
  if (!config.ALEXA_VERIFY_SIGNATURE) {
    logger.warn(
      "ALEXA_VERIFY_SIGNATURE=false: Alexa requests are accepted without checking Amazon's signature and timestamp (local simulators only)",
    );
  }
}

export async function serve(runtime: Runtime): Promise<Server> {
  await checkLinkCodePepper(runtime);
  warnUnsafeSettings(runtime.config, runtime.logger);
  // Before it listens: the first request after a start is answered as fast as the next.
  await warmUp(runtime);
  const host = listenHost(runtime.config);
  // Slow senders are cut off: headers within 10 s, the whole request within 15 s (webhooks/http-server.ts).
  const http = createHttpServer(runtime.app);
  const server = host ? http.listen(runtime.config.PORT, host) : http.listen(runtime.config.PORT);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : runtime.config.PORT;
  const shown = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  runtime.logger.info(
    { port, host: host ?? 'all interfaces', database: runtime.db.kind },
    `dnevnik listening on http://${shown}:${port}`,
  );
  if (runtime.cliToken) {
    runtime.onClose(writeServerFile(runtime.config.DATA_DIR, { pid: process.pid, port, token: runtime.cliToken }));
  }
  return server;
}

/**
 * The link-code pepper against the fingerprint the database recorded at its first start (recorded
 * now if this is it). A different pepper is logged and linking refuses, while linked chats go on.
 */
export async function checkLinkCodePepper(runtime: Runtime): Promise<void> {
  await runtime.linkCodes().check.verify();
}

/** The alerts worker (outbox → alerts → chats) in this process; closing the runtime stops it first. */
export async function startAlertWorker(runtime: Runtime): Promise<AlertWorker> {
  const { config, stores, logger, metrics } = runtime;
  const worker = createAlertWorker({ config, store: stores.alerts, senders: chatSenders(config), logger, metrics });
  await worker.start();
  runtime.onClose(worker.close);
  // The worker side also runs the retention purges (access log kept a year, pending links 15 minutes).
  const retention = startRetention({ accessLog: stores.accessLog, pendingLinks: stores.linking, logger });
  runtime.onClose(retention.close);
  await startReminders(runtime, worker);
  return worker;
}

/** Teacher reminders next to the alerts worker, whose delivery sends them; stopped before it. */
async function startReminders(runtime: Runtime, worker: AlertWorker): Promise<void> {
  const runner = createReminderRunner({
    store: runtime.stores.reminders,
    deliver: (ids) => worker.pipeline.deliver(ids),
  });
  const scheduler = createReminderScheduler({
    runner,
    logger: runtime.logger.child({ job: 'reminders' }),
    redisUrl: runtime.config.REDIS_URL,
    observe: createReminderMetrics(runtime.metrics.registry),
  });
  await scheduler.start();
  runtime.onClose(scheduler.close);
}

/**
 * WORKER_PORT: a worker's /healthz, /readyz (database, and Redis when set) and /metrics (unless
 * METRICS_PORT), for an orchestrator's probes and the scraper; unset = the worker listens nowhere.
 * The caller closes it before the runtime, so a stopping worker stops looking ready first.
 */
export async function serveWorkerPort(runtime: Runtime): Promise<Server | undefined> {
  const { config, logger, metrics, readiness } = runtime;
  if (config.WORKER_PORT === undefined) return undefined;
  const app = createWorkerApp({ logger, metrics, readiness, serveMetrics: config.METRICS_PORT === undefined });
  const server = await listenApp(app, config.WORKER_PORT, listenHost(config));
  logger.info({ port: boundPort(server, config.WORKER_PORT) }, 'worker health and metrics listening');
  return server;
}

/** METRICS_PORT: /metrics there alone (closed with the runtime); unset = /metrics stays on the main port. */
export async function serveMetricsPort(runtime: Runtime): Promise<Server | undefined> {
  const { config, logger, metrics } = runtime;
  if (config.METRICS_PORT === undefined) return undefined;
  const server = await listenApp(createMetricsApp({ logger, metrics }), config.METRICS_PORT, listenHost(config));
  logger.info({ port: boundPort(server, config.METRICS_PORT) }, 'metrics listening');
  runtime.onClose(() => closeServer(server));
  return server;
}

/** Stops taking requests, lets in-flight ones finish, then closes the database. */
export function shutdownOnSignals(runtime: Runtime, server: Server) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await new Promise((resolve) => server.close(resolve));
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
