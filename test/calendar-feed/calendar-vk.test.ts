import nock from 'nock';
import request from 'supertest';
import { INLINE_LIMITS } from '../../bots/vk';
import { createLogger } from '../../infra/logger';
import { createMetrics } from '../../infra/metrics';
import { createServer } from '../../webhooks/app';
import { calendarRoute } from '../../webhooks/calendar-route';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import type { TVkApiStub } from '../helpers/vk-api-stub';
import { actionsOf, keyboardOf, messageEvent, messageNew, textsOf } from '../helpers/vk-harness';
import { vkCallbackOnDatabase } from '../helpers/vk-runtime';

// /calendar and «календарь» in VK, through POST /webhooks/vk: the link, the buttons for a new one
// or off (payloads, inline keyboard within VK's limits), the settings' off switch, /forget.

const PUBLIC_URL = 'https://dnevnik.example/';
const LINK = /https:\/\/dnevnik\.example\/calendar\/([A-Za-z0-9_-]{32})\.ics/g;

let db: TestDatabase;
let studentId: string;
let api: TVkApiStub | undefined;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  db = await createDemoDatabase();
  studentId = (await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
});
afterEach(() => api?.stop());
afterAll(async () => {
  nock.enableNetConnect();
  nock.restore();
  await db?.destroy();
});

describe('VK /calendar', () => {
  it('gives the link, offers a new one or off, turns off from the settings, and is gone with /forget', async () => {
    const vk = await vkCallbackOnDatabase(db, { publicUrl: PUBLIC_URL });
    api = vk.api;
    const peerId = 223344556;
    await vk.post(messageNew(peerId, await vk.issueCode(studentId)));
    const accept = actionsOf(api.sent().at(-1)!).find((a) => a.startsWith('c:y:'))!;
    await vk.post(messageEvent(peerId, { a: accept, l: 'ru' }));
    const feedApp = createServer({
      logger: createLogger('silent'),
      metrics: createMetrics({ defaultMetrics: false }),
      readiness: {},
      routers: [calendarRoute(vk.feeds)],
    });

    await vk.post(messageNew(peerId, '/calendar'));
    const [token] = [...String(api.sent().at(-1)!.params.message).matchAll(LINK)].map((m) => m[1]);
    expect(token).toBeDefined();
    await request(feedApp).get(`/calendar/${token}.ics`).expect(200);

    await vk.post(messageNew(peerId, 'хочу календарь'));
    const again = api.sent().at(-1)!;
    expect(again.params.message).toContain('Ссылка на календарь уже выдана');
    expect(keyboardOf(again)?.inline).toBe(true);
    expect(actionsOf(again)).toEqual(['f:new', 'f:off']);

    await vk.post(messageEvent(peerId, { a: 'f:new', l: 'ru' }));
    const renewed = textsOf(api.calls).flatMap((t) => [...t.matchAll(LINK)].map((m) => m[1]));
    expect(renewed.at(-1)).not.toBe(token);
    await request(feedApp).get(`/calendar/${token}.ics`).expect(404);

    await vk.post(messageNew(peerId, '/settings'));
    const shown = api.calls.filter((c) => c.method === 'messages.send').slice(-2);
    for (const call of shown) {
      const keyboard = keyboardOf(call);
      if (keyboard?.inline) expect(keyboard.buttons.flat().length).toBeLessThanOrEqual(INLINE_LIMITS.buttons);
    }
    expect(actionsOf(shown[1])).toEqual(['f:off']);
    await vk.post(messageEvent(peerId, { a: 'f:off', l: 'ru' }));
    await request(feedApp)
      .get(`/calendar/${renewed.at(-1)}.ics`)
      .expect(404);

    await vk.post(messageNew(peerId, '/calendar'));
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { channel: 'vk', externalId: String(peerId) } });
    expect(await db.prisma.calendarFeed.count({ where: { personId: chat.personId } })).toBe(1);
    await vk.post(messageNew(peerId, '/forget'));
    expect(await db.prisma.calendarFeed.count({ where: { personId: chat.personId } })).toBe(0);
  });
});
