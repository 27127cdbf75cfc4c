import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, type Database, type TDatabaseKind } from '../../prisma/db/database';
import { applyMigrations } from '../../prisma/db/migrate';

// Real databases for tests: a migrated in-memory PGlite (cloned from a snapshot, ≈0.5 s instead
// of ≈3 s), or a fresh database on the PostgreSQL server named by DATABASE_URL.

export const postgresUrl = process.env.DATABASE_URL;

/** The database kinds to run contract tests on; PostgreSQL is skipped (reported) when DATABASE_URL is unset. */
export const DATABASE_KINDS: { kind: TDatabaseKind; describe: jest.Describe }[] = [
  { kind: 'pglite', describe },
  { kind: 'postgres', describe: postgresUrl ? describe : describe.skip },
];

let snapshot: Promise<Blob> | undefined;

async function pgliteSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    await db.sql.session((sql) => applyMigrations(sql));
    const dump = await db.snapshot!();
    await db.close();
    return dump;
  })();
  return snapshot;
}

export interface TestDatabase extends Database {
  /** Drops the scratch database (PostgreSQL) or closes the in-memory one. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(kind: TDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteSnapshot() });
    return { ...db, destroy: () => db.close() };
  }
  if (!postgresUrl) throw new Error('DATABASE_URL is not set');
  const name = `dnevnik_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  await db.sql.session((sql) => applyMigrations(sql));
  return {
    ...db,
    destroy: async () => {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(sql: string) {
  const client = new Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
