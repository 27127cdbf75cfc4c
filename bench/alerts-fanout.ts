import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { seedFamilies } from '../test/helpers/alert-fixtures';
import type { TAcceptedMessage } from '../test/helpers/telegram-stub';
import { auditRun, pipelineState, sendRates, type TAudit } from './alerts-audit';
import { SUBJECTS, setupEvents } from './alerts-school';
import {
  type AlertsStub,
  openBenchQueue,
  postJournal,
  startWorkerProcess,
  type WorkerProcess,
  waitFor,
} from './alerts-support';
import { createScratchDatabase, fmt, runPool, startServerProcess } from './bench-support';

// The fan-out and crash scenarios of bench:alerts, for any chat platform whose double an
// AlertsStub runs: grade events posted to POST /webhooks/journal of a server process, `dnevnik
// worker` processes planning, coalescing and sending to the double, the delivery audited message
// by message. bench:alerts runs them against Telegram, bench:max against MAX.

const FIRST_N = 1000;

/** Where the alerts go: the double, its limit, and the workers' settings for the platform. */
export interface TAlertsTarget {
  stub: AlertsStub;
  /** Accepted messages a second the double allows. */
  perSecond: number;
  windowSeconds: number;
  /** The journal's signing secret the server is started with. */
  journalSecret: string;
  channel: 'telegram' | 'max';
  /** A bot for one run: its name at the double and the worker environment that sends as it. */
  bot(): { name: string; env: Record<string, string> };
}

/** A Telegram bot id per run: its pacing keys in Redis start empty. */
export function telegramTarget(
  stub: AlertsStub,
  perSecond: number,
  windowSeconds: number,
  journalSecret: string,
): TAlertsTarget {
  return {
    stub,
    perSecond,
    windowSeconds,
    journalSecret,
    channel: 'telegram',
    bot: () => {
      const botId = String(randomInt(1_000_000_000, 2_000_000_000));
      return { name: botId, env: { TELEGRAM_BOT_TOKEN: `${botId}:bench`, TELEGRAM_API_ROOT: stub.apiRoot } };
    },
  };
}

export interface TScenario {
  name: string;
  students: number;
  grades: number;
  workers: number;
  crash: boolean;
}

export interface TResult {
  scenario: TScenario;
  audit: TAudit;
  /** The messages the double accepted for the run's bot, with when. */
  accepted: TAcceptedMessage[];
  stub: Awaited<ReturnType<AlertsStub['stats']>>;
  rates: ReturnType<typeof sendRates>;
  ingestS: number;
  wallS: number;
  inFlightAtKill?: number;
  sentAtKill?: number;
  recoveryS?: number;
}

/** Grades as a journal posts them through a school day: lesson after lesson, each student's spread over the run. */
function gradeEvents(students: number, total: number) {
  const at = new Date().toISOString();
  return Array.from({ length: total }, (_, i) => ({
    id: `grade-${i}`,
    type: 'grade.upserted',
    occurredAt: at,
    data: {
      gradeId: `g${i}`,
      studentId: `b-st${i % students}`,
      subjectId: `b-sub${(i + Math.floor(i / students)) % SUBJECTS.length}`,
      date: at.slice(0, 10),
      value: String(2 + (i % 4)),
      weight: 1 + (i % 3 === 0 ? 1 : 0),
    },
  }));
}

export async function runScenario(
  scenario: TScenario,
  adminUrl: string,
  redisUrl: string,
  target: TAlertsTarget,
): Promise<TResult> {
  const { stub } = target;
  const started = performance.now();
  const db = await createScratchDatabase(adminUrl, `dnevnik_bench_alerts_${scenario.name.replace(/\W/g, '_')}`);
  const queue = await openBenchQueue(redisUrl);
  const pg = new Client({ connectionString: db.url });
  const bot = target.bot();
  const workerEnv = {
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    ...bot.env,
    ALERT_WINDOW_SECONDS: String(target.windowSeconds),
  };
  const workers: WorkerProcess[] = [];
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  try {
    server = await startServerProcess({ DATABASE_URL: db.url, JOURNAL_WEBHOOK_SECRET: target.journalSecret });
    const serverUrl = server.url;
    await pg.connect();
    const setup = setupEvents(scenario.students);
    for (let i = 0; i < setup.length; i += 1000)
      await postJournal(serverUrl, target.journalSecret, setup.slice(i, i + 1000));
    const studentIds = Array.from({ length: scenario.students }, (_, i) => `b-st${i}`);
    const guardiansOf = (i: number) => 1 + (i % 2);
    await seedFamilies(async (sql, params) => (await pg.query(sql, params)).rows, {
      studentIds,
      guardiansOf,
      chatIdOf: (i, g) => String(500_000_000 + i * 10 + g),
      channelOf: () => target.channel,
    });
    // Tables loaded a moment ago have no statistics yet, and the planner's joins ran 4× slower on
    // the plans Postgres picks without them; a school's database in service has them.
    await pg.query('ANALYZE');
    const expectedItems = Array.from({ length: scenario.grades }, (_, i) => guardiansOf(i % scenario.students)).reduce(
      (a, b) => a + b,
      0,
    );

    for (let w = 0; w < scenario.workers; w++) workers.push(startWorkerProcess(workerEnv));
    await waitFor('workers', async () => (await queue.workers()) >= scenario.workers, 60_000);

    const grades = gradeEvents(scenario.students, scenario.grades);
    const batches: (typeof grades)[] = [];
    for (let i = 0; i < grades.length; i += 500) batches.push(grades.slice(i, i + 500));
    const t0 = performance.now();
    await runPool(batches, 4, (batch) => postJournal(serverUrl, target.journalSecret, batch));
    const ingestS = (performance.now() - t0) / 1000;

    const result: Partial<TResult> = {};
    if (scenario.crash) {
      // Halfway: all messages composed and half of them accepted by Telegram.
      await waitFor(
        'composition',
        async () => {
          const s = await pipelineState(pg);
          return s.unplannedFacts === 0 && s.uncomposedItems === 0 && s.messages > 0;
        },
        600_000,
        500,
      );
      const { messages } = await pipelineState(pg);
      await waitFor('half sent', async () => (await pipelineState(pg)).sent >= messages / 2, 1_800_000, 50);
      await workers[0].kill9();
      const atKill = await pipelineState(pg);
      result.inFlightAtKill = atKill.sending;
      result.sentAtKill = atKill.sent;
      const restarted = performance.now();
      workers[0] = startWorkerProcess(workerEnv);
      await waitFor('all sent', async () => settled(await pipelineState(pg)), 1_800_000, 500);
      result.recoveryS = (performance.now() - restarted) / 1000;
    } else {
      await waitFor('all sent', async () => settled(await pipelineState(pg)), 1_800_000, 500);
    }
    // Sends still on the wire when the store said "sent" have arrived by now; give late retries a moment too.
    await new Promise((r) => setTimeout(r, 2000));
    const accepted = await stub.accepted(bot.name);
    const audit = await auditRun(pg, accepted, expectedItems, FIRST_N);
    return {
      scenario,
      audit,
      accepted,
      stub: await stub.stats(),
      rates: sendRates(accepted),
      ingestS,
      wallS: (performance.now() - started) / 1000,
      ...result,
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await pg.end().catch(() => undefined);
    await server?.stop();
    await queue.close();
    await db.drop();
  }
}

const settled = (s: Awaited<ReturnType<typeof pipelineState>>) =>
  s.unplannedFacts === 0 && s.uncomposedItems === 0 && s.messages > 0 && s.open === 0;

export function report(r: TResult, stubBefore: { accepted: number; tooMany: number }, target: TAlertsTarget): string[] {
  const { audit, scenario } = r;
  const { perSecond, windowSeconds } = target;
  const tooMany = r.stub.tooMany - stubBefore.tooMany;
  const sends = r.stub.accepted - stubBefore.accepted;
  const rateRatio = r.rates.overall / perSecond;
  const floorS = windowSeconds + (audit.firstLatency.n * 0.99) / perSecond;
  const lines = [
    `${scenario.name}: ${fmt(scenario.grades)} grade events, ${fmt(scenario.students)} students, ${fmt(audit.items)} alerts (grade × chat), ${scenario.workers} worker process(es); wall ${fmt(r.wallS, 0)} s`,
    `  ingestion (POST /webhooks/journal): ${fmt(r.ingestS, 1)} s, ${fmt(scenario.grades / r.ingestS)} events/s; coalescing window ${windowSeconds} s`,
    `  sent messages: ${fmt(audit.accepted)} accepted by the stub (${fmt(audit.messages)} recorded); coalescing ${fmt(audit.items / Math.max(1, audit.messages), 2)} alerts per message`,
    scenario.crash
      ? `  send rate (the crash and the lease of its claims included, no target): ${fmt(r.rates.overall, 2)} msg/s over ${fmt(r.rates.spanS, 0)} s = ${fmt(rateRatio * 100, 1)} % of the stub's ${perSecond} msg/s`
      : `  send rate: ${fmt(r.rates.overall, 2)} msg/s over ${fmt(r.rates.spanS, 0)} s = ${fmt(rateRatio * 100, 1)} % of the stub's ${perSecond} msg/s (target ≥ 90 %) ${rateRatio >= 0.9 ? 'OK' : 'BELOW TARGET'};  middle 90 % of sends: ${fmt(r.rates.middle, 2)} msg/s = ${fmt((r.rates.middle / perSecond) * 100, 1)} %`,
    `  429s: ${fmt(tooMany)} = ${fmt((tooMany / Math.max(1, sends)) * 100, 2)} % of sends (target < 1 %) ${tooMany < sends * 0.01 ? 'OK' : 'ABOVE TARGET'}`,
    `  ingestion → send, first ${fmt(audit.firstLatency.n)} messages: p50 ${fmt(audit.firstLatency.p50 / 1000, 1)} s, p99 ${fmt(audit.firstLatency.p99 / 1000, 1)} s, max ${fmt(audit.firstLatency.max / 1000, 1)} s` +
      ` (floor when they are all due at once: window ${windowSeconds} s + ${fmt(floorS - windowSeconds, 1)} s for ${fmt(audit.firstLatency.n * 0.99)} sends at ${perSecond}/s = ${fmt(floorS, 1)} s; p99 / floor ${fmt(audit.firstLatency.p99 / 1000 / floorS, 2)})`,
    `  lost: ${fmt(audit.lostItems)} alerts in ${fmt(audit.lostMessages)} messages; duplicates: ${fmt(audit.duplicates)}${Object.keys(audit.notSent).length ? `; not sent: ${JSON.stringify(audit.notSent)}` : ''}`,
  ];
  if (r.inFlightAtKill !== undefined) {
    const ok = audit.lostItems === 0 && audit.duplicates <= r.inFlightAtKill;
    lines.push(
      `  crash: SIGKILL after ${fmt(r.sentAtKill ?? 0)} of ${fmt(audit.messages)} messages recorded sent; ${fmt(r.inFlightAtKill)} in flight (claimed, outcome unrecorded); restarted worker finished in ${fmt(r.recoveryS ?? 0, 0)} s`,
      `  crash result: lost ${fmt(audit.lostItems)} (target 0), duplicates ${fmt(audit.duplicates)} (target ≤ ${fmt(r.inFlightAtKill)} in flight) ${ok ? 'OK' : 'FAILED'}`,
    );
  }
  return lines;
}
