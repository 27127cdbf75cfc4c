import path from 'node:path';
import type { TConfig } from '../infra/config';
import type { Logger } from '../infra/logger';
import { makeDataDirPrivate, makeTreePrivate } from '../infra/private-data-dir';
import { openDatabase, type Database } from '../prisma/db/database';

/**
 * The database the config names. DATA_DIR is made owner-only first — created so with the embedded
 * database, and with PostgreSQL too when it exists, for the secrets it holds — and again once
 * PGlite has written its files, which it leaves readable by others (infra/private-data-dir.ts).
 */
export async function openConfiguredDatabase(config: TConfig, logger: Logger): Promise<Database> {
  const found = makeDataDirPrivate(config.DATA_DIR, { create: config.embedded });
  if (found?.exposed) logger.warn({ dataDir: config.DATA_DIR, fixed: found.fixed }, 'DATA_DIR was open to other local users: made it and everything in it owner-only');
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: path.join(config.DATA_DIR, 'pglite') });
  if (db.kind === 'pglite') makeTreePrivate(config.DATA_DIR);
  return db;
}
