import IORedis from 'ioredis';

// /readyz asks Redis too when REDIS_URL is set: a web process that cannot reach it cannot claim
// Telegram updates once or count questions, so a load balancer should send it nothing. Its own
// connection, lazy and without retries, so a probe never waits behind the others' traffic or
// queues commands while Redis is away.

export interface RedisProbe {
  ready(): Promise<boolean>;
  close(): void;
}

const PROBE_TIMEOUT_MS = 1_000;

export function createRedisProbe(url: string): RedisProbe {
  const redis = new IORedis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: PROBE_TIMEOUT_MS,
  });
  // Errors surface as a failed check; without a listener ioredis would print each reconnect attempt.
  redis.on('error', () => undefined);
  return {
    async ready() {
      if (redis.status === 'wait' || redis.status === 'end') await redis.connect().catch(() => undefined);
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref());
      return Promise.race([redis.ping().then((r) => r === 'PONG'), timeout]).catch(() => false);
    },
    close: () => redis.disconnect(),
  };
}
