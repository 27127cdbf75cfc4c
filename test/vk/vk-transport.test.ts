import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import nock from 'nock';
import request from 'supertest';
import type { TVkQueuedEvent } from '../../bots/vk';
import { createRedisInbox } from '../../infra/event-inbox';
import { createDemoDatabase, DEMO_TODAY, dbDay } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import { startVkApiStub, type TVkApiStub, type TVkCall } from '../helpers/vk-api-stub';
import { actionsOf, CALLBACK_SECRET, fixture, GROUP_ID, messageEvent, messageNew } from '../helpers/vk-harness';
import { CONFIRMATION, vkOnDatabase } from '../helpers/vk-runtime';

// The Callback API transport and the sending rules: confirmation, secret, body checks, event_id
// dedup, the inbox before "ok", a stable random_id across retries, and blocked chats.

let db: TestDatabase;
let studentId: string;
let api: TVkApiStub;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  db = await createDemoDatabase();
  studentId = (
    await db.prisma.grade.findFirstOrThrow({
      where: { date: dbDay(DEMO_TODAY), deletedAt: null },
      orderBy: { id: 'asc' },
    })
  ).studentId;
});
afterEach(() => api?.stop());
afterAll(async () => {
  nock.enableNetConnect();
  nock.restore();
  await db?.destroy();
});

const redisUrl = process.env.REDIS_URL;
const withRedis = redisUrl ? describe : describe.skip;

async function setup(answer?: (call: TVkCall, n: number) => unknown) {
  api = startVkApiStub({ answer });
  const vk = vkOnDatabase(db);
  await vk.start();
  return vk;
}

/** Links a private chat through the real flow: code, then the Accept button. */
async function link(post: (e: object) => Promise<unknown>, issueCode: (id: string) => Promise<string>, peerId: number) {
  await post(messageNew(peerId, await issueCode(studentId)));
  await post(messageEvent(peerId, { a: actionsOf(api.sent().at(-1)!)[0], l: 'ru' }));
}

describe('VK Callback API route', () => {
  it('answers the confirmation event with the confirmation string, for our community only', async () => {
    const { app } = await setup();
    const res = await request(app).post('/webhooks/vk').send(fixture('confirmation')).expect(200);
    expect(res.text).toBe(CONFIRMATION);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const other = await request(app)
      .post('/webhooks/vk')
      .send({ ...fixture('confirmation'), group_id: 1 })
      .expect(403);
    expect(other.body.error).toMatch(/another community/);
  });

  it('refuses a wrong or missing secret with 403 and processes nothing', async () => {
    const { app } = await setup();
    const event = messageNew(523456789, '/start');
    const wrong = await request(app)
      .post('/webhooks/vk')
      .send({ ...event, secret: 'guess' })
      .expect(403);
    expect(wrong.body).toEqual({ error: 'wrong or missing secret' });
    await request(app)
      .post('/webhooks/vk')
      .send({ ...event, secret: undefined })
      .expect(403);
    expect(api.calls).toEqual([]);
  });

  it('answers bad bodies with a 4xx JSON error naming the problem, never 5xx', async () => {
    const { app } = await setup();
    const post = () => request(app).post('/webhooks/vk');
    expect((await post().set('content-type', 'application/json').send('{"type":')).body.error).toMatch(
      /not valid JSON/,
    );
    expect((await post().send({ group_id: GROUP_ID }).expect(400)).body.error).toMatch(
      /^body must be a VK Callback API event: type/,
    );
    expect((await post().send([1, 2]).expect(400)).body.error).toMatch(/VK Callback API event/);
    const { event_id: _id, ...noId } = messageNew(523456789, 'привет');
    expect((await post().send(noId).expect(400)).body.error).toMatch(/event_id is required/);
    await post()
      .send({ ...messageNew(523456789, 'привет'), event_id: 'bad id:1' })
      .expect(400);
    await post()
      .send({ ...messageNew(523456789, 'x'.repeat(1024 * 1024)) })
      .expect(413);
    // Well-formed envelope, malformed object: answered ok (VK must not resend it), nothing sent.
    await post()
      .send({ ...messageNew(523456789, 'привет'), object: { message: 'nonsense' } })
      .expect(200);
    await post()
      .send({ ...messageNew(523456789, 'привет'), object: {} })
      .expect(200)
      .expect('ok');
    await post()
      .send({
        ...messageEvent(523456789, { a: 's:open', l: 'ru' }),
        object: { user_id: 523456789, event_id: 'tap1', payload: {} },
      })
      .expect(200)
      .expect('ok');
    await post().send({ type: 'toString', group_id: GROUP_ID, event_id: 'e1', secret: CALLBACK_SECRET }).expect(200);
    expect(api.calls).toEqual([]);
  });

  it('processes a repeated event_id once', async () => {
    const { app } = await setup();
    const event = messageNew(623456789, '/start');
    for (let i = 0; i < 3; i++)
      await request(app).post('/webhooks/vk').set('X-Retry-Counter', String(i)).send(event).expect(200).expect('ok');
    expect(api.sent()).toHaveLength(1);
  });
});

describe('VK sending', () => {
  it('retries a send refused with 9 (flood) and 6 with the same random_id; a repeated event sends the same ids', async () => {
    let refused = 0;
    const { app, bot } = await setup((call) => {
      if (call.method !== 'messages.send' || refused >= 2) return undefined;
      refused++;
      return { error: { error_code: refused === 1 ? 9 : 6, error_msg: 'Flood control', request_params: [] } };
    });
    const event = messageNew(723456789, '/start');
    await request(app).post('/webhooks/vk').send(event).expect(200);
    const tries = api.sent();
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((c) => c.params.random_id)).size).toBe(1);
    expect(Number(tries[0].params.random_id)).toEqual(expect.any(Number));
    expect(api.delivered()).toHaveLength(1);

    // The queue runs an event again after a crash mid-way: VK sees the same random_id and drops the repeat.
    await bot.handle(event);
    expect(api.sent().at(-1)!.params.random_id).toBe(tries[0].params.random_id);
    expect(api.delivered()).toHaveLength(1);
    // The same words in answer to another event are a new message.
    await bot.handle(messageNew(723456789, '/start'));
    expect(api.delivered()).toHaveLength(2);
  });

  it('sends a menu anew when VK refuses to edit the tapped message (909: too old to edit)', async () => {
    const { app } = await setup((call) =>
      call.method === 'messages.edit'
        ? { error: { error_code: 909, error_msg: 'Can not edit: message is too old', request_params: [] } }
        : undefined,
    );
    await request(app)
      .post('/webhooks/vk')
      .send(messageEvent(143456789, { a: 's:open', l: 'ru' }))
      .expect(200);
    expect(api.calls.map((c) => c.method)).toEqual([
      'messages.sendMessageEventAnswer',
      'messages.edit',
      'messages.send',
    ]);
    expect(api.sent()[0].params.message).toMatch(/^Сначала подключите дневник/);
  });

  it('marks a chat inactive on 901 (no permission to write) and stops; message_allow makes it active again', async () => {
    let blocked = false;
    const { app, issueCode } = await setup((call) =>
      blocked && call.method === 'messages.send' ? fixture('api_error_901') : undefined,
    );
    const post = (event: object) => request(app).post('/webhooks/vk').send(event).expect(200);
    const peerId = 823456789;
    await link(post, issueCode, peerId);
    const chat = () => db.prisma.chat.findFirstOrThrow({ where: { channel: 'vk', externalId: String(peerId) } });
    expect((await chat()).active).toBe(true);

    blocked = true;
    const before = api.sent().length;
    await post(messageNew(peerId, 'оценки сегодня'));
    expect(api.sent().length - before).toBe(1);
    expect((await chat()).active).toBe(false);

    await post({
      type: 'message_allow',
      group_id: GROUP_ID,
      event_id: randomBytes(8).toString('hex'),
      secret: CALLBACK_SECRET,
      object: { user_id: peerId, key: '' },
    });
    expect((await chat()).active).toBe(true);
  });
});

withRedis('VK inbox on Redis', () => {
  it('answers ok only once the event is in Redis; a later process handles it, and a repeat is not queued again', async () => {
    const name = `dnevnik-vk-test-${randomBytes(4).toString('hex')}`;
    const first = createRedisInbox<TVkQueuedEvent>(redisUrl!, { name });
    const { app } = vkOnDatabase(db, { inbox: first });
    api = startVkApiStub();
    const event = messageNew(923456789, '/start');
    await request(app).post('/webhooks/vk').send(event).expect(200).expect('ok');
    expect(await first.depth()).toBe(1);
    await request(app).post('/webhooks/vk').send(event).expect(200).expect('ok');
    expect(await first.depth()).toBe(1);
    // The process that took the event stops before handling it; another one handles it.
    await first.close();
    expect(api.calls).toEqual([]);

    const second = createRedisInbox<TVkQueuedEvent>(redisUrl!, { name });
    const worker = vkOnDatabase(db, { inbox: second });
    const handled = new Promise<void>(
      (resolve) => void second.start(async (e) => (await worker.bot.handle(e), resolve())),
    );
    await handled;
    expect(api.sent()).toHaveLength(1);
    expect(api.sent()[0].params.message).toMatch(/^Здравствуйте!/);
    await request(worker.app).post('/webhooks/vk').send(event).expect(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(api.sent()).toHaveLength(1);
    await second.close();
    const queue = new Queue(name, { connection: { url: redisUrl } });
    // The processed event is remembered by its id only: the message and its sender are gone from Redis.
    const remembered = (await queue.getJobs(['completed']))[0];
    expect(remembered.id).toBe(`e-${event.event_id}`);
    expect(remembered.data).toEqual({});
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('answers ok to a malformed event of a handled type and to a type the bot does not handle, and queues neither', async () => {
    const name = `dnevnik-vk-test-${randomBytes(4).toString('hex')}`;
    const inbox = createRedisInbox<TVkQueuedEvent>(redisUrl!, { name });
    const { app } = vkOnDatabase(db, { inbox });
    const post = (event: object) => request(app).post('/webhooks/vk').send(event).expect(200).expect('ok');
    await post({ ...messageNew(933456789, 'привет'), object: {} });
    await post({
      type: 'message_allow',
      group_id: GROUP_ID,
      event_id: randomBytes(8).toString('hex'),
      secret: CALLBACK_SECRET,
      object: { user_id: 'everyone' },
    });
    await post({
      type: 'wall_post_new',
      group_id: GROUP_ID,
      event_id: randomBytes(8).toString('hex'),
      secret: CALLBACK_SECRET,
      object: { id: 1 },
    });
    expect(await inbox.depth()).toBe(0);
    await post(messageNew(933456789, '/start'));
    expect(await inbox.depth()).toBe(1);
    await inbox.close();
    const queue = new Queue(name, { connection: { url: redisUrl } });
    await queue.obliterate({ force: true });
    await queue.close();
  });
});
