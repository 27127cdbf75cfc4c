import IORedis from 'ioredis';
import type { SeenOnce } from '../../core/updates/seen-once-port';
import { createMemorySeenOnce, createRedisSeenOnce } from '../../infra/seen-once';

// Both implementations of the update-dedup port answer the same way; Redis only when REDIS_URL is set.

function contract(
  name: string,
  make: () => Promise<{ seen: SeenOnce; close?: () => Promise<void> }>,
  describeFn: jest.Describe = describe,
) {
  describeFn(`SeenOnce (${name})`, () => {
    it('says true once per key, false for every repeat', async () => {
      const { seen, close } = await make();
      const key = `k-${Math.random()}`;
      expect(await seen.firstTime(key)).toBe(true);
      expect(await seen.firstTime(key)).toBe(false);
      expect(await seen.firstTime(`${key}-other`)).toBe(true);
      const concurrent = await Promise.all(Array.from({ length: 10 }, () => seen.firstTime(`${key}-race`)));
      expect(concurrent.filter(Boolean)).toHaveLength(1);
      await close?.();
    });
  });
}

contract('memory', async () => ({ seen: createMemorySeenOnce() }));
contract(
  'redis',
  async () => {
    const redis = new IORedis(process.env.REDIS_URL!);
    return { seen: createRedisSeenOnce(redis, 'test:seen-once:', 60), close: async () => void (await redis.quit()) };
  },
  process.env.REDIS_URL ? describe : describe.skip,
);

describe('SeenOnce (memory) retention', () => {
  it('forgets a key after the window and prunes old keys', async () => {
    let now = 0;
    const seen = createMemorySeenOnce(10, () => now);
    expect(await seen.firstTime('a')).toBe(true);
    now = 9_999;
    expect(await seen.firstTime('a')).toBe(false);
    now = 10_000;
    expect(await seen.firstTime('a')).toBe(true);
  });
});
