import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot } from '@maxhub/max-bot-api';
import { MAX_MESSAGE_LIMIT } from '../../bots/max';
import { sendReplies } from '../../bots/max/max-outcome';
import { createDemoDatabase, DEMO_TODAY, dbDay } from '../helpers/demo-database';
import { messageCallback, messageCreated } from '../helpers/max-harness';
import { maxOnDatabase } from '../helpers/max-runtime';
import { type MaxStub, startMaxStub, type TMaxStubOptions } from '../helpers/max-stub';
import { silentLogger } from '../helpers/telegram-runtime';
import type { TestDatabase } from '../helpers/test-database';

// Sending to MAX: 429 retried, 403 marks the chat inactive and stops, an edit MAX refuses becomes
// a new message, and a reply over MAX's 4,000 characters goes out in parts.

let db: TestDatabase;
let studentId: string;
let stub: MaxStub;
let proxy: http.Server | undefined;

beforeAll(async () => {
  db = await createDemoDatabase();
  studentId = (
    await db.prisma.grade.findFirstOrThrow({
      where: { date: dbDay(DEMO_TODAY), deletedAt: null },
      orderBy: { id: 'asc' },
    })
  ).studentId;
});
afterEach(async () => {
  await stub?.close();
  await new Promise((r) => (proxy ? proxy.close(r) : r(undefined)));
  proxy = undefined;
});
afterAll(() => db?.destroy());

async function setup(options: TMaxStubOptions = {}, apiBaseUrl?: (stub: MaxStub) => Promise<string>) {
  stub = await startMaxStub(options);
  const max = maxOnDatabase(db, stub, { apiBaseUrl: apiBaseUrl ? await apiBaseUrl(stub) : undefined });
  await max.start();
  return max;
}

/**
 * The stub behind a proxy that refuses every edit with 400, as MAX refuses to change a message it
 * no longer lets the bot edit; the stub itself always accepts edits.
 */
async function refusingEdits(target: MaxStub): Promise<string> {
  proxy = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method === 'PUT' && req.url?.startsWith('/messages')) {
      res.writeHead(400, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ code: 'edit.denied', message: 'message can not be edited' }));
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)),
    ) as Record<string, string>;
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const answer = await fetch(`${target.apiBaseUrl}${req.url}`, { method: req.method, headers, body });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => proxy!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

/** Links a private chat through the real flow: a code, then the Accept button. */
async function link(post: (u: object) => Promise<unknown>, code: string, chatId: number) {
  await post(messageCreated(chatId, code));
  const consent = stub.sentTo(chatId).at(-1)!;
  await post(messageCallback(chatId, consent.buttons[0], consent.mid));
}

describe('MAX sending', () => {
  it('retries a message refused with 429, and sends it once', async () => {
    let refused = 0;
    const { post } = await setup({
      throttleRequest: (_n, call) => call.method === 'POST' && call.path === '/messages' && refused++ < 2,
    });
    await post(messageCreated(311_000_001, '/start'));
    expect(stub.counts.tooMany).toBe(2);
    expect(stub.sentTo(311_000_001)).toEqual([
      expect.objectContaining({ text: expect.stringMatching(/^Здравствуйте!/) }),
    ]);
  });

  it('retries a callback answer refused with 503', async () => {
    let failed = 0;
    const { post } = await setup({
      failRequest: (_n, call) => call.path === '/answers' && failed++ < 1,
    });
    await post(messageCreated(311_000_002, '/start'));
    await post(messageCallback(311_000_002, 's:open', stub.sentTo(311_000_002)[0].mid));
    expect(stub.counts.serverErrors).toBe(1);
    expect(stub.answers).toHaveLength(1);
  });

  it('marks a chat inactive on 403 and sends nothing more for that update', async () => {
    const blocked = new Set<string>();
    const { post, issueCode } = await setup({ blocked });
    const chatId = 311_000_003;
    await link(post, await issueCode(studentId), chatId);
    const chat = () => db.prisma.chat.findFirstOrThrow({ where: { channel: 'max', externalId: String(chatId) } });
    expect((await chat()).active).toBe(true);
    blocked.add(String(chatId));
    const tries = stub.calls.length;
    await post(messageCreated(chatId, 'какие оценки сегодня'));
    // One refused send, no retry, no apology.
    expect(stub.calls.slice(tries).filter((c) => c.path === '/messages')).toHaveLength(1);
    expect(stub.counts.forbidden).toBe(1);
    expect((await chat()).active).toBe(false);
  });

  it('sends a menu anew when MAX refuses to edit the tapped message', async () => {
    const { post } = await setup({}, refusingEdits);
    const chatId = 311_000_004;
    await post(messageCreated(chatId, '/start'));
    const greeting = stub.sentTo(chatId)[0];
    await post(messageCallback(chatId, 's:open', greeting.mid));
    expect(stub.edits).toEqual([]);
    expect(stub.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /messages',
      'POST /answers',
      'POST /messages',
    ]);
    expect(stub.sentTo(chatId)[1].text).toMatch(/^Сначала подключите дневник/);
  });

  it('splits a reply over 4,000 characters, the keyboard on the last part only', async () => {
    stub = await startMaxStub();
    const api = new Bot(stub.token, { clientOptions: { baseUrl: stub.apiBaseUrl } }).api;
    const chats = { setActive: async () => undefined } as never;
    const deps = { api, chats, log: silentLogger, retryDelayMs: () => 1 };
    const line = (i: number) => `Строка ${i}: ${'оценка '.repeat(12)}\n`;
    const text = Array.from({ length: 120 }, (_, i) => line(i)).join('');
    expect(text.length).toBeGreaterThan(2 * MAX_MESSAGE_LIMIT);
    const chatId = 311_000_005;
    const target = { chat: { channel: 'max' as const, externalId: String(chatId) }, chatId, lang: 'ru' as const };
    expect(await sendReplies(deps, target, { replies: [{ text, html: false, keyboard: { kind: 'main' } }] })).toBe(
      'sent',
    );
    const parts = stub.sentTo(chatId);
    expect(parts).toHaveLength(3);
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(MAX_MESSAGE_LIMIT);
    expect(
      parts
        .map((p) => p.text)
        .join('')
        .replace(/\s/g, ''),
    ).toBe(text.replace(/\s/g, ''));
    expect(parts.map((p) => p.buttons.length > 0)).toEqual([false, false, true]);
  });
});
