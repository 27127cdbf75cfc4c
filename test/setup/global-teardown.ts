import fs from 'node:fs';
import { Client } from 'pg';
import { templatePrefix, testRun } from './test-run';

// Removes what this run built once for all its test files: its template databases and its cache
// directory. A cleanup that fails (the server already gone) is reported, not a failed run.
export default async function globalTeardown(): Promise<void> {
  const run = testRun();
  fs.rmSync(run.cacheDir, { recursive: true, force: true });
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return;
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [templatePrefix(run.id)],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } catch (err) {
    process.stderr.write(`test teardown: could not drop the template databases of run ${run.id}: ${String(err)}\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
