import IORedis from 'ioredis';
import { createRequestPacer } from '../../core/alerts';
import { createRedisRateLimiter } from '../../infra/rate-limiter';
import { createDemoDatabase } from '../helpers/demo-database';
import { messageCreated } from '../helpers/max-harness';
import { maxOnDatabase } from '../helpers/max-runtime';
import { type MaxStub, startMaxStub } from '../helpers/max-stub';
import type { TestDatabase } from '../helpers/test-database';

// MAX counts every request of a token against one limit, replies and alerts alike. Two bots on
// one token — two web processes — take their requests from one token bucket in Redis, so a crowd
// of questions at once gets every answer and no 429; without the pacer the same crowd is refused.

const redisUrl = process.env.REDIS_URL;
const CHATS = 36;
const LIMIT = 10;

const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('MAX replies paced across processes through Redis', () => {
  let db: TestDatabase;
  let stub: MaxStub | undefined;
  const connections: IORedis[] = [];

  beforeAll(async () => {
    db = await createDemoDatabase();
  });
  afterEach(async () => {
    await stub?.close();
    stub = undefined;
  });
  afterAll(async () => {
    for (const c of connections) c.disconnect();
    await db?.destroy();
  });

  /** Two "processes": their own bot and Redis connection, the same token; a question from each of CHATS chats, all at once. */
  async function crowd(paced: boolean): Promise<MaxStub> {
    const s = await startMaxStub({ perSecond: LIMIT });
    stub = s;
    const prefix = `dnevnik:test-pace:${Date.now()}:${Math.random()}`;
    const pacer = () => {
      const redis = new IORedis(redisUrl!, { maxRetriesPerRequest: 2 });
      connections.push(redis);
      // Two under the stub's limit, as maxPacing does for MAX_RATE_LIMIT.
      return createRequestPacer(createRedisRateLimiter(redis, prefix), 'max:test', LIMIT - 2);
    };
    const processes = [0, 1].map(() => maxOnDatabase(db, s, paced ? { pace: pacer() } : {}));
    for (const p of processes) await p.start();
    await Promise.all(
      Array.from({ length: CHATS }, (_, i) => processes[i % 2].post(messageCreated(620_000 + i, '/start'))),
    );
    return s;
  }

  it('answers every chat without a 429 when both take from one bucket', async () => {
    const s = await crowd(true);
    expect(new Set(s.accepted.map((m) => m.chatId)).size).toBe(CHATS);
    expect(s.counts.tooMany).toBe(0);
  });

  it('is refused by MAX when each sends as fast as it can (the check can fail)', async () => {
    const s = await crowd(false);
    expect(s.counts.tooMany).toBeGreaterThan(0);
  });
});
