import type { Logger } from '../infra/logger';
import type { Database } from '../prisma/db/database';
import { applyMigrations, migrationStatus } from '../prisma/db/migrate';

/**
 * The database schema a process starts on. By default the process applies pending migrations
 * itself. With MIGRATE_ON_START=false (several web and worker processes beside a one-shot
 * `dnevnik migrate`) it applies nothing but refuses to run on a schema older than its code: a
 * process that queried tables or columns it expects but that are not there yet would fail
 * request by request instead of once, at start.
 */
export async function prepareSchema(db: Database, apply: boolean, logger: Logger): Promise<void> {
  if (apply) {
    const { applied } = await db.sql.session((sql) => applyMigrations(sql));
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    return;
  }
  const { pending } = await db.sql.session((sql) => migrationStatus(sql));
  if (pending.length > 0) throw new SchemaBehindError(pending);
}

export class SchemaBehindError extends Error {
  constructor(readonly pending: string[]) {
    super(
      `the database is ${pending.length} migration(s) behind this version (first: ${pending[0]}) and ` +
        'MIGRATE_ON_START=false: run `dnevnik migrate` first',
    );
    this.name = 'SchemaBehindError';
  }
}
