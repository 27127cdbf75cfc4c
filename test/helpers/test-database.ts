import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { type Database, openDatabase, type TDatabaseKind } from '../../prisma/db/database';
import { applyMigrations } from '../../prisma/db/migrate';
import { templatePrefix, testRun } from '../setup/test-run';

// Real databases for tests: a migrated in-memory PGlite, or a database of its own on the
// PostgreSQL server named by DATABASE_URL. Neither migrates per test or per file: the migrations
// run once per test run — on PostgreSQL into a template database that every test database is
// copied from (`CREATE DATABASE … TEMPLATE`), on PGlite into a snapshot kept in the run's cache
// directory that every PGlite is loaded from. test/setup/global-teardown.ts removes both.

export const postgresUrl = process.env.DATABASE_URL;

/** The database kinds to run contract tests on; PostgreSQL is skipped (reported) when DATABASE_URL is unset. */
export const DATABASE_KINDS: { kind: TDatabaseKind; describe: jest.Describe }[] = [
  { kind: 'pglite', describe },
  { kind: 'postgres', describe: postgresUrl ? describe : describe.skip },
];

export interface TestDatabase extends Database {
  /**
   * Empties every table (the migrations' bookkeeping excepted), as a freshly created database
   * is: for a file whose tests each need an empty database, at a fraction of a new one's cost.
   */
  reset(): Promise<void>;
  /** Drops the scratch database (PostgreSQL) or closes the in-memory one. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(kind: TDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteSnapshot() });
    return { ...db, reset: resetter(db), destroy: () => db.close() };
  }
  if (!postgresUrl) throw new Error('DATABASE_URL is not set');
  const scratch = await createPostgresDatabase(postgresUrl);
  return { ...scratch.db, reset: resetter(scratch.db), destroy: scratch.destroy };
}

/**
 * The embedded database of a DATA_DIR (`dataDir` is its pglite folder, which must not exist yet),
 * migrated, for a test to fill before the real `dnevnik` command runs on it: loaded from the run's
 * snapshot rather than made by initdb and the migrations. The caller closes it.
 */
export async function openMigratedDataDir(dataDir: string): Promise<Database> {
  return openDatabase({ dataDir, loadDataDir: await pgliteSnapshot() });
}

// --- PostgreSQL ---------------------------------------------------------------------------------

export interface TPostgresDatabase {
  /** Its own URL, for a child process to use too. */
  url: string;
  db: Database;
  destroy(): Promise<void>;
}

/** A migrated database of its own on the server of `adminUrl`: a copy of the run's template. */
export async function createPostgresDatabase(adminUrl: string, prefix = 'dnevnik_test'): Promise<TPostgresDatabase> {
  const template = await migratedTemplate(adminUrl);
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = databaseUrl(adminUrl, name);
  const db = await openDatabase({ databaseUrl: url });
  return {
    url,
    db,
    destroy: async () => {
      await db.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const templates = new Map<string, Promise<string>>();

/**
 * The run's migrated template on the server of `adminUrl`, built by the first test that needs it.
 * Jest workers run test files side by side, so the build is done under an advisory lock: the
 * others wait for it, then find the template there. Nothing may stay connected to a template (a
 * copy is refused while anyone is), so it is migrated over one connection that is closed after.
 */
function migratedTemplate(adminUrl: string): Promise<string> {
  let template = templates.get(adminUrl);
  if (!template) {
    template = buildTemplate(adminUrl);
    // A failed build is tried again by the next test rather than failing every later one.
    template.catch(() => templates.delete(adminUrl));
    templates.set(adminUrl, template);
  }
  return template;
}

async function buildTemplate(adminUrl: string): Promise<string> {
  const name = templatePrefix(testRun().id);
  return withAdmin(adminUrl, async (admin) => {
    await admin.query(`SELECT pg_advisory_lock(hashtext($1))`, [name]);
    try {
      const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
      if (rowCount) return name;
      await admin.query(`CREATE DATABASE ${name}`);
      const client = new Client({ connectionString: databaseUrl(adminUrl, name) });
      try {
        await client.connect();
        await applyMigrations({
          exec: async (sql) => void (await client.query(sql)),
          query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
        });
      } catch (err) {
        await client.end().catch(() => undefined);
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        throw err;
      }
      await client.end();
      return name;
    } finally {
      await admin.query(`SELECT pg_advisory_unlock(hashtext($1))`, [name]);
    }
  });
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const adminQuery = (adminUrl: string, sql: string) =>
  withAdmin(adminUrl, async (client) => void (await client.query(sql)));

// --- PGlite -------------------------------------------------------------------------------------

let snapshot: Promise<Blob> | undefined;

/**
 * A migrated PGlite's data directory. A new PGlite runs initdb (seconds) and the migrations; one
 * loaded from this is ready several times sooner. Jest gives each test file its own modules, so
 * the snapshot is shared through a file: the first file of the run to need it builds it (under a
 * lock file, so that workers starting together build it once), the others read it.
 */
function pgliteSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    const file = path.join(testRun().cacheDir, 'pglite-migrated.tar');
    const cached = await sharedFile(file, async () => {
      const db = await openDatabase({ dataDir: 'memory://' });
      try {
        await db.sql.session((sql) => applyMigrations(sql));
        return Buffer.from(await (await db.snapshot!()).arrayBuffer());
      } finally {
        await db.close();
      }
    });
    return new Blob([cached]);
  })();
  snapshot.catch(() => (snapshot = undefined));
  return snapshot;
}

/**
 * The content of `file`, made by `make` when it does not exist yet. Whoever creates `<file>.lock`
 * makes it; the others wait for the file (written under another name, then renamed, so it is never
 * read half-written). A maker that died leaves its lock behind: then, after `staleMs`, make it here.
 */
async function sharedFile(
  file: string,
  make: () => Promise<Buffer<ArrayBuffer>>,
  staleMs = 180_000,
): Promise<Buffer<ArrayBuffer>> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lock = `${file}.lock`;
  const deadline = Date.now() + staleMs;
  for (;;) {
    if (fs.existsSync(file)) return fs.readFileSync(file);
    let mine = false;
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      mine = true;
    } catch {
      // someone else is making it
    }
    if (mine || Date.now() > deadline) {
      try {
        const content = await make();
        const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
        fs.writeFileSync(tmp, content);
        fs.renameSync(tmp, file);
        return content;
      } finally {
        if (mine) fs.rmSync(lock, { force: true });
      }
    }
    await new Promise((r) => setTimeout(r, 100));
    // The maker failed and let go of the lock: try to take it.
  }
}

// --- reset --------------------------------------------------------------------------------------

function resetter(db: Database): () => Promise<void> {
  let truncate: string | undefined;
  return async () => {
    if (truncate === undefined) {
      const tables = await db.sql.query<{ name: string }>(
        `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
      );
      truncate = tables.length ? `TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE` : '';
    }
    if (truncate) await db.sql.exec(truncate);
  };
}
