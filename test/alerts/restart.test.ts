import { randomInt } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { createTelegramSender } from '../../bots/telegram/telegram-sender';
import { type AlertPipeline, createAlertPipeline } from '../../core/alerts/alert-pipeline';
import { type DeliveryQueue, type RateLimiter, silentObserver, systemClock } from '../../core/alerts/alert-ports';
import { ingestBatch } from '../../core/ingest/ingest-batch';
import { ALERTS_QUEUE, createBullmqQueue } from '../../infra/bullmq-queue';
import { createInProcessQueue } from '../../infra/in-process-queue';
import { createMemoryRateLimiter, createRedisRateLimiter } from '../../infra/rate-limiter';
import type { Database } from '../../prisma/db/database';
import { createAlertStore } from '../../prisma/stores/alerts/alert-store';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { seedFamilies } from '../helpers/alert-fixtures';
import {
  createScratchPostgres,
  redisDatabaseUrl,
  startWorkerChild,
  type TScratchPostgres,
  type TWorkerChild,
} from '../helpers/alert-processes';
import { event, schoolEvents } from '../helpers/journal-fixtures';
import { startTelegramStub, type TelegramStub } from '../helpers/telegram-stub';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// A worker that stops in the middle of sending — shut down, or killed with SIGKILL — and
// workers started after it: every (alert, chat) reaches its chat once, or the chat is marked
// inactive. Only a send that was on the wire when the process died may arrive twice.

const STUDENTS = 30;
const BLOCKED_CHAT = '4000';
const TOKEN_SECRET = 'restart-test';
const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;

/** 30 students, 1–2 guardians each (45 chats, one blocked), two grades per student: one message per chat. */
async function seedWorld(db: Database): Promise<{ expectedChats: string[] }> {
  const ingest = createIngestStore(db);
  const students = Array.from({ length: STUDENTS }, (_, i) =>
    event('student.upserted', {
      schoolId: 's1',
      studentId: `s1-r${i}`,
      classId: 's1-5a',
      lastName: 'Соколова',
      firstName: `Ученик${i}`,
    }),
  );
  await ingestBatch(
    ingest,
    { events: [...schoolEvents('s1'), ...students] },
    { defaultTimezone: 'Europe/Moscow', withOutbox: false },
  );
  const { chats } = await seedFamilies(db.sql.query, {
    studentIds: students.map((s) => String(s.data.studentId)),
    guardiansOf: (i) => 1 + (i % 2),
    chatIdOf: (i, g) => String(4000 + i * 10 + g),
  });
  return { expectedChats: chats.filter((c) => c !== BLOCKED_CHAT) };
}

async function ingestGrades(db: Database) {
  const grades = Array.from({ length: STUDENTS }, (_, i) =>
    [0, 1].map((n) =>
      event('grade.upserted', {
        gradeId: `gr-${i}-${n}`,
        studentId: `s1-r${i}`,
        subjectId: 's1-math',
        date: '2026-12-01',
        value: String(4 + n),
        weight: 1,
      }),
    ),
  ).flat();
  await ingestBatch(createIngestStore(db), { events: grades }, { defaultTimezone: 'Europe/Moscow' });
}

interface TState {
  sent: number;
  sending: number;
  open: number;
  total: number;
  pending: number;
}

async function state(db: Database): Promise<TState> {
  const [row] = await db.sql.query<TState>(
    `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'sending')::int AS sending,
            count(*) FILTER (WHERE status NOT IN ('sent', 'dropped', 'failed'))::int AS open, count(*)::int AS total,
            (SELECT count(*)::int FROM "AlertItem" WHERE "messageId" IS NULL) + (SELECT count(*)::int FROM "Outbox" WHERE "processedAt" IS NULL) AS pending
     FROM "AlertMessage"`,
  );
  return row;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const allDone = (db: Database) => async () => {
  const s = await state(db);
  return s.total > 0 && s.open === 0 && s.pending === 0;
};

/** Chat → how many messages it got. */
function perChat(stub: TelegramStub): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of stub.accepted) counts.set(m.chatId, (counts.get(m.chatId) ?? 0) + 1);
  return counts;
}

async function expectRecorded(db: Database, expectedChats: string[]) {
  const rows = await db.sql.query<{ externalId: string; status: string; active: boolean }>(
    `SELECT c."externalId", m.status, c.active FROM "AlertMessage" m JOIN "Chat" c ON c.id = m."chatId" ORDER BY c."externalId"`,
  );
  expect(
    rows
      .filter((r) => r.status === 'sent')
      .map((r) => r.externalId)
      .sort(),
  ).toEqual([...expectedChats].sort());
  expect(rows.filter((r) => r.status !== 'sent')).toEqual([
    { externalId: BLOCKED_CHAT, status: 'dropped', active: false },
  ]);
}

function pipeline(
  db: Database,
  stub: TelegramStub,
  queue: DeliveryQueue,
  limiter: RateLimiter,
  botId: string,
): AlertPipeline {
  const sender = createTelegramSender({
    apiRoot: stub.apiRoot,
    token: `${botId}:${TOKEN_SECRET}`,
    pacing: { perSecond: 25, perChatIntervalMs: 1050 },
  });
  return createAlertPipeline(
    {
      store: createAlertStore(db),
      queue,
      limiter,
      senders: [sender],
      clock: systemClock,
      observer: silentObserver,
      onError: (err) => process.stderr.write(`alert pipeline error: ${String(err)}\n`),
    },
    // A short lease, so the claims of a dead worker expire within the test's time — yet longer than
    // a live worker may hold one (5 s of waiting for a rate slot, then the send), or it would be taken from it.
    {
      windowMs: 500,
      idleMs: 50,
      sweepEveryMs: 300,
      concurrency: 4,
      delivery: { leaseMs: 8_000, maxInlineWaitMs: 5_000, maxAttempts: 20, backoffBaseMs: 50, backoffMaxMs: 500 },
    },
  );
}

describe('alert delivery resumes after a restart (embedded mode, in-process queue)', () => {
  let db: TestDatabase;
  let stub: TelegramStub;
  afterAll(async () => {
    await stub?.close();
    await db?.destroy();
  });

  it('a worker shut down halfway leaves the rest to the next one, which sends each message once', async () => {
    db = await createTestDatabase('pglite');
    const { expectedChats } = await seedWorld(db);
    stub = await startTelegramStub({
      perSecond: 30,
      perChatGapMs: 1000,
      blocked: new Set([BLOCKED_CHAT]),
      delayMs: 100,
    });
    const limiter = createMemoryRateLimiter();
    const first = pipeline(db, stub, createInProcessQueue(), limiter, '111');
    await first.start();
    await ingestGrades(db);
    await until('a third sent', async () => stub.accepted.length >= expectedChats.length / 3);
    await first.stop();
    const atStop = await state(db);
    // The queue lived in this process's memory: what it held is gone, the database still knows.
    expect(atStop.sent).toBeLessThan(expectedChats.length);
    expect(atStop.sending).toBe(0);

    const second = pipeline(db, stub, createInProcessQueue(), limiter, '111');
    await second.start();
    try {
      await until('all sent', allDone(db));
    } finally {
      await second.stop();
    }
    const counts = perChat(stub);
    expect([...counts.keys()].sort()).toEqual([...expectedChats].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    await expectRecorded(db, expectedChats);
  });
});

(redisUrl && databaseUrl ? describe : describe.skip)(
  'alert delivery resumes after kill -9 (BullMQ on Redis, `dnevnik worker` processes)',
  () => {
    let pg: TScratchPostgres;
    let stub: TelegramStub;
    let redis: IORedis;
    const children: TWorkerChild[] = [];
    // The worker processes use the default queue name: a database of its own keeps this test apart.
    const testRedisUrl = redisUrl ? redisDatabaseUrl(redisUrl, 13) : '';

    afterAll(async () => {
      await Promise.all(children.map((c) => c.kill9()));
      await stub?.close();
      await redis?.quit();
      await pg?.destroy();
    });

    it('a killed worker loses nothing; the workers after it share one Redis and resend only what was on the wire', async () => {
      redis = new IORedis(testRedisUrl, { maxRetriesPerRequest: null });
      const admin = new Queue(ALERTS_QUEUE, { connection: redis });
      await admin.obliterate({ force: true });
      pg = await createScratchPostgres(databaseUrl!);
      const { expectedChats } = await seedWorld(pg.db);
      // Answers take 400 ms: a worker killed while sending has sends on the wire.
      stub = await startTelegramStub({
        perSecond: 30,
        perChatGapMs: 1000,
        blocked: new Set([BLOCKED_CHAT]),
        delayMs: 400,
      });
      const botId = String(randomInt(1_000_000, 9_000_000));
      const env = {
        DATABASE_URL: pg.url,
        REDIS_URL: testRedisUrl,
        TELEGRAM_BOT_TOKEN: `${botId}:${TOKEN_SECRET}`,
        TELEGRAM_API_ROOT: stub.apiRoot,
        ALERT_WINDOW_SECONDS: '1',
      };

      children.push(startWorkerChild({ ...env, LOG_LEVEL: 'info' }));
      await until(
        'the worker process',
        async () => children[0].output().includes('alerts worker started'),
        60_000,
      ).catch((err) => {
        throw new Error(`${(err as Error).message}\n${children[0].output()}`);
      });
      await ingestGrades(pg.db);
      await until('a third sent', async () => stub.accepted.length >= expectedChats.length / 3);
      await children[0].kill9();
      const atKill = await state(pg.db);
      const inFlight = await pg.db.sql.query<{ externalId: string }>(
        `SELECT c."externalId" FROM "AlertMessage" m JOIN "Chat" c ON c.id = m."chatId" WHERE m.status = 'sending'`,
      );
      expect(atKill.sent).toBeLessThan(expectedChats.length);
      expect(inFlight.length).toBe(atKill.sending);

      // Restarted: a `dnevnik worker` process and a worker in this process (short lease), both on the same queue and rate limit.
      children.push(startWorkerChild(env));
      const local = pipeline(pg.db, stub, createBullmqQueue(testRedisUrl), createRedisRateLimiter(redis), botId);
      await local.start();
      try {
        await until('all sent', allDone(pg.db), 90_000);
      } finally {
        await local.stop();
        await admin.close();
      }

      const counts = perChat(stub);
      expect([...counts.keys()].sort()).toEqual([...expectedChats].sort());
      // Only a message on the wire at the kill may have arrived twice; nothing else, although two workers ran together.
      const twice = [...counts].filter(([, n]) => n > 1).map(([chat]) => chat);
      expect([...counts.values()].every((n) => n <= 2)).toBe(true);
      expect(twice.every((chat) => inFlight.some((r) => r.externalId === chat))).toBe(true);
      await expectRecorded(pg.db, expectedChats);
    });
  },
);
