import net from 'node:net';
import request from 'supertest';
import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { createRedisProbe } from '../../infra/redis-probe';
import { openRuntime } from '../../main';
import { createTestDatabase } from '../helpers/test-database';

// /readyz answers for the database and, when REDIS_URL is set, for Redis: a web process that
// cannot reach either is not ready, and says which.

const redisUrl = process.env.REDIS_URL;
const withRedis = redisUrl ? describe : describe.skip;

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('readiness', () => {
  it('checks only the database without REDIS_URL', async () => {
    const db = await createTestDatabase('pglite');
    const config = parseConfig({ DEMO: 'false', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' });
    const runtime = await openRuntime(config, { db, logger: createLogger('silent') });
    try {
      const res = await request(runtime.app).get('/readyz').expect(200);
      expect(res.body).toEqual({ status: 'ready', checks: { database: true } });
    } finally {
      await runtime.close();
      await db.destroy();
    }
  });

  it('a Redis nobody answers on is not ready, within a second or so', async () => {
    const probe = createRedisProbe(`redis://127.0.0.1:${await closedPort()}`);
    const started = Date.now();
    expect(await probe.ready()).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
    probe.close();
  });
});

withRedis('readiness with Redis', () => {
  it('checks the database and Redis', async () => {
    const db = await createTestDatabase('pglite');
    const config = parseConfig({ DEMO: 'false', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent', REDIS_URL: redisUrl });
    const runtime = await openRuntime(config, { db, logger: createLogger('silent') });
    try {
      const res = await request(runtime.app).get('/readyz').expect(200);
      expect(res.body).toEqual({ status: 'ready', checks: { database: true, redis: true } });
    } finally {
      await runtime.close();
      await db.destroy();
    }
  });
});
