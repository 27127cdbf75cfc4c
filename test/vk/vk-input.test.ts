import nock from 'nock';
import { BOT_TEXTS } from '../../core/conversation/locales';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import type { TVkApiStub } from '../helpers/vk-api-stub';
import { actionsOf, messageEvent, messageNew, textsOf } from '../helpers/vk-harness';
import { vkCallbackOnDatabase } from '../helpers/vk-runtime';

// Messages and button payloads no VK client of ours sends: text over 1,024 characters, NUL or lone
// surrogates, a payload naming an impossible day. Each gets the usual polite reply, never the
// apology for a failure.

let db: TestDatabase;
let api: TVkApiStub;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  db = await createDemoDatabase();
});
afterEach(() => api?.stop());
afterAll(async () => {
  nock.enableNetConnect();
  nock.restore();
  await db?.destroy();
});

const t = BOT_TEXTS.ru;

async function setup() {
  const vk = await vkCallbackOnDatabase(db);
  api = vk.api;
  return vk;
}

describe('VK: input the bot does not read', () => {
  it('answers a text over 1,024 characters with "too long", and one with NUL or a lone surrogate with "unreadable"', async () => {
    const { post } = await setup();
    const peerId = 661_000_001;
    await post(messageNew(peerId, `оценки ${'сегодня '.repeat(200)}`));
    expect(textsOf(api.calls).at(-1)).toBe(t.input.tooLong);
    for (const text of ['оценки\u0000сегодня', 'оценки \uD800', '\uDC00']) {
      await post(messageNew(peerId, text));
      expect(textsOf(api.calls).at(-1)).toBe(t.input.unreadable);
    }
    expect(textsOf(api.calls)).not.toContain(t.error);
  });

  it("ignores a linked chat's button naming an impossible day instead of failing on it", async () => {
    const { post, issueCode } = await setup();
    const peerId = 661_000_002;
    const student = await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await post(messageNew(peerId, await issueCode(student.id)));
    const [accept] = actionsOf(api.sent().at(-1)!);
    await post(messageEvent(peerId, { a: accept, l: 'ru' }));
    expect(await db.prisma.chat.count({ where: { channel: 'vk', externalId: String(peerId) } })).toBe(1);

    const before = api.calls.length;
    for (const a of ['m:g:9999-99-99:a', 'm:h:2026-02-30:0']) {
      await post(messageEvent(peerId, { a, l: 'ru' }));
      await post(messageNew(peerId, 'Оценки', { payload: { a, l: 'ru' } }));
    }
    const made = api.calls.slice(before);
    expect(made.filter((c) => c.method === 'messages.sendMessageEventAnswer')).toHaveLength(2);
    expect(textsOf(made)).not.toContain(t.error);
  });
});
