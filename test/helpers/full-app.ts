import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { checkLinkCodePepper, openRuntime, type Runtime, startMax, startTelegram, startVk } from '../../main';
import type { Database } from '../../prisma/db/database';
import type { PlatformStub } from './platform-stub';

/**
 * The whole server as `dnevnik serve` builds it — every channel on, webhooks mode — over a given
 * database, its Telegram and VK calls answered by a local platform stub (MAX's by a MAX stub the
 * caller names in env).
 */
export async function openFullRuntime(
  db: Database,
  platform: PlatformStub,
  env: Record<string, string>,
): Promise<Runtime> {
  const config = parseConfig({
    ...env,
    TELEGRAM_API_ROOT: platform.telegramApiRoot,
    VK_API_BASE_URL: platform.vkApiBase,
    DATA_DIR: os.tmpdir(),
    LINK_CODE_PEPPER: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    DEMO: 'false',
  });
  const runtime = await openRuntime(config, { db, logger: createLogger('silent') });
  // As `dnevnik serve` does before listening: the pepper's fingerprint is recorded now, not by the first request.
  await checkLinkCodePepper(runtime);
  await startTelegram(runtime);
  await startVk(runtime);
  // Only with MAX_BOT_TOKEN in env, whose MAX_API_BASE_URL then names the caller's MAX stub.
  await startMax(runtime);
  return runtime;
}

/** Rows per table, to show that a run of requests changed nothing. */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  const tables = await db.sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`))[0].n);
  return counts;
}
