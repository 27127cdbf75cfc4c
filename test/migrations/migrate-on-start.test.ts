import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime } from '../../main';
import { migrationStatus } from '../../prisma/db/migrate';
import { runDnevnik } from '../helpers/dnevnik-cli';
import { createEmptyPostgres, type TEmptyPostgres } from '../helpers/empty-postgres';
import { createPostgresDatabase, postgresUrl } from '../helpers/test-database';

// MIGRATE_ON_START: a process applies pending migrations at start (the default), or — beside a
// one-shot `dnevnik migrate` — only checks that none is pending and refuses to start otherwise.

const migrationCount = fs
  .readdirSync(path.join(__dirname, '..', '..', 'prisma', 'migrations'), { withFileTypes: true })
  .filter((d) => d.isDirectory()).length;

describe('MIGRATE_ON_START in the configuration', () => {
  test('is on by default, with the embedded database and with PostgreSQL', () => {
    expect(parseConfig({}).MIGRATE_ON_START).toBe(true);
    expect(parseConfig({ DATABASE_URL: 'postgresql://db/dnevnik' }).MIGRATE_ON_START).toBe(true);
    expect(parseConfig({ DATABASE_URL: 'postgresql://db/dnevnik', MIGRATE_ON_START: '' }).MIGRATE_ON_START).toBe(true);
    expect(parseConfig({ MIGRATE_ON_START: 'false' }).MIGRATE_ON_START).toBe(false);
    expect(() => parseConfig({ MIGRATE_ON_START: 'later' })).toThrow(/^Invalid configuration: MIGRATE_ON_START/);
  });
});

async function status(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await migrationStatus({
      exec: async (sql) => void (await client.query(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    });
  } finally {
    await client.end();
  }
}

const describePostgres = postgresUrl ? describe : describe.skip;

describePostgres('MIGRATE_ON_START on PostgreSQL', () => {
  let dataDir: string;
  const cleanups: (() => Promise<void>)[] = [];
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-migrate-on-start-'));
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function emptyDatabase(): Promise<TEmptyPostgres> {
    const db = await createEmptyPostgres(postgresUrl!);
    cleanups.push(db.drop);
    return db;
  }

  const config = (url: string, env: Record<string, string> = {}) =>
    parseConfig({ DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });

  test('by default a process applies the pending migrations at start', async () => {
    const { url } = await emptyDatabase();
    const runtime = await openRuntime(config(url), { logger: createLogger('silent'), skipDemo: true });
    await runtime.close();
    expect(await status(url)).toEqual({ applied: expect.any(Array), pending: [] });
    expect((await status(url)).applied).toHaveLength(migrationCount);
  });

  test('false on an up-to-date database: the process starts and applies nothing', async () => {
    const scratch = await createPostgresDatabase(postgresUrl!, 'dnevnik_migrate_off');
    cleanups.push(scratch.destroy);
    const before = await status(scratch.url);
    const runtime = await openRuntime(config(scratch.url, { MIGRATE_ON_START: 'false' }), {
      logger: createLogger('silent'),
      skipDemo: true,
    });
    await runtime.close();
    expect(await status(scratch.url)).toEqual(before);
  });

  test('false on a database behind: nothing is applied and the process refuses to start', async () => {
    const { url } = await emptyDatabase();
    await expect(
      openRuntime(config(url, { MIGRATE_ON_START: 'false' }), { logger: createLogger('silent'), skipDemo: true }),
    ).rejects.toThrow('run `dnevnik migrate` first');
    // Not even the migrations' table: the check only reads.
    expect(await status(url)).toEqual({ applied: [], pending: expect.any(Array) });
  });

  test('`dnevnik serve` refuses with one line, `dnevnik migrate` applies whatever MIGRATE_ON_START says', async () => {
    const { url } = await emptyDatabase();
    const env = { DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', MIGRATE_ON_START: 'false', PORT: '0' };
    const serve = await runDnevnik(['serve'], { env, inheritEnv: false, timeoutMs: 90_000 });
    expect(serve.code).toBe(1);
    expect(serve.stderr).toBe(
      `dnevnik: the database is ${migrationCount} migration(s) behind this version (first: ${(await status(url)).pending[0]}) ` +
        'and MIGRATE_ON_START=false: run `dnevnik migrate` first\n',
    );

    const migrate = await runDnevnik(['migrate'], { env, inheritEnv: false, timeoutMs: 90_000 });
    expect(migrate).toEqual({
      code: 0,
      stdout: `${migrationCount} migration(s) applied, 0 pending (postgres)\n`,
      stderr: '',
    });
  }, 200_000);
});
