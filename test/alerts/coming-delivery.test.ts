import { DateTime } from 'luxon';
import { createTelegramSender } from '../../bots/telegram/telegram-sender';
import { type AlertPipeline, createAlertPipeline } from '../../core/alerts/alert-pipeline';
import { silentObserver, systemClock } from '../../core/alerts/alert-ports';
import { wantsAlert } from '../../core/alerts/plan-alerts';
import { planTestsTomorrow } from '../../core/alerts/plan-coming';
import { ingestBatch } from '../../core/ingest/ingest-batch';
import { createInProcessQueue } from '../../infra/in-process-queue';
import { createMemoryRateLimiter } from '../../infra/rate-limiter';
import { createAlertStore } from '../../prisma/stores/alerts/alert-store';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { seedFamilies } from '../helpers/alert-fixtures';
import { event, schoolEvents, type TRawEvent } from '../helpers/journal-fixtures';
import { startTelegramStub, type TelegramStub } from '../helpers/telegram-stub';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// Tests, school events and announcements from an ingested batch to sent Telegram messages, against
// both databases: the class's families only (another class, another school: nothing), whole-school
// news to the whole school only, an urgent announcement through quiet hours, and the evening
// reminder of tomorrow's test once per chat however many scans run at once.

const MOM = '100000'; // s1-st1 (Маша), class s1-5a
const NEIGHBOUR = '100010'; // s1-st2 (Петя), class s1-5a, another family
const OTHER_CLASS = '100020'; // s1-st3 (Оля), class s1-5b
const OTHER_SCHOOL = '100030'; // s2-st1
const ZONE = 'Europe/Moscow';

const day = (days: number) => DateTime.now().setZone(ZONE).plus({ days }).toISODate()!;
const lesson = (lessonId: string, date: string, over: Record<string, unknown> = {}) =>
  event('lesson.upserted', {
    lessonId,
    classId: 's1-5a',
    subjectId: 's1-math',
    teacherId: 's1-t1',
    date,
    start: '10:00',
    end: '10:45',
    topic: 'Дроби',
    isTest: true,
    ...over,
  });

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`tests and school news end to end (${kind})`, () => {
    let db: TestDatabase;
    let stub: TelegramStub;
    let pipeline: AlertPipeline;
    const ingest = (events: TRawEvent[]) => ingestBatch(createIngestStore(db), { events }, { defaultTimezone: ZONE });

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      await ingestBatch(
        createIngestStore(db),
        {
          events: [
            ...schoolEvents('s1'),
            ...schoolEvents('s2'),
            event('class.upserted', { schoolId: 's1', classId: 's1-5b', name: '5Б' }),
            event('student.upserted', {
              schoolId: 's1',
              studentId: 's1-st3',
              classId: 's1-5b',
              lastName: 'Орлова',
              firstName: 'Оля',
            }),
          ],
        },
        { defaultTimezone: ZONE, withOutbox: false },
      );
      await seedFamilies(db.sql.query, {
        studentIds: ['s1-st1', 's1-st2', 's1-st3', 's2-st1'],
        guardiansOf: () => 1,
        types: ['tests', 'school-news'],
      });
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
          testsEveryMs: 100,
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

    // Items within the coalescing window count as open: they are about to go.
    async function settled(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await db.sql.query<{ open: number }>(
          `SELECT (SELECT count(*)::int FROM "Outbox" WHERE "processedAt" IS NULL)
                + (SELECT count(*)::int FROM "AlertItem" WHERE "messageId" IS NULL AND "dueAt" <= now() + interval '2 seconds')
                + (SELECT count(*)::int FROM "AlertMessage" WHERE status NOT IN ('sent', 'dropped', 'failed')) AS open`,
        );
        if (row.open === 0) return;
        if (Date.now() > deadline) throw new Error('alerts did not settle');
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const sentTo = (chatId: string) => stub.accepted.filter((m) => m.chatId === chatId).map((m) => m.text);
    const sentCount = () => stub.accepted.length;

    it('tells a test set to the families of its class only', async () => {
      // The evening reminder is kept out of this one: nobody's time has come before midnight.
      await db.sql.query(`UPDATE "Subscription" SET "digestTime" = '23:59' WHERE type = 'tests'`);
      const before = sentCount();
      await ingest([lesson('s1-test', day(3))]);
      await settled();
      const texts = stub.accepted.slice(before);
      expect(texts.map((m) => m.chatId).sort()).toEqual([MOM, NEIGHBOUR]);
      expect(sentTo(MOM).at(-1)).toMatch(/^Маша: назначена контрольная по математике на \S+ \d+ \S+: Дроби$/);
    });

    it('sends school news to the classes addressed, or the whole school, never to another school', async () => {
      let before = sentCount();
      await ingest([
        event('school_event.upserted', {
          schoolEventId: 'ev1',
          schoolId: 's1',
          classIds: ['s1-5b'],
          title: 'Экскурсия',
          date: day(5),
          start: '09:00',
          place: 'Музей',
        }),
      ]);
      await settled();
      expect(stub.accepted.slice(before).map((m) => m.chatId)).toEqual([OTHER_CLASS]);
      expect(sentTo(OTHER_CLASS).at(-1)).toMatch(/^Мероприятие: Экскурсия — .+, 09:00\nМесто: Музей$/);
      before = sentCount();
      await ingest([
        event('announcement.published', {
          announcementId: 'an1',
          schoolId: 's1',
          classIds: [],
          title: 'Родительское собрание',
          text: 'В четверг в 18:00.',
        }),
      ]);
      await settled();
      expect(
        stub.accepted
          .slice(before)
          .map((m) => m.chatId)
          .sort(),
      ).toEqual([MOM, NEIGHBOUR, OTHER_CLASS]);
      expect(sentTo(OTHER_SCHOOL)).toEqual([]);
    });

    it('sends an urgent announcement in quiet hours at once; a plain one waits for their end', async () => {
      const now = DateTime.now().setZone(ZONE);
      await db.sql.query(`UPDATE "Subscription" SET "quietFrom" = $1, "quietTo" = $2`, [
        now.minus({ hours: 1 }).toFormat('HH:mm'),
        now.plus({ hours: 2 }).toFormat('HH:mm'),
      ]);
      const before = sentCount();
      await ingest([
        event('announcement.published', {
          announcementId: 'an2',
          schoolId: 's1',
          classIds: ['s1-5a'],
          title: 'Занятия отменены',
          text: 'Сегодня после третьего урока.',
          urgent: true,
        }),
        event('announcement.published', {
          announcementId: 'an3',
          schoolId: 's1',
          classIds: ['s1-5a'],
          title: 'Ярмарка',
          text: 'В субботу.',
        }),
      ]);
      await settled();
      const sent = stub.accepted.slice(before);
      expect(sent.map((m) => m.chatId).sort()).toEqual([MOM, NEIGHBOUR]);
      expect(sent[0].text).toBe('❗ Срочное объявление: Занятия отменены\nСегодня после третьего урока.');
      const [waiting] = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "AlertItem" WHERE kind = 'announcement.published' AND "messageId" IS NULL AND "dueAt" > now()`,
      );
      expect(waiting.n).toBe(2);
      await db.sql.query(`UPDATE "Subscription" SET "quietFrom" = '00:00', "quietTo" = '00:00'`);
    });

    it('reminds of tomorrow’s test once per chat, however many scans run, and skips cancelled, removed and moved ones', async () => {
      const now = DateTime.now().setZone(ZONE);
      if (now.plus({ minutes: 2 }).toISODate() !== now.toISODate()) return; // just before midnight
      await ingest([
        lesson('s1-tomorrow', day(1)),
        lesson('s1-cancelled', day(1), { cancelled: true }),
        lesson('s1-removed', day(1)),
        lesson('s1-moved', day(1)),
        lesson('s2-tomorrow', day(1), { classId: 's2-5a', subjectId: 's2-math', teacherId: 's2-t1' }),
      ]);
      await ingest([event('lesson.deleted', { lessonId: 's1-removed' }), lesson('s1-moved', day(2))]);
      await settled();
      // The time has come for everyone now (a test value: the menus offer 18:00, 19:00, 20:00).
      await db.sql.query(`UPDATE "Subscription" SET "digestTime" = '00:00' WHERE type = 'tests'`);
      const store = createAlertStore(db);
      const at = new Date();
      const scan = () =>
        store.scanTestsTomorrow!(at, '19:00', (found, recipients) =>
          planTestsTomorrow(found, recipients, at, (r) => wantsAlert(r, 'tests'), '19:00'),
        );
      await Promise.all([scan(), scan(), scan(), scan()]);
      for (let n = 0; n < 3; n++) await pipeline.tick();
      await settled();
      const items = await db.sql.query<{ chatId: string; refId: string }>(
        `SELECT "chatId", "refId" FROM "AlertItem" WHERE kind = 'lesson.test-tomorrow' ORDER BY "chatId"`,
      );
      expect(items).toEqual([
        { chatId: 'c-s1-st1-0', refId: `tt:s1-tomorrow:${day(1)}` },
        { chatId: 'c-s1-st2-0', refId: `tt:s1-tomorrow:${day(1)}` },
        { chatId: 'c-s2-st1-0', refId: `tt:s2-tomorrow:${day(1)}` },
      ]);
      expect(sentTo(MOM).filter((t) => t.includes('завтра контрольная'))).toEqual([
        'Маша: завтра контрольная по математике: Дроби',
      ]);
      expect(sentTo(OTHER_CLASS).filter((t) => t.includes('контрольная'))).toEqual([]);
    });
  });
}
