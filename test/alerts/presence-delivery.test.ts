import { DateTime } from 'luxon';
import { createTelegramSender } from '../../bots/telegram/telegram-sender';
import { type AlertPipeline, createAlertPipeline } from '../../core/alerts/alert-pipeline';
import { silentObserver, systemClock } from '../../core/alerts/alert-ports';
import { NO_PASS_LATEST_MS, planMissingPasses } from '../../core/alerts/plan-no-pass';
import { ingestBatch } from '../../core/ingest/ingest-batch';
import { createInProcessQueue } from '../../infra/in-process-queue';
import { createMemoryRateLimiter } from '../../infra/rate-limiter';
import { createAlertStore } from '../../prisma/stores/alerts/alert-store';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { seedFamilies } from '../helpers/alert-fixtures';
import { event, schoolEvents, type TRawEvent } from '../helpers/journal-fixtures';
import { startTelegramStub, type TelegramStub } from '../helpers/telegram-stub';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// Passes and attendance marks from an ingested batch to sent Telegram messages, against both
// databases: an arrival within seconds, a departure taken back by a way back in, a day's absences
// after lessons, "no pass by the first lesson" once per pupil and day however often it is scanned
// — and never a word to another family of the same class or to a family of another school.

const MOM = '100000'; // s1-st1 (Маша)'s guardian
const NEIGHBOUR = '100010'; // s1-st2 (Петя)'s guardian: same class, another family
const OTHER_SCHOOL = '100020'; // s2-st1's guardian
const TYPES = ['arrival', 'departure', 'absence', 'no-pass'];

const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const pass = (passId: string, studentId: string, at: string, direction: 'in' | 'out') =>
  event('pass.recorded', { passId, studentId, at, direction });

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`presence alerts end to end (${kind})`, () => {
    let db: TestDatabase;
    let stub: TelegramStub;
    let pipeline: AlertPipeline;
    const ingest = (events: TRawEvent[]) =>
      ingestBatch(createIngestStore(db), { events }, { defaultTimezone: 'Europe/Moscow' });

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      await ingestBatch(
        createIngestStore(db),
        { events: [...schoolEvents('s1'), ...schoolEvents('s2')] },
        { defaultTimezone: 'Europe/Moscow', withOutbox: false },
      );
      await seedFamilies(db.sql.query, {
        studentIds: ['s1-st1', 's1-st2', 's2-st1'],
        guardiansOf: () => 1,
        types: TYPES,
      });
      // Absences' own default: a summary after lessons.
      await db.sql.query(`UPDATE "Subscription" SET mode = 'digest' WHERE type = 'absence'`);
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
          noPassEveryMs: 100,
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

    async function settled(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await db.sql.query<{ open: number }>(
          `SELECT (SELECT count(*)::int FROM "Outbox" WHERE "processedAt" IS NULL)
                + (SELECT count(*)::int FROM "AlertItem" WHERE "messageId" IS NULL AND "dueAt" <= now())
                + (SELECT count(*)::int FROM "AlertMessage" WHERE status NOT IN ('sent', 'dropped', 'failed')) AS open`,
        );
        if (row.open === 0) return;
        if (Date.now() > deadline) throw new Error('alerts did not settle');
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    async function until(done: () => boolean, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!done()) {
        if (Date.now() > deadline) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const sentTo = (chatId: string) => stub.accepted.filter((m) => m.chatId === chatId).map((m) => m.text);
    // Today's lesson of the "no pass" and absence cases: begun three minutes ago (to the minute) and
    // 45 minutes long, clamped to today so that the cases hold at any hour, late evening included.
    const todaysLesson = () => {
      const now = DateTime.now().setZone('Europe/Moscow');
      const start = DateTime.max(now.minus({ minutes: 3 }), now.startOf('day')).startOf('minute');
      const end = DateTime.min(start.plus({ minutes: 45 }), now.endOf('day').startOf('minute'));
      return { start, end };
    };
    const ingestTodaysLessons = async () => {
      const { start, end } = todaysLesson();
      const lesson = (prefix: string) =>
        event('lesson.upserted', {
          lessonId: `${prefix}-today`,
          classId: `${prefix}-5a`,
          subjectId: `${prefix}-math`,
          teacherId: `${prefix}-t1`,
          date: start.toISODate(),
          start: start.toFormat('HH:mm'),
          end: end.toFormat('HH:mm'),
        });
      await ingest([lesson('s1'), lesson('s2')]);
      return { start, end };
    };
    const local = (msAgo: number) =>
      DateTime.fromMillis(Date.now() - msAgo, { zone: 'Europe/Moscow' }).toFormat('HH:mm');

    it('sends the day’s first way in within seconds, to the pupil’s family only', async () => {
      const started = Date.now();
      await ingest([pass('p1', 's1-st1', iso(60_000), 'in'), pass('p2', 's1-st1', iso(30_000), 'in')]);
      await settled();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(sentTo(MOM)).toEqual([`Маша пришла в школу в ${local(60_000)}`]);
      expect(sentTo(NEIGHBOUR)).toEqual([]);
      expect(sentTo(OTHER_SCHOOL)).toEqual([]);
      // A later way in the same day is no arrival.
      await ingest([pass('p3', 's1-st1', iso(10_000), 'in')]);
      await settled();
      expect(sentTo(MOM)).toHaveLength(1);
    });

    it('takes back an unsent departure when the pupil comes back within ten minutes', async () => {
      // After the ways in above: a step outside now, and back in a minute later.
      await ingest([pass('p4', 's1-st1', iso(0), 'out')]);
      await settled();
      const pending = () =>
        db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AlertItem" WHERE kind = 'pass.departure'`);
      expect((await pending())[0].n).toBe(1);
      await ingest([pass('p5', 's1-st1', iso(-60_000), 'in')]);
      await settled();
      expect((await pending())[0].n).toBe(0);
      expect(sentTo(MOM)).toHaveLength(1);
    });

    it('sends a departure told late at once', async () => {
      await ingest([pass('p6', 's1-st2', iso(11 * 60_000), 'out')]);
      await settled();
      expect(sentTo(NEIGHBOUR)).toEqual([`Петя ушёл из школы в ${local(11 * 60_000)}`]);
      expect(sentTo(MOM)).toHaveLength(1);
    });

    it('tells "no pass by the first lesson" once per pupil and day, only in a school with turnstiles', async () => {
      // Just after midnight the ways in of the cases above may be yesterday's: nothing to say then.
      const now = DateTime.now().setZone('Europe/Moscow');
      if (now.diff(now.startOf('day'), 'minutes').minutes < 10) return;
      const { start } = await ingestTodaysLessons();
      await settled();
      for (let n = 0; n < 3; n++) await pipeline.tick();
      await settled();
      // Маша passed in today; Петя did not. School s2 has never sent a pass.
      expect(sentTo(NEIGHBOUR).slice(1)).toEqual([
        `Петя ещё не прошёл в школу, а первый урок начался в ${start.toFormat('HH:mm')}`,
      ]);
      expect(sentTo(MOM).filter((t) => t.includes('не прошла'))).toEqual([]);
      expect(sentTo(OTHER_SCHOOL)).toEqual([]);
      const [items] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "AlertItem" WHERE kind = 'pass.missing'`,
      );
      expect(items.n).toBe(1);
    });

    it('writes "no pass" once however many workers scan at the same moment', async () => {
      await db.sql.query(`DELETE FROM "AlertItem" WHERE kind = 'pass.missing'`);
      const store = createAlertStore(db);
      const now = new Date();
      const scan = () =>
        store.scanMissingPasses!(now, NO_PASS_LATEST_MS, (found, recipients) =>
          planMissingPasses(found, recipients, now),
        );
      const written = await Promise.all([scan(), scan(), scan()]);
      const [items] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "AlertItem" WHERE kind = 'pass.missing'`,
      );
      // The running pipeline scans too: between all of them, at most one item (none just after midnight).
      expect(written.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
      expect(items.n).toBeLessThanOrEqual(1);
    });
    it('sums up a day’s absences after lessons, and takes back one corrected to present before sending', async () => {
      // The fixtures' lesson of 2026-12-01 is long over: its summary is due at once.
      await ingest([event('attendance.marked', { lessonId: 's1-l1', studentId: 's1-st1', status: 'absent' })]);
      await until(() => sentTo(MOM).length === 2);
      expect(sentTo(MOM).at(-1)).toBe('Маша 01.12: не была на математике (1-й урок)');
      // Today's lesson is not over yet: the summary waits until half an hour after it ends.
      const { end } = await ingestTodaysLessons();
      await ingest([
        event('attendance.marked', { lessonId: 's1-today', studentId: 's1-st1', status: 'absent' }),
        event('attendance.marked', { lessonId: 's1-today', studentId: 's1-st2', status: 'late' }),
      ]);
      await settled();
      const due = end.plus({ minutes: 30 }).toJSDate();
      const unsent = () =>
        db.sql.query<{ studentId: string; soon: boolean }>(
          `SELECT "studentId", "dueAt" = $1::timestamptz AS soon
           FROM "AlertItem" WHERE kind = 'attendance.absence' AND "messageId" IS NULL ORDER BY "studentId"`,
          [due],
        );
      expect(await unsent()).toEqual([
        { studentId: 's1-st1', soon: true },
        { studentId: 's1-st2', soon: true },
      ]);
      await ingest([event('attendance.marked', { lessonId: 's1-today', studentId: 's1-st2', status: 'present' })]);
      await settled();
      expect(await unsent()).toEqual([{ studentId: 's1-st1', soon: true }]);
      expect(sentTo(OTHER_SCHOOL)).toEqual([]);
    });
  });
}
