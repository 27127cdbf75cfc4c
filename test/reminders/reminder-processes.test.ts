import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DateTime } from 'luxon';
import { ruReminderTexts } from '../../core/reminders/locales/ru';
import { REMINDERS_QUEUE } from '../../infra/reminder-scheduler';
import type { Database } from '../../prisma/db/database';
import { createScratchPostgres, redisDatabaseUrl, type TScratchPostgres } from '../helpers/alert-processes';
import {
  allPresent,
  ingest,
  lessonEvents,
  linkTeacher,
  schoolSetup,
  setReminderSettings,
  T1,
  T2,
} from '../helpers/reminder-fixtures';
import { startTelegramStub, type TelegramStub } from '../helpers/telegram-stub';

// Two worker processes on one PostgreSQL and one Redis, scanning every 200 ms through the BullMQ
// job scheduler, one of them killed with SIGKILL and started again: each incomplete lesson still
// gets exactly one reminder, and each teacher exactly one message, delivered once.

const adminUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const ROOT = path.join(__dirname, '..', '..');

interface TChild {
  ready: Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
  output(): string;
}

function startWorker(env: Record<string, string>): TChild {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'tsx/cjs', path.join(ROOT, 'test', 'helpers', 'reminder-worker-process.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', DEMO: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.on('data', (c: Buffer) => {
    output += c.toString('utf8');
    if (output.includes('ready')) markReady();
  });
  child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    ready,
    output: () => output,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Until the workers have finished `n` scans after the moment `since` (epoch ms): the scheduler's
 * queue keeps its last 100 finished jobs, each with the time it finished. A wait for what the
 * workers did rather than for a time: on a slow machine a fixed sleep may see no scan at all.
 */
async function untilScans(queue: Queue, since: number, n: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const finished = await queue.getJobs(['completed', 'failed'], 0, 99);
    const count = finished.filter((job) => (job.finishedOn ?? 0) > since).length;
    if (count >= n) return;
    if (Date.now() > deadline) throw new Error(`only ${count} of ${n} scans finished in ${timeoutMs} ms`);
    await sleep(50);
  }
}

(adminUrl && redisUrl ? describe : describe.skip)(
  'teacher reminders across worker processes (PostgreSQL + Redis)',
  () => {
    let scratch: TScratchPostgres;
    let db: Database;
    let dbUrl: string;
    let stub: TelegramStub;
    let lessonDate: string;
    let lessonEnd: string;
    let redisDbUrl: string;
    const children: TChild[] = [];

    beforeAll(async () => {
      scratch = await createScratchPostgres(adminUrl!, 'dnevnik_reminders');
      db = scratch.db;
      dbUrl = scratch.url;
      // Lessons that ended three hours ago (school time), so they are due whenever the test runs.
      const ended = DateTime.now().setZone('Europe/Moscow').minus({ hours: 3 });
      const end = ended.toFormat('HH:mm') < '00:50' ? '00:50' : ended.toFormat('HH:mm');
      const date = ended.toISODate()!;
      lessonDate = date;
      lessonEnd = end;
      const start = '00:05';
      await ingest(db, [
        ...schoolSetup(),
        ...['m1', 'm2', 'm3'].map((id) => lessonEvents({ id, date, start, end, attendance: allPresent() })).flat(),
        ...lessonEvents({
          id: 'p1',
          date,
          start,
          end,
          teacherId: T2,
          classId: 'rs-6b',
          subjectId: 'rs-phys',
          topic: 'Оптика',
        }),
        ...lessonEvents({ id: 'done', date, start, end, topic: 'Дроби', attendance: allPresent() }),
      ]);
      await linkTeacher(db.sql.query, T1, '6001');
      await linkTeacher(db.sql.query, T2, '6002');
      // No quiet hours: the test may run at any time of day.
      for (const t of [T1, T2]) await setReminderSettings(db.sql.query, t, { quietFrom: '00:00', quietTo: '00:00' });
      stub = await startTelegramStub({ perSecond: 30, perChatGapMs: 0 });
    });

    afterAll(async () => {
      await Promise.all(children.map((c) => c.kill('SIGTERM')));
      if (redisDbUrl) {
        // The job scheduler outlives its workers by design; this test's one goes with the test.
        const connection = new IORedis(redisDbUrl, { maxRetriesPerRequest: null });
        const queue = new Queue(REMINDERS_QUEUE, { connection });
        await queue.obliterate({ force: true });
        await queue.close();
        await connection.quit();
      }
      await stub?.close();
      await scratch?.destroy();
    });

    it('sends one message per teacher, once, through a kill and a restart, and reminds about a lesson the journal sent late', async () => {
      // A Redis database of its own keeps the queues apart from anything else on the server.
      redisDbUrl = redisDatabaseUrl(redisUrl!, 3 + (randomBytes(1)[0] % 10));
      const env = {
        DATABASE_URL: dbUrl,
        REDIS_URL: redisDbUrl,
        TELEGRAM_BOT_TOKEN: '7000000002:reminders-test',
        TELEGRAM_API_ROOT: stub.apiRoot,
        REMINDER_EVERY_MS: '200',
      };
      const scans = new Queue(REMINDERS_QUEUE, { connection: { url: redisDbUrl } });
      try {
        children.push(startWorker(env), startWorker(env));
        await Promise.all(children.map((c) => c.ready));
        // One of the two dies without warning while scans run; a replacement starts. The moment is
        // chosen, not waited for: early, before the first messages are on their way.
        await sleep(300);
        await children[0].kill('SIGKILL');
        children.push(startWorker(env));
        await children[2].ready;

        const deadline = Date.now() + 30_000;
        while (stub.accepted.length < 2 && Date.now() < deadline) await sleep(100);
        // Further scans and sweeps must not send anything again: ten scans, two seconds of sweeps.
        await untilScans(scans, Date.now(), 10);

        expect(stub.accepted.map((m) => m.chatId).sort()).toEqual(['6001', '6002']);
        const lesson = (className: string, subject: string) => ruReminderTexts.lesson(className, subject, lessonDate);
        expect(stub.accepted.find((m) => m.chatId === '6001')!.text).toBe(
          `Заполните, пожалуйста, журнал:\n• 3 урока без темы: ${[1, 2, 3].map(() => lesson('5А', 'Математика')).join(', ')}`,
        );
        expect(stub.accepted.find((m) => m.chatId === '6002')!.text).toBe(
          `Заполните, пожалуйста, журнал:\n• 1 урок без отметок посещаемости: ${lesson('6Б', 'Физика')}`,
        );
        // The journal sends a lesson that ended hours ago only now: the next scan (they cover whole
        // minutes, so within a minute) still finds it, once.
        await ingest(
          db,
          lessonEvents({
            id: 'late',
            date: lessonDate,
            start: '00:05',
            end: lessonEnd,
            teacherId: T2,
            subjectId: 'rs-phys',
            attendance: allPresent(),
          }),
        );
        const lateDeadline = Date.now() + 75_000;
        while (stub.accepted.length < 3 && Date.now() < lateDeadline) await sleep(100);
        await untilScans(scans, Date.now(), 8);
        expect(stub.accepted.map((m) => m.chatId).sort()).toEqual(['6001', '6002', '6002']);
        expect(stub.accepted.at(-1)!.text).toBe(
          `Заполните, пожалуйста, журнал:\n• 1 урок без темы: ${lesson('5А', 'Физика')}`,
        );

        const rows = await db.sql.query<{ lessonId: string; status: string }>(
          `SELECT "lessonId", status FROM "LessonReminder" ORDER BY "lessonId"`,
        );
        expect(rows).toEqual([
          { lessonId: 'late', status: 'sent' },
          { lessonId: 'm1', status: 'sent' },
          { lessonId: 'm2', status: 'sent' },
          { lessonId: 'm3', status: 'sent' },
          { lessonId: 'p1', status: 'sent' },
        ]);
        const messages = await db.sql.query<{ status: string; n: number }>(
          `SELECT status, count(*)::int AS n FROM "AlertMessage" GROUP BY status`,
        );
        expect(messages).toEqual([{ status: 'sent', n: 3 }]);
      } finally {
        await scans.close();
      }
    }, 150_000);
  },
);
