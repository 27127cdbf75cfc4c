import type { Express } from 'express';
import type { TelegramBot } from '../bots/telegram';
import type { TVkQueuedEvent, VkBot } from '../bots/vk';
import type { AnswerService } from '../core/answers';
import type { IngestStore } from '../core/ingest';
import type { JournalKeys } from '../core/journal-keys';
import type { EventInbox } from '../core/updates';
import type { TConfig } from '../infra/config';
import type { Logger } from '../infra/logger';
import type { TMetrics } from '../infra/metrics';
import type { Database } from '../prisma/db/database';
import type { Stores } from '../prisma/stores';
import type { TChannelLinking } from './channel-linking';
import type { TCloser } from './closers';
import type { TMaxChannel } from './max-channel';

// What one process runs on: built by openRuntime (main.ts), used by `dnevnik` commands (cli/) and
// tests. A type of its own so that cli/ and main.ts do not import each other.

export interface Runtime {
  config: TConfig;
  logger: Logger;
  metrics: TMetrics;
  db: Database;
  /** Every store over `db`, built once. */
  stores: Stores;
  ingestStore: IngestStore;
  /** Schools' keys for the journal API (`dnevnik journal-keys`, X-Dnevnik-Key-Id). */
  journalKeys: JournalKeys;
  /** The one brain every channel (and the playground, and `dnevnik ask`) asks. */
  answers: AnswerService;
  /** Built when TELEGRAM_BOT_TOKEN is set; startTelegram connects it. */
  telegram?: TelegramBot;
  /** Built when VK_GROUP_TOKEN is set; startVk starts processing its inbox (and Long Poll without PUBLIC_URL). */
  vk?: { bot: VkBot; inbox: EventInbox<TVkQueuedEvent> };
  /** Built when MAX_BOT_TOKEN is set; startMax starts processing its inbox (and long polling without PUBLIC_URL). */
  max?: TMaxChannel;
  app: Express;
  /** /readyz's checks: the database, and Redis when REDIS_URL is set (the web app's and a worker's port). */
  readiness: Record<string, () => Promise<boolean>>;
  /** Embedded database only: the token the CLI uses to run commands in this process (PGlite is single-process). */
  cliToken?: string;
  /** The link-code pepper, its check against the database's fingerprint, the shared linking service: loaded at the first call. */
  linkCodes: TChannelLinking;
  /** Registers what to release on close; the last registered is closed first. */
  onClose(closer: TCloser): void;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger?: Logger;
  /** An already-open database (tests); otherwise opened from the config. */
  db?: Database;
  /** Skip the demo school even when DEMO is on (CLI commands that must not write). */
  skipDemo?: boolean;
  /** Apply pending migrations even with MIGRATE_ON_START=false (`dnevnik migrate`). */
  migrate?: boolean;
  /**
   * What this process is (`dnevnik start`, `dnevnik import`), written into DATA_DIR's lock with the
   * embedded database so that a second process can say who holds it; the process's own arguments
   * when not given.
   */
  command?: string;
}
