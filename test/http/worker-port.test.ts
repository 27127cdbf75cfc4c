import type { Server } from 'node:http';
import request from 'supertest';
import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, type Runtime, serveMetricsPort, serveWorkerPort, startAlertWorker } from '../../main';
import type { Database } from '../../prisma/db/database';
import { closeServer } from '../../webhooks/listen';
import { createPostgresDatabase, createTestDatabase, postgresUrl } from '../helpers/test-database';

// A worker process with WORKER_PORT answers the web app's probes on its own port: /healthz,
// /readyz (the database, and Redis when REDIS_URL is set) and /metrics with the worker's
// families; METRICS_PORT takes /metrics away from the other ports.

const redisUrl = process.env.REDIS_URL;
const withRedis = redisUrl ? describe : describe.skip;
const withPostgres = postgresUrl ? describe : describe.skip;

interface TWorker {
  runtime: Runtime;
  db: Database;
  destroy(): Promise<void>;
  probes: Server;
  metricsPort?: Server;
}

async function startWorker(kind: 'pglite' | 'postgres', env: Record<string, string> = {}): Promise<TWorker> {
  // The runtime closes the database it is given; a PostgreSQL one is dropped (and closed) by the test.
  const scratch =
    kind === 'pglite'
      ? await createTestDatabase('pglite').then((db) => ({ db, destroy: db.destroy }))
      : await createPostgresDatabase(postgresUrl!);
  const db = kind === 'pglite' ? scratch.db : { ...scratch.db, close: async () => undefined };
  const config = parseConfig({
    DEMO: 'false',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent',
    WORKER_PORT: '0',
    ...env,
  });
  const runtime = await openRuntime(config, { db, logger: createLogger('silent') });
  await startAlertWorker(runtime);
  const probes = (await serveWorkerPort(runtime))!;
  const metricsPort = await serveMetricsPort(runtime);
  return { runtime, db: scratch.db, destroy: scratch.destroy, probes, metricsPort };
}

async function stopWorker(worker: TWorker) {
  await closeServer(worker.probes);
  await worker.runtime.close();
  await worker.destroy();
}

describe('worker port', () => {
  it('listens nowhere without WORKER_PORT', async () => {
    const db = await createTestDatabase('pglite');
    const config = parseConfig({ DEMO: 'false', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' });
    const runtime = await openRuntime(config, { db, logger: createLogger('silent') });
    try {
      expect(await serveWorkerPort(runtime)).toBeUndefined();
      expect(await serveMetricsPort(runtime)).toBeUndefined();
    } finally {
      await runtime.close();
      await db.destroy();
    }
  });

  it('answers /healthz, /readyz and /metrics, and is not ready once the database is gone', async () => {
    const worker = await startWorker('pglite');
    try {
      await request(worker.probes).get('/healthz').expect(200, { status: 'ok' });
      const ready = await request(worker.probes).get('/readyz').expect(200);
      expect(ready.body).toEqual({ status: 'ready', checks: { database: true } });
      const metrics = await request(worker.probes).get('/metrics').expect(200);
      for (const family of [
        'dnevnik_alerts_queue_depth',
        'dnevnik_alerts_queue_oldest_age_seconds',
        'dnevnik_reminder_scans_total',
        'dnevnik_reminder_last_scan_timestamp_seconds',
        'dnevnik_event_inbox_depth',
        'dnevnik_process_resident_memory_bytes',
      ]) {
        expect(metrics.text).toContain(`# TYPE ${family} `);
      }
      // PGlite is one in-process connection: no pool to report.
      expect(metrics.text).not.toContain('dnevnik_db_pool_connections');
      // Not the web app: its routes are not served here.
      await request(worker.probes).get('/openapi.json').expect(404);

      await worker.db.close();
      const gone = await request(worker.probes).get('/readyz').expect(503);
      expect(gone.body).toEqual({ status: 'not ready', checks: { database: false } });
    } finally {
      await stopWorker(worker);
    }
  });

  it('METRICS_PORT serves /metrics there only', async () => {
    const worker = await startWorker('pglite', { METRICS_PORT: '0' });
    try {
      expect(worker.metricsPort).toBeDefined();
      const metrics = await request(worker.metricsPort!).get('/metrics').expect(200);
      expect(metrics.text).toContain('# TYPE dnevnik_alerts_queue_depth gauge');
      await request(worker.metricsPort!).get('/healthz').expect(404);
      await request(worker.probes).get('/metrics').expect(404);
      await request(worker.probes).get('/healthz').expect(200);
      // The web app's port as well.
      await request(worker.runtime.app).get('/metrics').expect(404);
      await request(worker.runtime.app).get('/readyz').expect(200);
    } finally {
      await stopWorker(worker);
    }
  });

  it('refuses one port for both', () => {
    expect(() => parseConfig({ WORKER_PORT: '9100', METRICS_PORT: '9100' })).toThrow(
      'METRICS_PORT must differ from WORKER_PORT',
    );
  });
});

withPostgres('worker port on PostgreSQL', () => {
  it('reports the connection pool', async () => {
    const worker = await startWorker('postgres');
    try {
      const metrics = await request(worker.probes).get('/metrics').expect(200);
      expect(metrics.text).toMatch(/^dnevnik_db_pool_connections\{state="idle"\} \d+$/m);
      expect(metrics.text).toMatch(/^dnevnik_db_pool_connections\{state="in_use"\} \d+$/m);
      expect(metrics.text).toMatch(/^dnevnik_db_pool_waiting \d+$/m);
      expect(metrics.text).toMatch(/^dnevnik_db_pool_max_connections \d+$/m);
      expect(metrics.text).toMatch(/^dnevnik_alerts_queue_oldest_age_seconds 0$/m);
    } finally {
      await stopWorker(worker);
    }
  });
});

withRedis('worker port with Redis', () => {
  it('checks the database and Redis', async () => {
    const worker = await startWorker('pglite', { REDIS_URL: redisUrl! });
    try {
      const res = await request(worker.probes).get('/readyz').expect(200);
      expect(res.body).toEqual({ status: 'ready', checks: { database: true, redis: true } });
    } finally {
      await stopWorker(worker);
    }
  });
});
