import nock from 'nock';
import { createVkSender, vkRandomId } from '../../bots/vk/vk-sender';
import { createAlertPipeline } from '../../core/alerts/alert-pipeline';
import { silentObserver, systemClock } from '../../core/alerts/alert-ports';
import { ingestBatch } from '../../core/ingest/ingest-batch';
import { createInProcessQueue } from '../../infra/in-process-queue';
import { createMemoryRateLimiter } from '../../infra/rate-limiter';
import { createAlertStore } from '../../prisma/stores/alerts/alert-store';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { seedFamilies } from '../helpers/alert-fixtures';
import { event, schoolEvents } from '../helpers/journal-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// VK messages.send as the alert workers use it, with nock standing in for api.vk.ru: rate and
// flood errors are retried later, privacy and blacklist errors end the chat's alerts, and every
// try of one message carries the same random_id so VK drops a repeat.

const API = 'https://api.vk.test';
const BASE = `${API}/method`;

interface TCall {
  peerId: string;
  randomId: string;
  message: string;
  token: string;
}

/** Intercepts messages.send: `answer` decides each reply from the call (nock 15 hands over the fetch Request). */
function interceptSend(times: number, answer: (call: TCall, calls: TCall[]) => unknown): TCall[] {
  const calls: TCall[] = [];
  nock(API)
    .post('/method/messages.send')
    .times(times)
    .reply((_uri, body) => {
      const form = new URLSearchParams(body as string);
      const call = {
        peerId: form.get('peer_id')!,
        randomId: form.get('random_id')!,
        message: form.get('message')!,
        token: form.get('access_token')!,
      };
      calls.push(call);
      return [200, answer(call, calls)];
    });
  return calls;
}

/** Answers messages.send with `answers` in turn (the last one repeats); records every call. */
const vkApi = (answers: Record<string, unknown>[]) =>
  interceptSend(50, (_call, calls) => answers[Math.min(calls.length - 1, answers.length - 1)]);

const vkError = (code: number, msg = 'error') => ({ error: { error_code: code, error_msg: msg, request_params: [] } });

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => nock.cleanAll());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe('VK sender', () => {
  const sender = createVkSender({ apiBaseUrl: BASE, token: 'vk-token', groupId: 42 });
  const send = (key = 'alert-message:1') => sender.send({ externalId: '2000001', text: 'Маша: 5 по математике', key });

  it('sends peer_id, text and a random_id derived from the key', async () => {
    const calls = vkApi([{ response: 17 }]);
    await expect(send()).resolves.toEqual({ ok: true });
    expect(calls).toEqual([
      {
        peerId: '2000001',
        message: 'Маша: 5 по математике',
        token: 'vk-token',
        randomId: String(vkRandomId('alert-message:1')),
      },
    ]);
  });

  it('asks to wait on error 6 (too many requests) and to back off on error 9 (flood control)', async () => {
    vkApi([vkError(6, 'Too many requests per second'), vkError(9, 'Flood control')]);
    await expect(send()).resolves.toMatchObject({ ok: false, kind: 'retry-after', retryAfterMs: 1000 });
    await expect(send()).resolves.toMatchObject({ ok: false, kind: 'transient' });
  });

  it.each([900, 901, 902])('treats error %i as a chat that cannot be written to', async (code) => {
    vkApi([vkError(code)]);
    await expect(send()).resolves.toMatchObject({ ok: false, kind: 'blocked' });
  });

  it('retries 5xx and network failures, and rejects other errors without retrying', async () => {
    nock(API).post('/method/messages.send').reply(502, 'Bad Gateway');
    await expect(send()).resolves.toMatchObject({ ok: false, kind: 'transient' });
    nock(API).post('/method/messages.send').replyWithError('socket hang up');
    await expect(send()).resolves.toMatchObject({ ok: false, kind: 'transient' });
    vkApi([vkError(100, 'One of the parameters specified was missing or invalid')]);
    await expect(send()).resolves.toMatchObject({ ok: false, kind: 'rejected' });
  });

  it('derives random_id deterministically: the same key gives the same id, other keys others', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => vkRandomId(`alert-message:${i}`));
    expect(ids.map((_, i) => vkRandomId(`alert-message:${i}`))).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // messages.send takes a signed 32-bit integer.
    expect(ids.every((id) => Number.isInteger(id) && id >= -(2 ** 31) && id < 2 ** 31)).toBe(true);
  });
});

describe('alert delivery to VK chats', () => {
  let db: TestDatabase;
  afterAll(async () => db?.destroy());

  it('retries through errors 6 and 9 with one random_id, and stops writing to a chat that answered 901', async () => {
    db = await createTestDatabase('pglite');
    const ingest = createIngestStore(db);
    const students = [0, 1].map((i) =>
      event('student.upserted', {
        schoolId: 's1',
        studentId: `s1-v${i}`,
        classId: 's1-5a',
        lastName: 'Петрова',
        firstName: `Ученица${i}`,
      }),
    );
    await ingestBatch(
      ingest,
      { events: [...schoolEvents('s1'), ...students] },
      { defaultTimezone: 'Europe/Moscow', withOutbox: false },
    );
    await seedFamilies(db.sql.query, {
      studentIds: ['s1-v0', 's1-v1'],
      guardiansOf: () => 1,
      chatIdOf: (i) => `${3000 + i}`,
      channelOf: () => 'vk',
    });
    await ingestBatch(
      ingest,
      {
        events: [0, 1].map((i) =>
          event('grade.upserted', {
            gradeId: `gv-${i}`,
            studentId: `s1-v${i}`,
            subjectId: 's1-math',
            date: '2026-12-01',
            value: '4',
            weight: 1,
          }),
        ),
      },
      { defaultTimezone: 'Europe/Moscow' },
    );

    // Chat 3000: too many requests, then flood control, then accepted. Chat 3001: privacy settings forbid writing.
    const calls = interceptSend(20, (call, all) => {
      if (call.peerId === '3001') return vkError(901, "Can't send messages for users without permission");
      const n = all.filter((c) => c.peerId === call.peerId).length;
      return n === 1 ? vkError(6) : n === 2 ? vkError(9) : { response: 99 };
    });

    const pipeline = createAlertPipeline(
      {
        store: createAlertStore(db),
        queue: createInProcessQueue(),
        limiter: createMemoryRateLimiter(),
        senders: [createVkSender({ apiBaseUrl: BASE, token: 'vk-token', groupId: 42 })],
        clock: systemClock,
        observer: silentObserver,
        onError: (err) => process.stderr.write(`alert pipeline error: ${String(err)}\n`),
      },
      {
        windowMs: 100,
        idleMs: 50,
        sweepEveryMs: 1000,
        delivery: { leaseMs: 5000, maxInlineWaitMs: 5000, maxAttempts: 10, backoffBaseMs: 50, backoffMaxMs: 200 },
      },
    );
    await pipeline.start();
    try {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const [row] = await db.sql.query<{ open: number; total: number }>(
          `SELECT count(*) FILTER (WHERE status NOT IN ('sent', 'dropped', 'failed'))::int AS open, count(*)::int AS total FROM "AlertMessage"`,
        );
        if (row.total === 2 && row.open === 0) break;
        if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(row)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await pipeline.stop();
    }

    const toFirst = calls.filter((c) => c.peerId === '3000');
    expect(toFirst).toHaveLength(3);
    expect(new Set(toFirst.map((c) => c.randomId)).size).toBe(1);
    expect(toFirst[0].message).toBe('Ученица0: 4 по математике');
    expect(calls.filter((c) => c.peerId === '3001')).toHaveLength(1);
    expect(toFirst[0].randomId).not.toBe(calls.find((c) => c.peerId === '3001')!.randomId);

    const outcome = await db.sql.query<{ externalId: string; status: string; active: boolean; attempts: number }>(
      `SELECT c."externalId", m.status, c.active, m.attempts FROM "AlertMessage" m JOIN "Chat" c ON c.id = m."chatId" ORDER BY c."externalId"`,
    );
    expect(outcome).toEqual([
      { externalId: '3000', status: 'sent', active: true, attempts: 3 },
      { externalId: '3001', status: 'dropped', active: false, attempts: 1 },
    ]);
  });
});
