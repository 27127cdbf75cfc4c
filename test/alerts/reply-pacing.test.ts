import nock from 'nock';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import { messageNew, textsOf } from '../helpers/vk-harness';
import { vkCallbackOnDatabase } from '../helpers/vk-runtime';

// A VK bot's replies wait for the token bucket the alert workers use (the shared pacer is proven
// across processes in test/max/max-pacing.test.ts): every request it makes takes its turn first.
// Telegram's replies are not held: its documented limit is for bulk notifications (the alerts),
// and a reply through the webhook rides in the webhook's own response.

let db: TestDatabase;
beforeAll(async () => {
  db = await createDemoDatabase();
});
afterAll(async () => {
  nock.cleanAll();
  nock.restore();
  await db?.destroy();
});

/** A pacer that only counts its turns. */
const counter = () => {
  const turns = { n: 0 };
  return { turns, pace: async () => void turns.n++ };
};

it('VK: one turn per request made', async () => {
  const { turns, pace } = counter();
  const vk = await vkCallbackOnDatabase(db, { pace });
  try {
    await vk.post(messageNew(4_200_001, '/start'));
    await vk.post(messageNew(4_200_001, 'помощь'));
    expect(textsOf(vk.api.calls).length).toBeGreaterThan(0);
    expect(turns.n).toBe(vk.api.calls.length);
  } finally {
    vk.api.stop();
  }
});
