import request from 'supertest';
import { BOT_TEXTS } from '../../core/conversation';
import { createDemoDatabase } from '../helpers/demo-database';
import { rowCounts } from '../helpers/full-app';
import { botStarted, MAX_SECRET, messageCallback, messageCreated } from '../helpers/max-harness';
import { maxOnDatabase } from '../helpers/max-runtime';
import { type MaxStub, startMaxStub } from '../helpers/max-stub';
import type { TestDatabase } from '../helpers/test-database';

// POST /webhooks/max: the secret header before anything is read, bodies that are no update, the
// types the bot ignores, the same update delivered twice, and hostile bodies — never a 5xx.

let db: TestDatabase;
let stub: MaxStub;

beforeAll(async () => {
  db = await createDemoDatabase();
});
afterEach(() => stub?.close());
afterAll(() => db?.destroy());

async function setup() {
  stub = await startMaxStub();
  const max = maxOnDatabase(db, stub);
  await max.start();
  const raw = (secret: string | null = MAX_SECRET) => {
    const req = request(max.app).post('/webhooks/max');
    return secret === null ? req : req.set('X-Max-Bot-Api-Secret', secret);
  };
  return { ...max, raw };
}

describe('MAX webhook route', () => {
  it('refuses a wrong or missing secret with 401 and processes nothing', async () => {
    const { raw } = await setup();
    const before = await rowCounts(db);
    const update = messageCreated(211_000_001, '/start');
    for (const secret of [null, 'guess', '', MAX_SECRET.toUpperCase(), `${MAX_SECRET}x`]) {
      const res = await raw(secret).send(update).expect(401);
      expect(res.body.error).toMatch(/X-Max-Bot-Api-Secret/);
    }
    // Refused before the body is read: a body that is no update is refused the same way.
    await raw('guess').set('content-type', 'application/json').send('{"update_type":').expect(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(stub.calls).toEqual([]);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('answers a body that is not JSON or not an update with 400 and a JSON reason', async () => {
    const { raw } = await setup();
    const bad = async (body: string, reason: RegExp) => {
      const res = await raw().set('content-type', 'application/json').send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body.error).toMatch(reason);
    };
    await bad('{"update_type":', /JSON/);
    await bad('[1,2]', /^body must be a MAX update/);
    await bad('{"timestamp":1}', /^body must be a MAX update: update_type/);
    await bad('{"update_type":"message_created"}', /timestamp/);
    await bad('{"update_type":"","timestamp":1}', /update_type/);
    await bad('"hello"', /MAX update|JSON/);
    expect(stub.calls).toEqual([]);
  });

  it('acknowledges an ignored type (message_edited) or a malformed handled one with 200 and does nothing', async () => {
    const { raw } = await setup();
    const edited = { ...messageCreated(211_000_002, 'оценки'), update_type: 'message_edited' };
    await raw().send(edited).expect(200, { ok: true });
    await raw().send({ update_type: 'message_removed', timestamp: 1, message_id: 'mid.x' }).expect(200);
    // A handled type whose fields are wrong: MAX would only send it again, so it is acknowledged.
    await raw().send({ update_type: 'message_created', timestamp: 1, message: 'nonsense' }).expect(200);
    await raw()
      .send({ ...botStarted(211_000_003), chat_id: 'abc' })
      .expect(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(stub.calls).toEqual([]);
  });

  it('processes the same update delivered twice once: same mid, same callback_id, same start', async () => {
    const { raw } = await setup();
    const chatId = 211_000_004;
    const message = messageCreated(chatId, '/start');
    for (let i = 0; i < 3; i++) await raw().send(message).expect(200);
    expect(stub.sentTo(chatId)).toHaveLength(1);
    // Another message with the same text is a new update.
    await raw().send(messageCreated(chatId, '/start')).expect(200);
    expect(stub.sentTo(chatId)).toHaveLength(2);

    const tap = messageCallback(chatId, 's:open', stub.sentTo(chatId)[0].mid);
    stub.seen(tap);
    for (let i = 0; i < 3; i++) await raw().send(tap).expect(200);
    expect(stub.answers).toHaveLength(1);

    const started = botStarted(211_000_005);
    for (let i = 0; i < 3; i++) await raw().send(started).expect(200);
    expect(stub.sentTo(211_000_005)).toHaveLength(1);
    // The same chat starting at another moment is a new update.
    await raw().send(botStarted(211_000_005)).expect(200);
    expect(stub.sentTo(211_000_005)).toHaveLength(2);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const { raw } = await setup();
    await raw()
      .send(messageCreated(211_000_006, 'x'.repeat(1024 * 1024)))
      .expect(413);
    expect(stub.calls).toEqual([]);
  });

  it('never answers a hostile body with a 5xx', async () => {
    const { raw } = await setup();
    const before = await rowCounts(db);
    const chatId = 211_000_007;
    const hostile: object[] = [
      messageCreated(chatId, 'оценки\u0000сегодня'),
      messageCreated(chatId, 'оценки \uD800 сегодня'),
      messageCreated(chatId, '\uDC00'),
      messageCreated(chatId, 'a'.repeat(5000)),
      {
        ...messageCreated(chatId, 'x'),
        message: { recipient: { chat_id: 1e300, chat_type: 'dialog' }, body: { mid: 'm1' } },
      },
      botStarted(2 ** 53 + 1),
      { ...botStarted(chatId), chat_id: -1e308 },
      botStarted(chatId, 'A'.repeat(129)),
      botStarted(chatId, '4815\u000026047391'),
      botStarted(chatId, '\uD800'.repeat(200)),
      messageCallback(chatId, 'x'.repeat(10_000), 'mid.none'),
      messageCallback(chatId, '\uD800', 'mid.none'),
      { ...messageCallback(chatId, 's:open', 'mid.none'), message: null },
      { update_type: 'bot_started', timestamp: -1 },
      { update_type: '__proto__', timestamp: 1 },
      { update_type: 'x'.repeat(65), timestamp: 1 },
    ];
    for (const body of hostile) {
      const res = await raw().send(body);
      expect({ status: res.status < 500, body: JSON.stringify(body).slice(0, 80) }).toEqual({
        status: true,
        body: JSON.stringify(body).slice(0, 80),
      });
    }
    // A raw NUL and a lone surrogate escape in the JSON text itself.
    for (const text of [
      '{"update_type":"message_created\u0000","timestamp":1}',
      '{"update_type":"\\ud800","timestamp":1}',
    ])
      expect((await raw().set('content-type', 'application/json').send(text)).status).toBeLessThan(500);
    // Nobody linked and nothing stored: polite replies at most.
    expect(await rowCounts(db)).toEqual(before);
    expect(stub.sentTo(chatId).map((m) => m.text)).not.toContain(BOT_TEXTS.ru.error);
    expect(stub.sentTo(chatId).length).toBeGreaterThan(3);
  });
});
