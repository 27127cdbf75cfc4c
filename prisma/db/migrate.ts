// Applies prisma/migrations at start, on PostgreSQL and on PGlite alike. The Prisma CLI cannot run
// `migrate deploy` where its native engine cannot be downloaded, so this does the same job and
// keeps the same `_prisma_migrations` bookkeeping: a deployment that has the CLI can take over the
// same database and folder at any time.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * One database session. It must be a single connection (a pg `Client`, or a PGlite instance), not a
 * pool: the advisory lock and the BEGIN/COMMIT around each migration belong to the session.
 */
export interface MigrationSql {
  /** runs a multi-statement SQL script (pg simple query protocol / PGlite exec) */
  exec(sql: string): Promise<void>;
  /** one parameterised statement, returns rows */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
  /** checksum of the same script with LF line endings: a CRLF checkout is not an edit */
  lfChecksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

const defaultDir = path.join(__dirname, '..', 'migrations');
// The key `prisma migrate` itself locks, so this runner and the CLI also exclude each other.
const lockKey = 72707369;

// Exactly the table the schema engine creates for PostgreSQL.
const createTableSql = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The migration folders in apply order: their names start with a UTC timestamp. */
function readMigrations(dir: string): LocalMigration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!fs.existsSync(file)) throw new Error(`Migration ${name} has no migration.sql (${file})`);
      const sql = fs.readFileSync(file, 'utf8');
      return { name, sql, checksum: sha256(sql), lfChecksum: sha256(sql.replace(/\r\n/g, '\n')) };
    });
}

async function hasMigrationsTable(db: MigrationSql): Promise<boolean> {
  const [row] = await db.query<{ exists: boolean }>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`);
  return row?.exists === true;
}

/** Rows that still count: a rolled-back row is only an audit trail, as in Prisma. */
async function liveRows(db: MigrationSql): Promise<AppliedRow[]> {
  if (!(await hasMigrationsTable(db))) return [];
  return db.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations
     WHERE rolled_back_at IS NULL ORDER BY started_at, migration_name`,
  );
}

/** Refuses to build on a history that is not what the folder says it is. */
function assertHistoryIntact(rows: AppliedRow[], local: LocalMigration[]): void {
  const byName = new Map(local.map((m) => [m.name, m]));
  for (const row of rows) {
    if (row.finished_at === null) {
      throw new Error(
        `Migration ${row.migration_name} failed earlier and may be half-applied; no migration will run until ` +
          `it is resolved. Check the database, then mark it: UPDATE _prisma_migrations SET rolled_back_at = now() ` +
          `WHERE migration_name = '${row.migration_name}' AND finished_at IS NULL ` +
          `(or \`prisma migrate resolve --rolled-back ${row.migration_name}\`).`,
      );
    }
    const file = byName.get(row.migration_name);
    if (file && row.checksum !== file.checksum && row.checksum !== file.lfChecksum) {
      throw new Error(
        `Migration ${row.migration_name} was edited after it was applied (checksum ${row.checksum} in ` +
          `_prisma_migrations, ${file.checksum} on disk). Restore the applied migration.sql and put the change ` +
          `in a new migration.`,
      );
    }
  }
}

/** Runs one migration and its bookkeeping in one transaction: it applies whole or not at all. */
async function applyOne(db: MigrationSql, m: LocalMigration): Promise<void> {
  const id = randomUUID();
  try {
    await db.exec('BEGIN');
    await db.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
      id,
      m.checksum,
      m.name,
    ]);
    await db.exec(m.sql);
    await db.query(`UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await db.exec('COMMIT');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await db.exec('ROLLBACK').catch(() => undefined);
    // Kept as a rolled-back row, the way Prisma records a resolved failure: the reason stays
    // visible, and the next start tries again once the file is fixed.
    await db
      .query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, rolled_back_at) VALUES ($1, $2, $3, $4, now())`,
        [randomUUID(), m.checksum, m.name, message],
      )
      .catch(() => undefined);
    throw new Error(`Migration ${m.name} failed and was rolled back, the database is unchanged by it: ${message}`, {
      cause: e,
    });
  }
}

/** Applies every migration in `dir` that the database has not applied yet, oldest first. */
export async function applyMigrations(db: MigrationSql, dir = defaultDir): Promise<{ applied: string[] }> {
  const local = readMigrations(dir);
  // Session-level lock, held across the per-migration transactions: a second process starting
  // at the same time waits here, then finds everything applied.
  await db.query(`SELECT pg_advisory_lock(${lockKey})`);
  try {
    await db.exec(createTableSql);
    const rows = await liveRows(db);
    assertHistoryIntact(rows, local);
    const done = new Set(rows.map((r) => r.migration_name));
    const applied: string[] = [];
    for (const m of local) {
      if (done.has(m.name)) continue;
      await applyOne(db, m);
      applied.push(m.name);
    }
    return { applied };
  } finally {
    await db.query(`SELECT pg_advisory_unlock(${lockKey})`);
  }
}

/** What is applied (finished, not rolled back) and what `applyMigrations` would still run. */
export async function migrationStatus(
  db: MigrationSql,
  dir = defaultDir,
): Promise<{ applied: string[]; pending: string[] }> {
  const local = readMigrations(dir);
  const applied = (await liveRows(db)).filter((r) => r.finished_at !== null).map((r) => r.migration_name);
  const done = new Set(applied);
  return { applied, pending: local.map((m) => m.name).filter((name) => !done.has(name)) };
}
