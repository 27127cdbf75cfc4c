import { randomInt } from 'node:crypto';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { seedFamilies } from '../test/helpers/alert-fixtures';
import { auditRun, pipelineState, sendRates } from './alerts-audit';
import { SUBJECTS, setupEvents } from './alerts-school';
import {
  type AlertsStub,
  openBenchQueue,
  postJournal,
  startWorkerProcess,
  type WorkerProcess,
  waitFor,
} from './alerts-support';
import { createScratchDatabase, fmt, startServerProcess } from './bench-support';

// The evening before of bench:alerts: every pupil has a test tomorrow (one per class, posted as
// journal lessons), two guardians of each have test alerts on and their evening time has come
// (set to 00:00 here, so the run needs no waiting for 19:00). Two worker processes scan at the same
// time; the database's unique (item key, chat) must keep it to one reminder per pupil's test and
// chat. Target: every guardian told exactly once, paced within the platform limit (429s 0).

export interface TEveningOptions {
  pupils: number;
  guardians: number;
  secret: string;
}

export async function runEveningBefore(
  options: TEveningOptions,
  adminUrl: string,
  redisUrl: string,
  stub: AlertsStub,
): Promise<{ lines: string[]; failed: boolean }> {
  const started = performance.now();
  const db = await createScratchDatabase(adminUrl, 'dnevnik_bench_alerts_evening');
  const queue = await openBenchQueue(redisUrl);
  const pg = new Client({ connectionString: db.url });
  const botId = String(randomInt(1_000_000_000, 2_000_000_000));
  const workerEnv = {
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    TELEGRAM_BOT_TOKEN: `${botId}:bench`,
    TELEGRAM_API_ROOT: stub.apiRoot,
  };
  const workers: WorkerProcess[] = [];
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  const before = await stub.stats();
  try {
    server = await startServerProcess({ DATABASE_URL: db.url, JOURNAL_WEBHOOK_SECRET: options.secret });
    await pg.connect();
    const at = new Date().toISOString();
    const tomorrow = DateTime.now().setZone('Europe/Moscow').plus({ days: 1 }).toISODate()!;
    const classes = Math.ceil(options.pupils / 25);
    const events: unknown[] = [
      ...setupEvents(options.pupils),
      {
        id: 'teacher',
        type: 'teacher.upserted',
        occurredAt: at,
        data: { schoolId: 'b', teacherId: 'b-t1', lastName: 'Петрова', firstName: 'Анна', middleName: 'Ивановна' },
      },
      ...Array.from({ length: classes }, (_, c) => ({
        id: `test-${c}`,
        type: 'lesson.upserted',
        occurredAt: at,
        data: {
          lessonId: `b-test${c}`,
          classId: `b-c${c}`,
          subjectId: `b-sub${c % SUBJECTS.length}`,
          teacherId: 'b-t1',
          date: tomorrow,
          start: '10:00',
          end: '10:45',
          topic: 'Итоговая контрольная',
          isTest: true,
        },
      })),
    ];
    for (let i = 0; i < events.length; i += 1000)
      await postJournal(server.url, options.secret, events.slice(i, i + 1000));
    // The tests were set before anyone subscribed: only the evening reminder is measured.
    await pg.query(`UPDATE "Outbox" SET "processedAt" = now() WHERE "processedAt" IS NULL`);
    const studentIds = Array.from({ length: options.pupils }, (_, i) => `b-st${i}`);
    await seedFamilies(async (sql, params) => (await pg.query(sql, params)).rows, {
      studentIds,
      guardiansOf: () => options.guardians,
      chatIdOf: (i, g) => String(700_000_000 + i * 10 + g),
      types: ['tests'],
    });
    await pg.query(`UPDATE "Subscription" SET "digestTime" = '00:00' WHERE type = 'tests'`);
    await pg.query('ANALYZE');
    const t0 = Date.now();
    for (let w = 0; w < 2; w++) workers.push(startWorkerProcess(workerEnv));
    await waitFor('workers', async () => (await queue.workers()) >= 2, 60_000);
    const expected = options.pupils * options.guardians;
    await waitFor(
      'all sent',
      async () => {
        const s = await pipelineState(pg);
        return s.uncomposedItems === 0 && s.messages >= expected && s.open === 0;
      },
      3_600_000,
      1000,
    );
    const wallS = (Date.now() - t0) / 1000;
    // Another round of scans (each worker scans every minute) must add nothing.
    await new Promise((r) => setTimeout(r, 65_000));
    const accepted = await stub.accepted(botId);
    const audit = await auditRun(pg, accepted, expected, expected);
    const perChat = new Map<string, number>();
    for (const m of accepted) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
    const twice = [...perChat.values()].filter((n) => n > 1).length;
    const rates = sendRates(accepted);
    const stats = await stub.stats();
    const tooMany = stats.tooMany - before.tooMany;
    const ok =
      audit.items === expected &&
      audit.lostItems === 0 &&
      audit.duplicates === 0 &&
      twice === 0 &&
      perChat.size === expected;
    const lines = [
      `evening before: ${fmt(classes)} tests tomorrow for ${fmt(options.pupils)} pupils, ${fmt(expected)} subscribed guardians, 2 worker processes scanning at once; wall ${fmt((performance.now() - started) / 1000, 0)} s`,
      `  reminders: ${fmt(audit.items)} planned (target ${fmt(expected)}), ${fmt(audit.messages)} messages, ${fmt(audit.accepted)} accepted by ${fmt(perChat.size)} chats; 429s ${fmt(tooMany)}`,
      `  first scan → last send ${fmt(wallS, 1)} s; sending ${fmt(rates.overall, 1)} msg/s overall, ${fmt(rates.middle, 1)} msg/s in the middle`,
      `  lost ${fmt(audit.lostItems)}, duplicates ${fmt(audit.duplicates)}, chats told twice ${fmt(twice)} (targets 0) ${ok ? 'OK' : 'FAILED'}`,
    ];
    return { lines, failed: !ok };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await pg.end().catch(() => undefined);
    await server?.stop();
    await queue.close();
    await db.drop();
  }
}
