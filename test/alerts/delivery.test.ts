import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { createTelegramSender } from '../../bots/telegram/telegram-sender';
import { type AlertPipeline, createAlertPipeline } from '../../core/alerts/alert-pipeline';
import { type DeliveryQueue, type RateLimiter, silentObserver, systemClock } from '../../core/alerts/alert-ports';
import { ingestBatch } from '../../core/ingest/ingest-batch';
import { createBullmqQueue } from '../../infra/bullmq-queue';
import { createInProcessQueue } from '../../infra/in-process-queue';
import { createMemoryRateLimiter, createRedisRateLimiter } from '../../infra/rate-limiter';
import { createAlertStore } from '../../prisma/stores/alerts/alert-store';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { seedFamilies } from '../helpers/alert-fixtures';
import { event, schoolEvents } from '../helpers/journal-fixtures';
import { startTelegramStub, type TelegramStub } from '../helpers/telegram-stub';
import { createTestDatabase, postgresUrl, type TestDatabase } from '../helpers/test-database';

// Ingest → outbox → plan → compose → queue → pace → send against a local Telegram stub that
// answers 429 with retry_after, 500s and 403s. Every alert must arrive exactly once, or its chat
// must end up inactive.

const STUDENTS = 12;
const BLOCKED_CHAT = '999';
const redisUrl = process.env.REDIS_URL;

interface TWorld {
  db: TestDatabase;
  stub: TelegramStub;
  /** Chats that should get exactly one message each. */
  expectedChats: string[];
}

async function buildWorld(kind: 'pglite' | 'postgres'): Promise<TWorld> {
  const db = await createTestDatabase(kind);
  const ingest = createIngestStore(db);
  const students = Array.from({ length: STUDENTS }, (_, i) =>
    event('student.upserted', {
      schoolId: 's1',
      studentId: `s1-x${i}`,
      classId: 's1-5a',
      lastName: 'Иванова',
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
    chatIdOf: (i, g) => (i === 0 && g === 0 ? BLOCKED_CHAT : `${1000 + i * 10 + g}`),
  });
  const grades = students.flatMap((s, i) =>
    [0, 1, 2].map((n) =>
      event('grade.upserted', {
        gradeId: `g-${i}-${n}`,
        studentId: s.data.studentId,
        subjectId: 's1-math',
        date: '2026-12-01',
        value: String(3 + n),
        weight: 1,
      }),
    ),
  );
  // Student 11's only news is a grade removed again before anyone was told.
  const lastStudent = String(students[STUDENTS - 1].data.studentId);
  const withdrawn = [
    event('grade.upserted', {
      gradeId: 'g-oops',
      studentId: lastStudent,
      subjectId: 's1-math',
      date: '2026-12-01',
      value: '2',
      weight: 1,
    }),
    event('grade.deleted', { gradeId: 'g-oops' }),
  ];
  await ingestBatch(
    ingest,
    { events: grades.filter((g) => g.data.studentId !== lastStudent) },
    { defaultTimezone: 'Europe/Moscow' },
  );
  await ingestBatch(ingest, { events: [withdrawn[0]] }, { defaultTimezone: 'Europe/Moscow' });
  await ingestBatch(ingest, { events: [withdrawn[1]] }, { defaultTimezone: 'Europe/Moscow' });
  const lastChats = new Set([`${1000 + (STUDENTS - 1) * 10}`, `${1000 + (STUDENTS - 1) * 10 + 1}`]);
  const stub = await startTelegramStub({
    perSecond: 30,
    perChatGapMs: 1000,
    blocked: new Set([BLOCKED_CHAT]),
    throttleRequest: (n) => n === 2,
    failRequest: (n) => n % 5 === 0,
  });
  return { db, stub, expectedChats: chats.filter((c) => c !== BLOCKED_CHAT && !lastChats.has(c)) };
}

function pipelineFor(world: TWorld, queue: DeliveryQueue, limiter: RateLimiter): AlertPipeline {
  const sender = createTelegramSender({
    apiRoot: world.stub.apiRoot,
    token: '123456:test-token',
    pacing: { perSecond: 28, perChatIntervalMs: 1050 },
  });
  return createAlertPipeline(
    {
      store: createAlertStore(world.db),
      queue,
      limiter,
      senders: [sender],
      clock: systemClock,
      observer: silentObserver,
      onError: (err) => process.stderr.write(`alert pipeline error: ${String(err)}\n`),
    },
    {
      windowMs: 300,
      idleMs: 50,
      sweepEveryMs: 1000,
      concurrency: 4,
      delivery: { leaseMs: 5_000, maxInlineWaitMs: 5_000, maxAttempts: 20, backoffBaseMs: 50, backoffMaxMs: 500 },
    },
  );
}

async function settled(world: TWorld, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await world.db.sql.query<{ open: number; total: number; items: number }>(
      `SELECT (SELECT count(*)::int FROM "AlertMessage" WHERE status NOT IN ('sent', 'dropped', 'failed')) AS open,
              (SELECT count(*)::int FROM "AlertMessage") AS total,
              (SELECT count(*)::int FROM "AlertItem" WHERE "messageId" IS NULL) AS items`,
    );
    const [outbox] = await world.db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Outbox" WHERE "processedAt" IS NULL`,
    );
    if (row.total > 0 && row.open === 0 && row.items === 0 && outbox.n === 0) return;
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify({ ...row, outbox: outbox.n })}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Until no job of the queue waits, runs or is delayed: every job queued so far has been handled. */
async function drained(queue: Queue, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    if (Object.values(counts).every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`queue not drained: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function expectExactlyOnce(world: TWorld) {
  const perChat = new Map<string, number>();
  for (const m of world.stub.accepted) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
  expect([...perChat.keys()].sort()).toEqual([...world.expectedChats].sort());
  expect([...perChat.values()].every((n) => n === 1)).toBe(true);
  // Three grades of one student within the window: one message listing them.
  expect(world.stub.accepted.every((m) => m.text.includes('(3)') && m.text.split('\n').length === 4)).toBe(true);
  expect(world.stub.accepted.some((m) => m.text.includes(' 2 по'))).toBe(false);
  const [blocked] = await world.db.sql.query<{ active: boolean }>(`SELECT active FROM "Chat" WHERE "externalId" = $1`, [
    BLOCKED_CHAT,
  ]);
  expect(blocked.active).toBe(false);
  const statuses = await world.db.sql.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM "AlertMessage" GROUP BY status ORDER BY status`,
  );
  expect(statuses).toEqual([
    { status: 'dropped', n: 1 },
    { status: 'sent', n: world.expectedChats.length },
  ]);
  expect(world.stub.counts.tooMany).toBeGreaterThan(0);
  expect(world.stub.counts.serverErrors).toBeGreaterThan(0);
  expect(world.stub.counts.forbidden).toBe(1);
}

describe('alert delivery, in-process queue (embedded mode)', () => {
  let world: TWorld;
  afterAll(async () => {
    await world?.stub.close();
    await world?.db.destroy();
  });

  it('delivers every alert exactly once through 429s and 500s and marks a blocked chat inactive', async () => {
    world = await buildWorld('pglite');
    const pipeline = pipelineFor(world, createInProcessQueue(), createMemoryRateLimiter());
    await pipeline.start();
    try {
      await settled(world);
    } finally {
      await pipeline.stop();
    }
    await expectExactlyOnce(world);
  });
});

(redisUrl ? describe : describe.skip)('alert delivery, BullMQ on Redis with two workers', () => {
  let world: TWorld;
  const redis = redisUrl ? new IORedis(redisUrl, { maxRetriesPerRequest: null }) : undefined;
  afterAll(async () => {
    await world?.stub.close();
    await world?.db.destroy();
    await redis?.quit();
  });

  it('shares one rate limit, never double-sends, and resends nothing when jobs are queued again', async () => {
    world = await buildWorld(postgresUrl ? 'postgres' : 'pglite');
    const name = `test-alerts-${randomBytes(4).toString('hex')}`;
    const limiter = createRedisRateLimiter(redis!, `test:pace:${name}`);
    const queues = [createBullmqQueue(redisUrl!, { name }), createBullmqQueue(redisUrl!, { name })];
    const workers = queues.map((q) => pipelineFor(world, q, limiter));
    const inspector = new Queue(name, { connection: redis! });
    await Promise.all(workers.map((w) => w.start()));
    try {
      await settled(world);
      // A stray re-queue of every message (a sweeper, a restarted composer) must send nothing again:
      // checked once the workers have handled every one of those jobs.
      const ids = await world.db.sql.query<{ id: string }>(`SELECT id::text AS id FROM "AlertMessage"`);
      await queues[1].enqueue(ids.map((r) => ({ messageId: r.id, attempt: 0 })));
      await queues[0].enqueue(ids.map((r) => ({ messageId: r.id, attempt: 1 })));
      await drained(inspector);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await inspector.close();
    }
    await expectExactlyOnce(world);
  });
});
