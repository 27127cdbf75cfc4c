import { randomBytes } from 'node:crypto';
import { createInlineInbox, createRedisInbox } from '../../infra/event-inbox';

// The inboxes' lag for /metrics: how long the oldest event received and not yet processed has
// waited (dnevnik_event_inbox_oldest_age_seconds).

const redisUrl = process.env.REDIS_URL;
const withRedis = redisUrl ? describe : describe.skip;

it('inline: the oldest event still being handled', async () => {
  let release!: () => void;
  const inbox = createInlineInbox<string>({ firstTime: async () => true });
  await inbox.start(() => new Promise<void>((resolve) => (release = resolve)));
  expect(await inbox.oldestAgeMs()).toBe(0);
  const handled = inbox.put('e1', 'event');
  await new Promise((r) => setTimeout(r, 60));
  expect(await inbox.depth()).toBe(1);
  expect(await inbox.oldestAgeMs()).toBeGreaterThanOrEqual(50);
  release();
  await handled;
  expect(await inbox.oldestAgeMs()).toBe(0);
});

withRedis('Redis inbox', () => {
  it('the oldest waiting event, from its arrival', async () => {
    const inbox = createRedisInbox<{ n: number }>(redisUrl!, { name: `test-lag-${randomBytes(4).toString('hex')}` });
    try {
      expect(await inbox.oldestAgeMs()).toBe(0);
      await inbox.put('first', { n: 1 });
      await new Promise((r) => setTimeout(r, 150));
      await inbox.put('second', { n: 2 });
      const age = await inbox.oldestAgeMs();
      expect(age).toBeGreaterThanOrEqual(140);
      expect(age).toBeLessThan(5_000);
      await inbox.start(async () => undefined);
      const deadline = Date.now() + 10_000;
      while ((await inbox.depth()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await inbox.oldestAgeMs()).toBe(0);
    } finally {
      await inbox.close();
    }
  });
});
