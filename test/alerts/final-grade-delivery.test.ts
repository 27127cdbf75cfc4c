import { createTelegramSender } from '../../bots/telegram/telegram-sender';
import { type AlertPipeline, createAlertPipeline } from '../../core/alerts/alert-pipeline';
import { silentObserver, systemClock } from '../../core/alerts/alert-ports';
import { ingestBatch } from '../../core/ingest/ingest-batch';
import { createInProcessQueue } from '../../infra/in-process-queue';
import { createMemoryRateLimiter } from '../../infra/rate-limiter';
import { createAlertStore } from '../../prisma/stores/alerts/alert-store';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { seedFamilies } from '../helpers/alert-fixtures';
import { finalGradeMigrationSql } from '../helpers/final-grade-alerts';
import { event, schoolEvents, type TRawEvent } from '../helpers/journal-fixtures';
import { startTelegramStub, type TelegramStub } from '../helpers/telegram-stub';
import { finalGradeEvent, periodEvent, Q1, Q2 } from '../helpers/term-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// A term mark from an ingested batch to a sent Telegram message: grade subscribers of before the
// migration get it, a correction is sent again with the new value, a removal is not sent, and
// another family of the school and a family of another school get nothing.

const MOM = '100000'; // s1-st1's guardian
const NEIGHBOUR = '100010'; // s1-st2's guardian: same class, another family
const OTHER_SCHOOL = '100020'; // s2-st1's guardian

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`final grade alerts end to end (${kind})`, () => {
    let db: TestDatabase;
    let stub: TelegramStub;
    let pipeline: AlertPipeline;
    const ingest = (events: TRawEvent[]) =>
      ingestBatch(createIngestStore(db), { events }, { defaultTimezone: 'Europe/Moscow' });

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      await ingestBatch(
        createIngestStore(db),
        {
          events: [
            ...schoolEvents('s1'),
            ...schoolEvents('s2'),
            periodEvent('s1', 'q1', Q1),
            periodEvent('s1', 'q2', Q2),
          ],
        },
        { defaultTimezone: 'Europe/Moscow', withOutbox: false },
      );
      await seedFamilies(db.sql.query, { studentIds: ['s1-st1', 's1-st2', 's2-st1'], guardiansOf: () => 1 });
      // They subscribed to grades before term marks were an alert of their own.
      await db.sql.query(finalGradeMigrationSql);
      stub = await startTelegramStub();
      pipeline = createAlertPipeline(
        {
          store: createAlertStore(db),
          queue: createInProcessQueue(),
          limiter: createMemoryRateLimiter(),
          senders: [
            createTelegramSender({
              apiRoot: stub.apiRoot,
              token: '123456:test-token',
              pacing: { perSecond: 30, perChatIntervalMs: 0 },
            }),
          ],
          clock: systemClock,
          observer: silentObserver,
          onError: (err) => process.stderr.write(`alert pipeline error: ${String(err)}\n`),
        },
        {
          windowMs: 200,
          idleMs: 30,
          sweepEveryMs: 1000,
          concurrency: 2,
          delivery: { leaseMs: 5_000, maxInlineWaitMs: 5_000, maxAttempts: 5, backoffBaseMs: 50, backoffMaxMs: 200 },
        },
      );
      await pipeline.start();
    });
    afterAll(async () => {
      await pipeline?.stop();
      await stub?.close();
      await db?.destroy();
    });

    /** Until every fact is planned and every item sent (or withdrawn). */
    async function settled(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await db.sql.query<{ open: number }>(
          `SELECT (SELECT count(*)::int FROM "Outbox" WHERE "processedAt" IS NULL)
                + (SELECT count(*)::int FROM "AlertItem" WHERE "messageId" IS NULL)
                + (SELECT count(*)::int FROM "AlertMessage" WHERE status NOT IN ('sent', 'dropped', 'failed')) AS open`,
        );
        if (row.open === 0) return;
        if (Date.now() > deadline) throw new Error('alerts did not settle');
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const sentTo = (chatId: string) => stub.accepted.filter((m) => m.chatId === chatId).map((m) => m.text);

    it('sends a fixed term mark to the student’s family only', async () => {
      await ingest([finalGradeEvent('s1', 'fg1', 'q2', '5')]);
      await settled();
      expect(sentTo(MOM)).toEqual(['Маша: четвертная оценка по математике: 5 (2-я четверть)']);
      expect(sentTo(NEIGHBOUR)).toEqual([]);
      expect(sentTo(OTHER_SCHOOL)).toEqual([]);
    });

    it('sends a corrected mark again with the new value', async () => {
      await ingest([finalGradeEvent('s1', 'fg1', 'q2', '4')]);
      await settled();
      expect(sentTo(MOM)).toEqual([
        'Маша: четвертная оценка по математике: 5 (2-я четверть)',
        'Маша: четвертная оценка по математике (2-я четверть) исправлена: 5 → 4',
      ]);
    });

    it('sends nothing for a removed mark, nor for one fixed and removed before sending', async () => {
      await ingest([event('final_grade.deleted', { finalGradeId: 'fg1' })]);
      await ingest([finalGradeEvent('s1', 'fg2', 'q1', 'н/а'), event('final_grade.deleted', { finalGradeId: 'fg2' })]);
      await settled();
      const [facts] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Outbox" WHERE kind = 'final_grade.deleted'`,
      );
      expect(facts.n).toBe(2);
      expect(sentTo(MOM)).toHaveLength(2);
      expect(stub.accepted).toHaveLength(2);
    });

    it('tells a grades subscriber without term marks nothing of them', async () => {
      await db.sql.query(`UPDATE "Subscription" SET enabled = false WHERE type = 'final-grades'`);
      await ingest([finalGradeEvent('s1', 'fg3', 'q1', '3')]);
      await settled();
      expect(stub.accepted).toHaveLength(2);
    });

    it('/forget takes the term-mark subscription and its alerts with the person', async () => {
      const kinds = await createLinkingStore(db).forget(
        { channel: 'telegram', externalId: MOM },
        `telegram:${MOM}`,
        new Date(),
      );
      expect(kinds).toMatchObject({ subscriptions: 2 });
      const [left] = await db.sql.query<{ subs: number; items: number }>(
        `SELECT (SELECT count(*)::int FROM "Subscription" WHERE "personId" = 'p-s1-st1-0') AS subs,
                (SELECT count(*)::int FROM "AlertItem" WHERE "chatId" = 'c-s1-st1-0') AS items`,
      );
      expect(left).toEqual({ subs: 0, items: 0 });
    });
  });
}
