import path from 'node:path';
import type { TConfig } from '../infra/config';
import { lockDataDir } from '../infra/data-dir-lock';
import type { Logger } from '../infra/logger';
import { makeDataDirPrivate, makeTreePrivate } from '../infra/private-data-dir';
import { type Database, openDatabase } from '../prisma/db/database';
import type { TCloser } from './closers';

export interface TDatabaseHolder {
  /** What opens the database, named to a second process the lock turns away (`dnevnik start`). */
  command: string;
  /** Registers the lock's release; registered before the database's own closer, it runs after it. */
  onClose(closer: TCloser): void;
}

/**
 * The database the config names. DATA_DIR is made owner-only first — created so with the embedded
 * database, and with PostgreSQL too when it exists, for the secrets it holds — and again once
 * PGlite has written its files, which it leaves readable by others (infra/private-data-dir.ts).
 * The embedded database is opened only under DATA_DIR's lock (infra/data-dir-lock.ts): PGlite
 * serves one process. PostgreSQL serves many, and needs none.
 */
export async function openConfiguredDatabase(
  config: TConfig,
  logger: Logger,
  holder: TDatabaseHolder,
): Promise<Database> {
  const found = makeDataDirPrivate(config.DATA_DIR, { create: config.embedded });
  if (found?.exposed)
    logger.warn(
      { dataDir: config.DATA_DIR, fixed: found.fixed },
      'DATA_DIR was open to other local users: made it and everything in it owner-only',
    );
  if (!config.embedded) return openDatabase({ databaseUrl: config.DATABASE_URL });
  const unlock = lockDataDir(config.DATA_DIR, holder.command);
  holder.onClose(unlock);
  let db: Database;
  try {
    db = await openDatabase({ dataDir: path.join(config.DATA_DIR, 'pglite') });
  } catch (err) {
    unlock();
    throw err;
  }
  makeTreePrivate(config.DATA_DIR);
  return db;
}
