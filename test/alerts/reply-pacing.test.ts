import nock from 'nock';
import { createDemoDatabase } from '../helpers/demo-database';
import { privateText } from '../helpers/telegram-harness';
import { telegramOnDatabase } from '../helpers/telegram-runtime';
import { startTelegramStub } from '../helpers/telegram-stub';
import type { TestDatabase } from '../helpers/test-database';
import { messageNew, textsOf } from '../helpers/vk-harness';
import { vkCallbackOnDatabase } from '../helpers/vk-runtime';

// The chat bots' replies wait for the token bucket the alert workers use (the shared pacer is
// proven across processes in test/max/max-pacing.test.ts): every message a Telegram bot sends and
// every request a VK bot makes takes its turn first; Telegram's taps' answers add no message.

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

it('Telegram: one turn per message sent', async () => {
  const { turns, pace } = counter();
  const stub = await startTelegramStub();
  try {
    const { bot } = telegramOnDatabase(db, undefined, { pace, apiRoot: stub.apiRoot });
    await bot.handleUpdate(privateText(4_100_001, '/start'));
    await bot.handleUpdate(privateText(4_100_001, '/help'));
    expect(stub.accepted.length).toBeGreaterThan(0);
    expect(turns.n).toBe(stub.calls.filter((c) => c.method === 'sendMessage').length);
  } finally {
    await stub.close();
  }
});

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
