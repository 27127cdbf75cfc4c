// Proves the test run really reached the PostgreSQL and Redis servers that CI starts
// (scripts/test-services.sh). Without DATABASE_URL / REDIS_URL the suites are reported as
// skipped, never silently passed.

import Redis from 'ioredis';
import { Client } from 'pg';

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;

(databaseUrl ? describe : describe.skip)('PostgreSQL at DATABASE_URL', () => {
  it('answers select 1', async () => {
    const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      const result = await client.query<{ one: number }>('select 1 as one');
      expect(result.rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  });
});

(redisUrl ? describe : describe.skip)('Redis at REDIS_URL', () => {
  it('answers PING', async () => {
    const redis = new Redis(redisUrl as string, {
      lazyConnect: true,
      connectTimeout: 10_000,
      maxRetriesPerRequest: 1,
      retryStrategy: () => null,
    });
    try {
      await redis.connect();
      await expect(redis.ping()).resolves.toBe('PONG');
    } finally {
      redis.disconnect();
    }
  });
});
