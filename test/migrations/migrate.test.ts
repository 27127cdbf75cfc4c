import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { applyMigrations, type MigrationSql, migrationStatus } from '../../prisma/db/migrate';

const root = path.join(__dirname, '..', '..');
const migrationsDir = path.join(root, 'prisma', 'migrations');
const migrationNames = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
// Every table the migrations create, so the test follows the schema without being edited.
const expectedTables = migrationNames
  .flatMap((name) => [
    ...fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8').matchAll(/CREATE TABLE "(\w+)"/g),
  ])
  .map((m) => m[1]);

interface Session {
  db: MigrationSql;
  close(): Promise<void>;
}

function pgliteSql(pg: PGlite): MigrationSql {
  return {
    exec: async (sql) => void (await pg.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await pg.query<T>(sql, params)).rows,
  };
}

function pgSql(client: Client): MigrationSql {
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
}

const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A copy of the real migrations folder that a test may add files to. */
function scratchMigrations(extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-migrations-'));
  scratchDirs.push(dir);
  fs.cpSync(migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

async function tableNames(db: MigrationSql): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

function migrationSuite(open: () => Promise<Session>) {
  let session: Session;
  beforeEach(async () => {
    session = await open();
  });
  afterEach(async () => {
    await session.close();
  });

  test('applies every migration to an empty database and records it as prisma migrate deploy does', async () => {
    const { db } = session;
    expect(await migrationStatus(db)).toEqual({ applied: [], pending: migrationNames });

    expect(await applyMigrations(db)).toEqual({ applied: migrationNames });

    expect(await tableNames(db)).toEqual(expect.arrayContaining([...expectedTables, '_prisma_migrations']));
    expect(expectedTables).toEqual(expect.arrayContaining(['School', 'Grade', 'Outbox', 'Person']));
    const rows = await db.query<Record<string, unknown>>(`SELECT * FROM _prisma_migrations ORDER BY migration_name`);
    expect(rows).toHaveLength(migrationNames.length);
    rows.forEach((row, i) => {
      expect(row).toMatchObject({
        migration_name: migrationNames[i],
        checksum: sha256(path.join(migrationsDir, migrationNames[i], 'migration.sql')),
        rolled_back_at: null,
        logs: null,
        applied_steps_count: 1,
      });
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.started_at).toBeInstanceOf(Date);
    });
    expect(await migrationStatus(db)).toEqual({ applied: migrationNames, pending: [] });
  });

  test('applying again applies nothing', async () => {
    const { db } = session;
    await applyMigrations(db);
    expect(await applyMigrations(db)).toEqual({ applied: [] });
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM _prisma_migrations`);
    expect(n).toBe(migrationNames.length);
  });

  test('applies only the migrations added since the last run', async () => {
    const { db } = session;
    await applyMigrations(db);
    const dir = scratchMigrations({ '29990101000000_add_probe': 'CREATE TABLE "Probe" (id INT PRIMARY KEY);' });
    expect(await migrationStatus(db, dir)).toEqual({ applied: migrationNames, pending: ['29990101000000_add_probe'] });
    expect(await applyMigrations(db, dir)).toEqual({ applied: ['29990101000000_add_probe'] });
    expect(await tableNames(db)).toContain('Probe');
  });

  test('refuses to run when an applied migration checksum differs from the file', async () => {
    const { db } = session;
    await applyMigrations(db);
    await db.query(`UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2`, [
      '0'.repeat(64),
      migrationNames[0],
    ]);
    const dir = scratchMigrations({ '29990101000000_add_probe': 'CREATE TABLE "Probe" (id INT PRIMARY KEY);' });
    await expect(applyMigrations(db, dir)).rejects.toThrow(
      `Migration ${migrationNames[0]} was edited after it was applied`,
    );
    expect(await tableNames(db)).not.toContain('Probe');
  });

  test('refuses to run after a migration failed and was not resolved', async () => {
    const { db } = session;
    await applyMigrations(db);
    await db.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
      '00000000-0000-0000-0000-000000000001',
      '0'.repeat(64),
      '29990101000000_half_done',
    ]);
    await expect(applyMigrations(db)).rejects.toThrow('Migration 29990101000000_half_done failed earlier');
  });

  test('a failing migration is rolled back whole, recorded as rolled back, and retried once fixed', async () => {
    const { db } = session;
    await applyMigrations(db);
    const broken = scratchMigrations({
      '29990101000000_broken':
        'CREATE TABLE "Probe" (id INT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN x INT;',
    });
    await expect(applyMigrations(db, broken)).rejects.toThrow(
      /Migration 29990101000000_broken failed and was rolled back.*NoSuchTable/,
    );
    expect(await tableNames(db)).not.toContain('Probe');
    const [failed] = await db.query<Record<string, unknown>>(
      `SELECT * FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`,
    );
    expect(failed).toMatchObject({ finished_at: null, logs: expect.stringContaining('NoSuchTable') });
    expect(failed.rolled_back_at).toBeInstanceOf(Date);

    const fixed = scratchMigrations({ '29990101000000_broken': 'CREATE TABLE "Probe" (id INT PRIMARY KEY);' });
    expect(await applyMigrations(db, fixed)).toEqual({ applied: ['29990101000000_broken'] });
    expect(await tableNames(db)).toContain('Probe');
  });
}

describe('applyMigrations on PGlite', () => {
  // A fresh PGlite takes seconds to create; cloning an empty one is much faster.
  let empty: Blob;
  beforeAll(async () => {
    const pg = new PGlite();
    await pg.waitReady; // dumpDataDir on a PGlite still starting never settles
    empty = await pg.dumpDataDir('none');
    await pg.close();
  });

  migrationSuite(async () => {
    const pg = new PGlite({ loadDataDir: empty });
    return { db: pgliteSql(pg), close: () => pg.close() };
  });
});

const postgresUrl = process.env.DATABASE_URL;
const pgDescribe = postgresUrl ? describe : describe.skip;

pgDescribe('applyMigrations on PostgreSQL (DATABASE_URL)', () => {
  const scratch: string[] = [];

  async function admin(sql: string) {
    const client = new Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  async function scratchDatabase(): Promise<string> {
    const name = `dnevnik_mig_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    scratch.push(name);
    const url = new URL(postgresUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async function connect(url: string): Promise<Client> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return client;
  }

  afterAll(async () => {
    for (const name of scratch) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  migrationSuite(async () => {
    const client = await connect(await scratchDatabase());
    return { db: pgSql(client), close: () => client.end() };
  });

  test('two processes starting at once: one applies, the other waits and applies nothing', async () => {
    const url = await scratchDatabase();
    const [a, b] = await Promise.all([connect(url), connect(url)]);
    try {
      const results = await Promise.all([applyMigrations(pgSql(a)), applyMigrations(pgSql(b))]);
      expect(results.map((r) => r.applied).sort()).toEqual([[], migrationNames]);
      const { rows } = await a.query(`SELECT count(*)::int AS n FROM _prisma_migrations`);
      expect(rows[0].n).toBe(migrationNames.length);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });
});

describe('scripts/migration-diff.ts --check', () => {
  test('finds no drift between prisma/schema.prisma and prisma/migrations', async () => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not for the child
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [require.resolve('tsx/cli'), path.join('scripts', 'migration-diff.ts'), '--check'],
        { cwd: root, env, timeout: 90_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? ((error.code as number | undefined) ?? null) : 0, stdout, stderr }),
      );
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('in sync');
  }, 100_000);
});
