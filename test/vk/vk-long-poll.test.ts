import nock from 'nock';
import { createLogger } from '../../infra/logger';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import { CONTENT_LENGTH, startVkApiStub, type TVkApiStub } from '../helpers/vk-api-stub';
import { GROUP_ID, messageNew } from '../helpers/vk-harness';
import { vkOnDatabase } from '../helpers/vk-runtime';

// Bots Long Poll (no PUBLIC_URL): vk-io polls the server VK names, and every polled event takes
// the same path as a Callback API one — the inbox (dedup by event_id), then the bot.

let db: TestDatabase;
let api: TVkApiStub;

beforeAll(async () => {
  nock.disableNetConnect();
  db = await createDemoDatabase();
});
afterAll(async () => {
  api?.stop();
  nock.enableNetConnect();
  nock.restore();
  await db?.destroy();
});

it('handles polled events through the inbox, a repeated event_id once; one without an id or with a malformed object is skipped', async () => {
  const LP = 'https://lp.vk.test';
  const polls: string[] = [];
  api = startVkApiStub({
    answer: (call) =>
      call.method === 'groups.getLongPollServer'
        ? { response: { server: `${LP}/wh${GROUP_ID}`, key: 'lp-key', ts: '10' } }
        : undefined,
  });
  const first = { ...messageNew(133456789, '/start'), secret: undefined };
  const stray = { type: 'message_new', group_id: GROUP_ID, object: {} };
  const broken = {
    type: 'message_new',
    group_id: GROUP_ID,
    event_id: 'broken-1',
    object: { message: { peer_id: 133456789 } },
  };
  nock(LP)
    .defaultReplyHeaders(CONTENT_LENGTH)
    .persist()
    .get(`/wh${GROUP_ID}`)
    .query(true)
    .delay(50)
    .reply((uri) => {
      const ts = new URL(uri, LP).searchParams.get('ts')!;
      polls.push(ts);
      // The same event comes twice (a ts VK replays after a restart), then nothing more.
      if (ts === '10') return [200, { ts: '11', updates: [first, stray, broken] }];
      if (ts === '11') return [200, { ts: '12', updates: [first] }];
      return [200, { ts, updates: [] }];
    });

  const lines: { msg: string; eventId?: string }[] = [];
  const vk = vkOnDatabase(db, {
    logger: createLogger('warn', { write: (line: string) => void lines.push(JSON.parse(line)) }),
  });
  await vk.start();
  await vk.bot.startPolling((event) => vk.inbox.put(event.event_id, event));
  const deadline = Date.now() + 5_000;
  while (polls.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await vk.bot.stop();

  expect(api.calls[0]).toMatchObject({ method: 'groups.getLongPollServer', params: { group_id: String(GROUP_ID) } });
  expect(polls.slice(0, 3)).toEqual(['10', '11', '12']);
  expect(api.sent()).toHaveLength(1);
  expect(api.sent()[0].params).toMatchObject({
    peer_id: '133456789',
    message: expect.stringMatching(/^Здравствуйте!/),
  });
  expect(lines).toContainEqual(expect.objectContaining({ msg: 'vk polled event without an id skipped' }));
  expect(lines).toContainEqual(
    expect.objectContaining({ msg: 'vk event with a malformed object skipped', eventId: 'broken-1' }),
  );
});
