import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, type Runtime, startMax } from '../../main';
import { createDemoDatabase } from '../helpers/demo-database';
import { botStarted, messageCreated } from '../helpers/max-harness';
import { type MaxStub, startMaxStub } from '../helpers/max-stub';
import type { TestDatabase } from '../helpers/test-database';

// Without PUBLIC_URL the server polls GET /updates (MAX means it for development): each polled
// update takes the webhook's path — the inbox (one claim per update), then the bot.

let db: TestDatabase;
let stub: MaxStub;
let runtime: Runtime | undefined;

beforeAll(async () => {
  db = await createDemoDatabase();
});
afterAll(async () => {
  await runtime?.close();
  await stub?.close();
  await db?.destroy();
});

async function until(what: () => boolean, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!what() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return what();
}

it('polls the updates, answers each once, subscribes nothing, and stops promptly', async () => {
  stub = await startMaxStub();
  const config = parseConfig({
    MAX_BOT_TOKEN: stub.token,
    MAX_API_BASE_URL: stub.apiBaseUrl,
    DATA_DIR: os.tmpdir(),
    LINK_CODE_PEPPER: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    DEMO: 'false',
  });
  runtime = await openRuntime(config, { db, logger: createLogger('silent') });
  expect(runtime.max?.route).toBeUndefined();
  await startMax(runtime);
  expect(await until(() => stub.calls.some((c) => c.path === '/updates'))).toBe(true);
  const poll = stub.calls.find((c) => c.path === '/updates')!;
  expect(poll.query.types?.split(',').sort()).toEqual(
    ['bot_started', 'bot_stopped', 'message_callback', 'message_created'].sort(),
  );

  const started = botStarted(411_000_001);
  stub.push(started);
  stub.push(messageCreated(411_000_002, '/help'));
  expect(await until(() => stub.sentTo(411_000_001).length === 1 && stub.sentTo(411_000_002).length === 1)).toBe(true);
  expect(stub.sentTo(411_000_001)[0].text).toMatch(/^Здравствуйте!/);

  // The same update polled again (MAX replaying after a restart) is claimed already.
  stub.push(started);
  stub.push(messageCreated(411_000_003, '/start'));
  expect(await until(() => stub.sentTo(411_000_003).length === 1)).toBe(true);
  expect(stub.sentTo(411_000_001)).toHaveLength(1);
  // Long polling never leaves a webhook subscription behind.
  expect(stub.subscriptions).toEqual([]);

  // A poll waits up to 30 s at MAX; stopping aborts it instead of waiting it out (15 s: a busy machine is slow, never 30 s).
  const at = Date.now();
  await runtime.close();
  runtime = undefined;
  expect(Date.now() - at).toBeLessThan(15_000);
  // The poll aborted at close was sent before it: on a busy machine the double may note it a little later.
  await new Promise((r) => setTimeout(r, 500));
  const polls = stub.calls.filter((c) => c.path === '/updates').length;
  stub.push(messageCreated(411_000_004, '/start'));
  await new Promise((r) => setTimeout(r, 1_000));
  expect(stub.calls.filter((c) => c.path === '/updates')).toHaveLength(polls);
  expect(stub.sentTo(411_000_004)).toEqual([]);
});
