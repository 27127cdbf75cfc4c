import path from 'node:path';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { createIngestStore } from './prisma/ingest-store';
import { openDatabase, type Database } from './prisma/database';
import { applyMigrations } from './prisma/migrate';
import { ConfigError, parseConfig, type TConfig } from './infra/config';
import { createLogger, type Logger } from './infra/logger';
import { createMetrics, type TMetrics } from './infra/metrics';
import type { IngestStore } from './core/ingest/ingest-port';
import { createServer } from './webhooks/app';
import { journalRoute } from './webhooks/journal-route';
import { loadDemoIfEmpty } from './prisma/demo/load-demo';

// Composition root: config → infra → core → channels → HTTP. Nothing else wires things together
// (the CLI reuses openRuntime).

export interface Runtime {
  config: TConfig;
  logger: Logger;
  metrics: TMetrics;
  db: Database;
  ingestStore: IngestStore;
  app: Express;
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
  const db = options.db ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: path.join(config.DATA_DIR, 'pglite') }));
  const { applied } = await db.sql.session((sql) => applyMigrations(sql));
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');

  const ingestStore = createIngestStore(db.sql);
  const ingestOptions = { defaultTimezone: config.TZ_DEFAULT };
  if (config.DEMO && !options.skipDemo) await loadDemoIfEmpty({ db, ingestStore, logger, timezone: config.TZ_DEFAULT });

  const app = createServer({
    logger,
    metrics,
    readiness: { database: () => db.ping() },
    routers: [journalRoute({ secret: config.JOURNAL_WEBHOOK_SECRET, store: ingestStore, ingestOptions, metrics })],
  });
  logChannels(config, logger);
  return { config, logger, metrics, db, ingestStore, app, close: () => db.close() };
}

/** One line per channel that is not started, so an operator sees why a bot is silent. */
function logChannels(config: TConfig, logger: Logger) {
  if (!config.TELEGRAM_BOT_TOKEN) logger.info('Telegram bot not started: TELEGRAM_BOT_TOKEN is not set');
  if (!config.VK_GROUP_TOKEN) logger.info('VK bot not started: VK_GROUP_TOKEN is not set');
  if (!config.ALICE_SKILL_ID) logger.info('Alice skill not started: ALICE_SKILL_ID is not set');
  if (!config.ALEXA_SKILL_ID) logger.info('Alexa skill not started: ALEXA_SKILL_ID is not set');
  if (!config.JOURNAL_WEBHOOK_SECRET) logger.info('Journal ingestion API closed: JOURNAL_WEBHOOK_SECRET is not set');
}

export async function serve(runtime: Runtime): Promise<Server> {
  const server = runtime.app.listen(runtime.config.PORT);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : runtime.config.PORT;
  runtime.logger.info({ port, database: runtime.db.kind }, `dnevnik listening on http://localhost:${port}`);
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

export async function main() {
  let config: TConfig;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const runtime = await openRuntime(config);
  const server = await serve(runtime);
  shutdownOnSignals(runtime, server);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`dnevnik failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
