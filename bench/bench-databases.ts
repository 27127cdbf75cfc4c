import { type Database, openDatabase } from '../prisma/db/database';
import { createScratchDatabase } from './bench-support';

// The databases a benchmark measures on: the embedded PGlite always, and PostgreSQL when
// DATABASE_URL is set (a scratch database of its own, dropped after).

export async function onEachDatabase(
  prefix: string,
  work: (db: Database, label: 'pglite' | 'postgres') => Promise<void>,
): Promise<void> {
  const pglite = await openDatabase({ dataDir: 'memory://' });
  try {
    await work(pglite, 'pglite');
  } finally {
    await pglite.close();
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return;
  const scratch = await createScratchDatabase(adminUrl, prefix);
  const pg = await openDatabase({ databaseUrl: scratch.url });
  try {
    await work(pg, 'postgres');
  } finally {
    await pg.close();
    await scratch.drop();
  }
}

/** A benchmark run as a script: exit 0 when it finished, 1 with the stack when it threw. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
