import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { ingestValidEvents } from '../../core/ingest';
import { openDatabase } from '../../prisma/db/database';
import { applyMigrations } from '../../prisma/db/migrate';
import { generateDemoSchool } from '../../prisma/demo/demo-school';
import { loadDemoPeople } from '../../prisma/demo/load-demo-people';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { changedTables, tableFingerprints } from '../tenancy/tenancy-cases';

// docs/operations.md "Backup and restore": scripts/db-backup.sh and db-restore.sh against the test
// PostgreSQL — the demo school and its people dumped, restored into a fresh database, every table
// the same row for row, the migrations recorded; a non-empty target is refused.

const run = promisify(execFile);
const adminUrl = process.env.DATABASE_URL;
const withPostgres = adminUrl ? describe : describe.skip;
const scripts = path.join(__dirname, '..', '..', 'scripts');

async function admin(sql: string) {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function urlOf(name: string) {
  const url = new URL(adminUrl as string);
  url.pathname = `/${name}`;
  return url.toString();
}

withPostgres('backup and restore of PostgreSQL', () => {
  const suffix = randomBytes(4).toString('hex');
  const source = `dnevnik_backup_src_${suffix}`;
  const target = `dnevnik_backup_dst_${suffix}`;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dnevnik-backup-'));
    await admin(`CREATE DATABASE ${source}`);
    await admin(`CREATE DATABASE ${target}`);
    const db = await openDatabase({ databaseUrl: urlOf(source) });
    try {
      await db.sql.session((sql) => applyMigrations(sql));
      const { events } = generateDemoSchool({ today: '2026-12-02', weeksBefore: 1 });
      for (let i = 0; i < events.length; i += 1000)
        await ingestValidEvents(createIngestStore(db), events.slice(i, i + 1000), {
          defaultTimezone: 'Europe/Moscow',
        });
      await loadDemoPeople(db.prisma);
    } finally {
      await db.close();
    }
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${source} WITH (FORCE)`);
    await admin(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
  });

  it('restores into a fresh database every table as it was, and refuses a database that is not empty', async () => {
    const file = path.join(dir, 'dnevnik.dump');
    const backup = await run(path.join(scripts, 'db-backup.sh'), [urlOf(source), file]);
    expect(backup.stdout).toContain('written to');
    const restore = await run(path.join(scripts, 'db-restore.sh'), [file, urlOf(target)]);
    expect(restore.stdout).toContain('restored');

    const fingerprint = async (name: string) => {
      const c = new Client({ connectionString: urlOf(name) });
      await c.connect();
      try {
        return await tableFingerprints(async (sql) => (await c.query(sql)).rows);
      } finally {
        await c.end();
      }
    };
    const [before, after] = await Promise.all([fingerprint(source), fingerprint(target)]);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(changedTables(before, after)).toEqual([]);
    // Row counts are part of each fingerprint; the data is there, not just the tables.
    expect(Number(after.get('Grade')?.split(':')[0])).toBeGreaterThan(100);
    const c = new Client({ connectionString: urlOf(target) });
    await c.connect();
    const migrations = await c.query(
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    await c.end();
    expect(migrations.rows[0].n).toBeGreaterThan(10);

    await expect(run(path.join(scripts, 'db-restore.sh'), [file, urlOf(target)])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('not empty'),
    });
    await expect(run(path.join(scripts, 'db-backup.sh'), [urlOf(source)])).rejects.toMatchObject({ code: 2 });
  }, 120_000);
});
