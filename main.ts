import path from 'node:path';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { createIngestStore } from './prisma/ingest-store';
import { createAlertStore } from './prisma/alert-store';
import { createAlertWorker, type AlertWorker } from './infra/alert-worker';
import { openDatabase, type Database } from './prisma/database';
import { applyMigrations } from './prisma/migrate';
import type { TConfig } from './infra/config';
import { listenHost } from './infra/listen-host';
import { createLogger, type Logger } from './infra/logger';
import { createMetrics, type TMetrics } from './infra/metrics';
import type { AccessReader } from './core/access';
import type { IngestStore } from './core/ingest/ingest-port';
import { createServer } from './webhooks/app';
import { createHttpServer } from './webhooks/http-server';
import { journalRoute } from './webhooks/journal-route';
import { loadDemoIfEmpty } from './prisma/demo/load-demo';
import { demoPlaygroundPeople } from './prisma/demo/load-demo-people';
import { createReadModel } from './prisma/read-model';
import { createAccessLogStore } from './prisma/access-log-store';
import { startRetention } from './infra/retention';
import { createMemoryQuestionLimiter, createRedisQuestionLimiter } from './infra/question-limiter';
import { createAnswerService, type AnswerService } from './core/answers/answer-service';
import { playgroundRoute } from './webhooks/playground-route';
import IORedis from 'ioredis';
import type { RunnerHandle } from '@grammyjs/runner';
import { createBot, registerCommands, startPolling, type TelegramBot } from './bots/telegram';
import { createLinkService, type LinkService } from './core/linking';
import { createChatLogRef, type TChatLogRef } from './core/logging';
import { loadLinkCodePepper } from './infra/link-code-pepper';
import { createPepperCheck, pepperMismatchText, type PepperCheck } from './infra/pepper-fingerprint';
import { refuseLinkingOnPepperMismatch } from './infra/pepper-linking-guard';
import { makeDataDirPrivate, makeTreePrivate } from './infra/private-data-dir';
import { createDeploymentFactsStore } from './prisma/deployment-facts-store';
import { createMemorySeenOnce, createRedisSeenOnce } from './infra/seen-once';
import { createLinkingStore } from './prisma/linking-store';
import { createSubscriptionSettingsStore } from './prisma/subscription-settings-store';
import { createTeacherSettingsStore } from './prisma/teacher-settings-store';
import { telegramRoute } from './webhooks/telegram-route';
import { cliRoute } from './webhooks/cli-route';
import { createCliExecutor } from './cli/server-executor';
import { newServerToken, writeServerFile } from './infra/server-file';
import { createAliceSkill } from './skills/alice';
import { createAlexaSkill } from './skills/alexa';
import { alexaRoute } from './webhooks/alexa-route';
import { aliceRoute } from './webhooks/alice-route';
import { createOAuthService } from './core/oauth';
import { createOAuthStore } from './prisma/oauth-store';
import { oauthRoute } from './webhooks/oauth-route';
import { createVkBot, type TVkQueuedEvent, type VkBot } from './bots/vk';
import type { EventInbox } from './core/updates/event-inbox-port';
import { createInlineInbox, createRedisInbox, lazyInbox } from './infra/event-inbox';
import { createChatStatusStore } from './prisma/chat-status-store';
import { vkRoute } from './webhooks/vk-route';
import { createReminderRunner } from './core/reminders/reminder-runner';
import { createReminderStore } from './prisma/reminder-store';
import { createJournalPort } from './prisma/reminder-journal';
import { createReminderScheduler } from './infra/reminder-scheduler';
import { createJournalKeys, type JournalKeys } from './core/journal-keys/journal-keys';
import type { SecretSeal } from './core/journal-keys/journal-key-port';
import { createJournalKeyStore } from './prisma/journal-key-store';
import { loadJournalKeySeal } from './infra/journal-key-seal';

// Composition root: config → infra → core → channels → HTTP. Nothing else wires things together;
// `dnevnik start|serve|worker` (cli/) decide which parts run in a process (`npm start` = start).

export interface Runtime {
  config: TConfig;
  logger: Logger;
  metrics: TMetrics;
  db: Database;
  ingestStore: IngestStore;
  /** Schools' keys for the journal API (`dnevnik journal-keys`, X-Dnevnik-Key-Id). */
  journalKeys: JournalKeys;
  /** The one brain every channel (and the playground, and `dnevnik ask`) asks. */
  answers: AnswerService;
  /** Built when TELEGRAM_BOT_TOKEN is set; startTelegram connects it. */
  telegram?: TelegramBot;
  /** Built when VK_GROUP_TOKEN is set; startVk starts processing its inbox (and Long Poll without PUBLIC_URL). */
  vk?: { bot: VkBot; inbox: EventInbox<TVkQueuedEvent> };
  app: Express;
  /** Embedded database only: the token the CLI uses to run commands in this process (PGlite is single-process). */
  cliToken?: string;
  /** The link-code pepper, its check against the database's fingerprint, the shared linking service: loaded at the first call. */
  linkCodes: TChannelLinking;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger?: Logger;
  /** An already-open database (tests); otherwise opened from the config. */
  db?: Database;
  /** Skip the demo school even when DEMO is on (CLI commands that must not write). */
  skipDemo?: boolean;
}

export async function openRuntime(config: TConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const metrics = createMetrics();
  const db = options.db ?? (await openConfiguredDatabase(config, logger));
  const { applied } = await db.sql.session((sql) => applyMigrations(sql));
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');

  const ingestStore = createIngestStore(db.sql);
  const ingestOptions = { defaultTimezone: config.TZ_DEFAULT };
  const journalKeys = buildJournalKeys(config, db, logger);
  if (config.DEMO && !options.skipDemo) await loadDemoIfEmpty({ db, ingestStore, logger, timezone: config.TZ_DEFAULT });

  const limit = config.QUESTIONS_PER_MINUTE;
  const limiterRedis = limit > 0 && config.REDIS_URL ? new IORedis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true }) : undefined;
  const limiter = limit === 0 ? undefined : limiterRedis ? createRedisQuestionLimiter(limiterRedis, { limit }) : createMemoryQuestionLimiter({ limit });
  const readModel = createReadModel(db, config.TZ_DEFAULT);
  const answers = createAnswerService({
    ...readModel,
    defaultTimezone: config.TZ_DEFAULT,
    limiter,
    journal: createJournalPort(db),
  });
  const playground = playgroundRoute({ enabled: config.DEMO, answers, people: config.DEMO ? demoPlaygroundPeople() : [] });
  const linking = channelLinking(config, db, readModel.access, logger);
  const telegram = buildTelegram(config, db, answers, linking, logger);
  const voice = buildVoiceRoutes(config, db, answers, linking, logger);
  const vk = buildVk(config, db, answers, linking, logger);
  const runtimeRef: { current?: Runtime } = {};
  const cliToken = db.kind === 'pglite' ? newServerToken() : undefined;

  const app = createServer({
    logger,
    metrics,
    trustProxy: config.TRUST_PROXY,
    readiness: { database: () => db.ping() },
    routers: [
      journalRoute({ secret: config.JOURNAL_WEBHOOK_SECRET, keys: journalKeys, store: ingestStore, ingestOptions, metrics }),
      // config guarantees the secret in webhook mode
      ...(telegram && config.PUBLIC_URL ? [telegramRoute({ bot: telegram.bot, secret: config.TELEGRAM_WEBHOOK_SECRET! })] : []),
      ...(vk?.route ? [vk.route] : []),
      ...voice,
      ...(cliToken ? [cliRoute({ token: cliToken, execute: createCliExecutor(() => runtimeRef.current!) })] : []),
      playground,
    ],
  });
  logChannels(config, logger);
  const close = async () => {
    await telegram?.close();
    await vk?.close();
    limiterRedis?.disconnect();
    await db.close();
  };
  runtimeRef.current = { config, logger, metrics, db, ingestStore, journalKeys, answers, telegram: telegram?.bot, vk, app, cliToken, linkCodes: linking, close };
  return runtimeRef.current;
}

/**
 * The database the config names. DATA_DIR is made owner-only first — created so with the embedded
 * database, and with PostgreSQL too when it exists, for the secrets it holds — and again once
 * PGlite has written its files, which it leaves readable by others (infra/private-data-dir.ts).
 */
async function openConfiguredDatabase(config: TConfig, logger: Logger): Promise<Database> {
  const found = makeDataDirPrivate(config.DATA_DIR, { create: config.embedded });
  if (found?.exposed) logger.warn({ dataDir: config.DATA_DIR, fixed: found.fixed }, 'DATA_DIR was open to other local users: made it and everything in it owner-only');
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: path.join(config.DATA_DIR, 'pglite') });
  if (db.kind === 'pglite') makeTreePrivate(config.DATA_DIR);
  return db;
}

/**
 * Schools' journal keys. The seal key is read (or generated into DATA_DIR) when a secret is first
 * sealed or opened, not at start: most commands, and requests naming no live key, never need it.
 */
function buildJournalKeys(config: TConfig, db: Database, logger: Logger): JournalKeys {
  let loaded: SecretSeal | undefined;
  const seal = () => (loaded ??= loadJournalKeySeal(config));
  return createJournalKeys({
    store: createJournalKeyStore(db),
    seal: { seal: (plain) => seal().seal(plain), open: (sealed) => seal().open(sealed), isCurrent: (sealed) => seal().isCurrent(sealed) },
    onUnopenable: (keyId) => logger.error({ keyId }, 'journal key sealed under a seal key this process lacks: set JOURNAL_KEY_SEAL_KEY (and _PREVIOUS) as on the host that created it'),
  });
}

/**
 * The link-code pepper and the one linking service every channel shares; read only once a channel
 * asks (the CLI opens runtimes too). The chats' log references are keyed from the pepper, so they
 * match across restarts and processes and mean nothing without it.
 */
type TChannelLinking = () => { pepper: Uint8Array; check: PepperCheck; linking: LinkService; chatLogRef: TChatLogRef };

function channelLinking(config: TConfig, db: Database, access: AccessReader, logger: Logger): TChannelLinking {
  let made: ReturnType<TChannelLinking> | undefined;
  return () => {
    if (!made) {
      const pepper = loadLinkCodePepper(config, logger);
      const check = loggingPepperMismatch(createPepperCheck(createDeploymentFactsStore(db), pepper), logger);
      const linking = refuseLinkingOnPepperMismatch(createLinkService({ store: createLinkingStore(db), access, pepper }), check);
      made = { pepper, check, linking, chatLogRef: createChatLogRef(pepper) };
    }
    return made;
  };
}

/** One error line per process for a pepper the database does not know, at start or whenever it began. */
function loggingPepperMismatch(check: PepperCheck, logger: Logger): PepperCheck {
  let told = false;
  return {
    ...check,
    async verify() {
      const verdict = await check.verify();
      if (!verdict.ok && !told) {
        told = true;
        logger.error({ fingerprint: verdict.fingerprint, recorded: verdict.recorded }, `linking refused: ${pepperMismatchText(verdict)}`);
      }
      return verdict;
    },
  };
}

/** The Telegram bot when its token is set; building it makes no network call (the CLI opens runtimes too). */
function buildTelegram(config: TConfig, db: Database, answers: AnswerService, channel: TChannelLinking, logger: Logger) {
  if (!config.TELEGRAM_BOT_TOKEN) return undefined;
  // Updates are remembered in Redis when several processes may receive them.
  const redis = config.REDIS_URL ? new IORedis(config.REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  const bot = createBot({
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    answers,
    linking: channel().linking,
    settings: createSubscriptionSettingsStore(db.prisma),
    teacherSettings: createTeacherSettingsStore(db),
    seenOnce: redis ? createRedisSeenOnce(redis, 'dnevnik:tg-update:') : createMemorySeenOnce(),
    chats: createChatStatusStore(db.prisma),
    logger: logger.child({ channel: 'telegram' }),
    chatLogRef: channel().chatLogRef,
    polling: !config.PUBLIC_URL,
  });
  return { bot, close: async () => void (await redis?.quit()) };
}

/**
 * The VK bot when its token is set. Events wait in Redis when REDIS_URL is set (any number of
 * server processes share them); otherwise they are handled before VK is told "ok". Nothing
 * connects until the first event or startVk (the CLI opens runtimes too).
 */
function buildVk(config: TConfig, db: Database, answers: AnswerService, channel: TChannelLinking, logger: Logger) {
  if (!config.VK_GROUP_TOKEN || !config.VK_GROUP_ID) return undefined;
  const log = logger.child({ channel: 'vk' });
  const groupId = config.VK_GROUP_ID;
  const onError = (err: unknown) => log.error({ err }, 'vk inbox error');
  const redisUrl = config.REDIS_URL;
  const inbox = lazyInbox<TVkQueuedEvent>(() =>
    redisUrl ? createRedisInbox(redisUrl, { name: `dnevnik-vk-${groupId}`, onError }) : createInlineInbox(createMemorySeenOnce(), { onError }),
  );
  const bot = createVkBot({
    token: config.VK_GROUP_TOKEN,
    groupId,
    apiBaseUrl: config.VK_API_BASE_URL,
    answers,
    linking: channel().linking,
    settings: createSubscriptionSettingsStore(db.prisma),
    teacherSettings: createTeacherSettingsStore(db),
    chats: createChatStatusStore(db.prisma),
    logger: log,
    chatLogRef: channel().chatLogRef,
  });
  const { VK_CALLBACK_SECRET: secret, VK_CONFIRMATION: confirmation } = config;
  // config guarantees the secret and the confirmation string in Callback API mode
  const route = config.PUBLIC_URL && secret && confirmation ? vkRoute({ groupId, secret, confirmation, inbox }) : undefined;
  return {
    bot,
    inbox,
    route,
    close: async () => {
      await bot.stop();
      await inbox.close();
    },
  };
}

/** The voice skills' webhooks (and Alice's sign-in pages) for those whose ids are set. */
function buildVoiceRoutes(config: TConfig, db: Database, answers: AnswerService, channel: TChannelLinking, logger: Logger) {
  if (!config.ALICE_SKILL_ID && !config.ALEXA_SKILL_ID) return [];
  const { pepper, linking } = channel();
  const routes = [];
  if (config.ALICE_SKILL_ID) {
    const oauth =
      config.ALICE_OAUTH_CLIENT_ID && config.ALICE_OAUTH_CLIENT_SECRET
        ? createOAuthService({
            store: createOAuthStore(db),
            linking,
            pepper,
            clients: [{ channel: 'alice', id: config.ALICE_OAUTH_CLIENT_ID, secret: config.ALICE_OAUTH_CLIENT_SECRET, redirectUris: config.ALICE_OAUTH_REDIRECT_URIS }],
          })
        : undefined;
    const alice = createAliceSkill({
      skillId: config.ALICE_SKILL_ID,
      answers,
      linking,
      timezone: config.TZ_DEFAULT,
      chatForToken: oauth?.chatForToken,
      logger: logger.child({ channel: 'alice' }),
    });
    routes.push(aliceRoute(alice, { pathSecret: config.ALICE_WEBHOOK_PATH_SECRET }), ...(oauth ? [oauthRoute(oauth, { publicUrl: config.PUBLIC_URL })] : []));
  }
  if (config.ALEXA_SKILL_ID) {
    const alexa = createAlexaSkill({ skillId: config.ALEXA_SKILL_ID, answers, linking, timezone: config.TZ_DEFAULT, logger: logger.child({ channel: 'alexa' }) });
    routes.push(alexaRoute({ skill: alexa, skillId: config.ALEXA_SKILL_ID, verify: config.ALEXA_VERIFY_SIGNATURE }));
  }
  return routes;
}

/** Connects the bot: the webhook (PUBLIC_URL set) or long polling, and the command menus. Telegram being unreachable does not stop the server. */
export async function startTelegram(runtime: Runtime): Promise<RunnerHandle | undefined> {
  const { telegram: bot, config, logger } = runtime;
  if (!bot) return undefined;
  try {
    await bot.init();
    await registerCommands(bot.api);
    if (config.PUBLIC_URL) {
      const url = new URL('/webhooks/telegram', config.PUBLIC_URL).toString();
      await bot.api.setWebhook(url, { secret_token: config.TELEGRAM_WEBHOOK_SECRET, allowed_updates: ['message', 'callback_query', 'my_chat_member'] });
      logger.info({ botId: bot.botInfo.id, url }, 'Telegram webhook set');
      return undefined;
    }
    const runner = await startPolling(bot);
    logger.info({ botId: bot.botInfo.id }, 'Telegram long polling started');
    const closeRuntime = runtime.close;
    runtime.close = async () => {
      if (runner.isRunning()) await runner.stop();
      await closeRuntime();
    };
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
    if (config.PUBLIC_URL) {
      logger.info({ groupId: config.VK_GROUP_ID, url: new URL('/webhooks/vk', config.PUBLIC_URL).toString() }, 'VK Callback API ready');
      return;
    }
    await vk.bot.startPolling((event) => vk.inbox.put(event.event_id, event));
    logger.info({ groupId: config.VK_GROUP_ID }, 'VK Bots Long Poll started');
  } catch (err) {
    logger.error({ err }, 'VK bot could not start');
  }
}

/** Settings meant for a developer's machine, said once at start so they are not left on by accident. */
function warnUnsafeSettings(config: TConfig, logger: Logger) {
  if (!config.ALEXA_VERIFY_SIGNATURE) {
    logger.warn('ALEXA_VERIFY_SIGNATURE=false: Alexa requests are accepted without checking Amazon\'s signature and timestamp (local simulators only)');
  }
}

/** One line per channel that is not started, so an operator sees why a bot is silent. */
function logChannels(config: TConfig, logger: Logger) {
  if (!config.TELEGRAM_BOT_TOKEN) logger.info('Telegram bot not started: TELEGRAM_BOT_TOKEN is not set');
  if (!config.VK_GROUP_TOKEN) logger.info('VK bot not started: VK_GROUP_TOKEN is not set');
  if (!config.ALICE_SKILL_ID) logger.info('Alice skill not started: ALICE_SKILL_ID is not set');
  else if (!config.ALICE_WEBHOOK_PATH_SECRET) {
    logger.warn('Alice skill on the open path /webhooks/alice: anyone who knows the public skill_id can post to it; set ALICE_WEBHOOK_PATH_SECRET and enter /webhooks/alice/<secret> in Yandex Dialogs');
  }
  if (!config.ALEXA_SKILL_ID) logger.info('Alexa skill not started: ALEXA_SKILL_ID is not set');
  if (!config.JOURNAL_WEBHOOK_SECRET) logger.info('Journal operator key off: JOURNAL_WEBHOOK_SECRET is not set (schools\' own keys are accepted)');
}

export async function serve(runtime: Runtime): Promise<Server> {
  await checkLinkCodePepper(runtime);
  warnUnsafeSettings(runtime.config, runtime.logger);
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
  runtime.logger.info({ port, host: host ?? 'all interfaces', database: runtime.db.kind }, `dnevnik listening on http://${shown}:${port}`);
  if (runtime.cliToken) {
    const removeServerFile = writeServerFile(runtime.config.DATA_DIR, { pid: process.pid, port, token: runtime.cliToken });
    const closeRuntime = runtime.close;
    runtime.close = async () => {
      removeServerFile();
      await closeRuntime();
    };
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
  const worker = createAlertWorker({ config: runtime.config, store: createAlertStore(runtime.db.sql), logger: runtime.logger, metrics: runtime.metrics });
  await worker.start();
  // The worker side also runs the retention purges (access log kept a year, pending links 15 minutes).
  const retention = startRetention({ accessLog: createAccessLogStore(runtime.db), pendingLinks: createLinkingStore(runtime.db), logger: runtime.logger });
  const closeRuntime = runtime.close;
  runtime.close = async () => {
    await retention.close();
    await worker.close();
    await closeRuntime();
  };
  await startReminders(runtime, worker);
  return worker;
}

/** Teacher reminders next to the alerts worker, whose delivery sends them; stopped before it. */
async function startReminders(runtime: Runtime, worker: AlertWorker): Promise<void> {
  const runner = createReminderRunner({ store: createReminderStore(runtime.db.sql), deliver: (ids) => worker.pipeline.deliver(ids) });
  const scheduler = createReminderScheduler({ runner, logger: runtime.logger.child({ job: 'reminders' }), redisUrl: runtime.config.REDIS_URL });
  await scheduler.start();
  const closeRuntime = runtime.close;
  runtime.close = async () => {
    await scheduler.close();
    await closeRuntime();
  };
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
