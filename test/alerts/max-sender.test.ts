import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import IORedis from 'ioredis';
import { classifyMax, createMaxSender, maxBotName, maxPacing } from '../../bots/max/max-sender';
import type { ChatSender, TSendResult } from '../../core/alerts/alert-ports';
import { createRedisRateLimiter } from '../../infra/rate-limiter';
import { type MaxStub, startMaxStub, type TMaxStubOptions } from '../helpers/max-stub';

// MAX POST /messages as the alert workers use it, against a local double of the Bot API: the
// answers map onto what the delivery worker does next, nothing secret reaches an error string,
// and the pacing keeps workers sharing one token under MAX's per-second limit.

const TOKEN = 'f00dfeed-max-token-0123456789';
const CHAT = '123456789';
const redisUrl = process.env.REDIS_URL;

let stub: MaxStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function senderFor(options: TMaxStubOptions = {}, token = TOKEN): Promise<ChatSender> {
  stub = await startMaxStub({ token: TOKEN, ...options });
  return createMaxSender({ apiBaseUrl: stub.apiBaseUrl, token, perSecond: 30 });
}

const send = (sender: ChatSender, externalId = CHAT, text = 'Маша: 5 по математике') =>
  sender.send({ externalId, text, key: 'alert-message:1' });

function maxInOneSecond(sortedTimes: number[]): number {
  let max = 0;
  for (let i = 0, j = 0; i < sortedTimes.length; i++) {
    while (sortedTimes[i] - sortedTimes[j] >= 1000) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

/** No token and no chat id in what gets logged. */
function expectNothingSecret(result: TSendResult) {
  const error = result.ok ? '' : result.error;
  expect(error).not.toContain(TOKEN);
  expect(error).not.toContain(CHAT);
}

describe('MAX sender', () => {
  it('sends the alert as plain text to the chat, with the token in Authorization', async () => {
    const sender = await senderFor();
    await expect(send(sender, CHAT, 'Маша: 5 по математике <контрольная>')).resolves.toEqual({ ok: true });
    await expect(send(sender, '-70000000123', 'Петя: 4 по истории')).resolves.toEqual({ ok: true });
    expect(stub!.sentTo(CHAT)).toEqual([
      expect.objectContaining({ chatId: CHAT, text: 'Маша: 5 по математике <контрольная>', buttons: [] }),
    ]);
    expect(stub!.sentTo('-70000000123').map((m) => m.text)).toEqual(['Петя: 4 по истории']);
    expect(stub!.accepted.every((m) => m.format === undefined)).toBe(true);
    expect(stub!.calls[0]).toMatchObject({ method: 'POST', path: '/messages', query: { chat_id: CHAT } });
  });

  it('names the bot by a hash of the token and paces under the limit', async () => {
    const sender = await senderFor();
    expect(sender.channel).toBe('max');
    expect(sender.bot).toBe(maxBotName(TOKEN));
    expect(sender.bot).toMatch(/^max:[0-9a-f]{8}$/);
    expect(sender.bot).not.toContain(TOKEN.slice(0, 8));
    expect(sender.pacing).toEqual({ perSecond: 28, perChatIntervalMs: 1050 });
    expect(maxPacing(1).perSecond).toBe(1);
  });

  it('asks to wait on 429: Retry-After when MAX sends one, a second otherwise', async () => {
    let sender = await senderFor({ throttleRequest: () => true });
    const result = await send(sender);
    expect(result).toMatchObject({ ok: false, kind: 'retry-after', retryAfterMs: 1000 });
    expectNothingSecret(result);
    await stub!.close();
    sender = await senderFor({ throttleRequest: () => true, retryAfterSeconds: 3 });
    await expect(send(sender)).resolves.toMatchObject({ ok: false, kind: 'retry-after', retryAfterMs: 3000 });
    expect(stub!.accepted).toHaveLength(0);
  });

  it('treats a chat that blocked the bot (403) as blocked', async () => {
    const sender = await senderFor({ blocked: new Set([CHAT]) });
    const result = await send(sender);
    expect(result).toMatchObject({ ok: false, kind: 'blocked' });
    expectNothingSecret(result);
    expect(stub!.counts.forbidden).toBe(1);
  });

  it('retries 503 and a refused connection later', async () => {
    const sender = await senderFor({ failRequest: (n) => n === 1 });
    await expect(send(sender)).resolves.toMatchObject({ ok: false, kind: 'transient' });
    await expect(send(sender)).resolves.toEqual({ ok: true });

    // A port nobody listens on: a server opened and closed again.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = createMaxSender({ apiBaseUrl: `http://127.0.0.1:${port}`, token: TOKEN, perSecond: 30 });
    const result = await send(refused);
    expect(result).toMatchObject({ ok: false, kind: 'transient', error: 'max network: ECONNREFUSED' });
  });

  it('rejects when the token is refused, without naming it', async () => {
    const sender = await senderFor({}, 'some-other-token-0123456789');
    const result = await send(sender);
    expect(result).toMatchObject({ ok: false, kind: 'rejected', error: expect.stringContaining('token was refused') });
    expect(result.ok ? '' : result.error).not.toContain('some-other-token');
    expect(stub!.counts.unauthorized).toBe(1);
  });

  it('classifies 404 as blocked only when the API says the chat is gone, and other 4xx as rejected', () => {
    expect(classifyMax(404, 'chat.not.found', 'Chat 123456789 not found')).toMatchObject({
      kind: 'blocked',
      error: 'max 404 chat.not.found: Chat … not found',
    });
    expect(classifyMax(404, 'not.found', 'Path /v1/messages is not recognized')).toMatchObject({ kind: 'rejected' });
    expect(classifyMax(404, 'unexpected.response', 'Failed to parse JSON')).toMatchObject({ kind: 'rejected' });
    expect(classifyMax(400, 'proto.payload', 'text: size must be between 0 and 4000')).toMatchObject({
      kind: 'rejected',
    });
    expect(classifyMax(502, 'bad.gateway', '')).toMatchObject({ kind: 'transient' });
  });
});

(redisUrl ? describe : describe.skip)('MAX send pacing on Redis', () => {
  it('keeps two workers sharing one token under the limit, with no 429', async () => {
    const LIMIT = 10;
    stub = await startMaxStub({ token: TOKEN, perSecond: LIMIT, perChatGapMs: 1000 });
    // Two workers: each its own Redis connection, limiter and sender, as two processes would have.
    const redis = [new IORedis(redisUrl!), new IORedis(redisUrl!)];
    const prefix = `test:max-pace:${randomBytes(4).toString('hex')}`;
    const workers = redis.map((r) => ({
      limiter: createRedisRateLimiter(r, prefix),
      sender: createMaxSender({ apiBaseUrl: stub!.apiBaseUrl, token: TOKEN, perSecond: LIMIT }),
    }));
    const results: { worker: number; result: TSendResult }[] = [];
    let next = 0;
    const until = Date.now() + 3000;
    try {
      // Four callers per worker over twelve chats, so the per-chat gap is exercised too.
      await Promise.all(
        Array.from({ length: 8 }, async (_, n) => {
          const { limiter, sender } = workers[n % 2];
          while (Date.now() < until) {
            const chat = String(1000 + (next++ % 12));
            let wait = await limiter.reserve(sender.bot, chat, sender.pacing);
            while (wait > 0 && Date.now() < until) {
              await new Promise((r) => setTimeout(r, wait));
              wait = await limiter.reserve(sender.bot, chat, sender.pacing);
            }
            if (wait === 0) results.push({ worker: n % 2, result: await send(sender, chat) });
          }
        }),
      );
    } finally {
      await Promise.all(redis.map((r) => r.quit()));
    }
    expect(stub.counts.tooMany).toBe(0);
    expect(results.every((r) => r.result.ok)).toBe(true);
    expect(new Set(results.map((r) => r.worker))).toEqual(new Set([0, 1]));
    // Paced at LIMIT - 2 a second: close to it, and never more than LIMIT in any second.
    const times = stub.accepted.map((m) => m.at);
    expect(maxInOneSecond(times)).toBeLessThanOrEqual(LIMIT);
    expect(times.length).toBeGreaterThanOrEqual(3 * (LIMIT - 2) - 2);
    expect(times.length).toBeLessThanOrEqual(3 * LIMIT);
  });
});
