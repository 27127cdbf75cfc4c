import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { checkLinkCodePepper, openRuntime, type Runtime, serve } from '../../main';
import { warmUp } from '../../runtime/warm-up';
import { createDemoDatabase } from '../helpers/demo-database';
import { memoryLog } from '../helpers/memory-log';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// `serve` warms the first request up before it listens (runtime/warm-up.ts): through the real
// Alice route, behind its secret path, and the answer's statements. It must leave no trace — no row
// written, no request in /metrics — and a failure must cost speed only, never the start. How much
// faster the first request is, bench/voice-first-request.ts measures.

const SKILL_ID = 'warm-up-test-skill';
const PATH_SECRET = 'warm-up-path-secret-0123456789';

/** Every table's row count: what the warm-up must not change. */
async function rowCounts(db: TestDatabase): Promise<Record<string, number>> {
  const tables = await db.sql.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`))[0].n);
  return counts;
}

function runtimeOn(db: TestDatabase, dir: string, log: ReturnType<typeof memoryLog>): Promise<Runtime> {
  const config = parseConfig({
    PORT: '0',
    DATA_DIR: dir,
    LINK_CODE_PEPPER: randomBytes(32).toString('hex'),
    ALICE_SKILL_ID: SKILL_ID,
    ALICE_WEBHOOK_PATH_SECRET: PATH_SECRET,
    DEMO: 'false',
  });
  return openRuntime(config, { db: { ...db, close: async () => undefined }, logger: createLogger('debug', log.sink) });
}

describe('warming up before the server listens', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-warm-up-'));
    db = await createDemoDatabase();
  });
  afterAll(async () => {
    await db?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('runs through Alice’s secret route and the answer’s statements, writes nothing and counts nothing', async () => {
    const log = memoryLog();
    const runtime = await runtimeOn(db, dir, log);
    // The first start records the pepper's fingerprint (serve checks it before warming up).
    await checkLinkCodePepper(runtime);
    const before = await rowCounts(db);
    const server = await serve(runtime);
    try {
      const records = log.records();
      const warmed = records.find((r) => r.msg === 'warmed up');
      expect(warmed).toMatchObject({ ms: expect.any(Number) });
      expect(records.filter((r) => Number(r.level) >= 40).map((r) => r.msg)).toEqual([]);
      // The route was reached behind its secret: a wrong path would have been a 404 and a warning.
      expect(records.some((r) => r.msg === 'request' && r.route === '/webhooks/alice/:secret')).toBe(true);
      expect(await rowCounts(db)).toEqual(before);
      expect((await runtime.metrics.httpRequests.get()).values).toEqual([]);

      // The server it then opens counts what it is sent.
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      const counted = (await runtime.metrics.httpRequests.get()).values;
      expect(counted.map((v) => v.labels.route)).toEqual(['/healthz']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await runtime.close();
    }
  });

  test('a failure is one warning line, and the start goes on', async () => {
    const broken = await createTestDatabase('pglite');
    const log = memoryLog();
    const runtime = await runtimeOn(broken, fs.mkdtempSync(path.join(dir, 'broken-')), log);
    await broken.destroy();
    await expect(warmUp(runtime)).resolves.toEqual(expect.any(Number));
    const warnings = log.records().filter((r) => Number(r.level) === 40);
    expect(warnings.map((r) => r.msg)).toEqual(['warming up failed: the first requests will be slower']);
    await runtime.close();
  });
});
