import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { seedFamilies } from '../test/helpers/alert-fixtures';
import { auditRun, pipelineState, sendRates, type TAudit } from './alerts-audit';
import { runEveningBefore } from './alerts-evening';
import { runMorningRush } from './alerts-rush';
import { SUBJECTS, setupEvents } from './alerts-school';
import {
  type AlertsStub,
  benchRedisUrl,
  openBenchQueue,
  postJournal,
  startAlertsStub,
  startWorkerProcess,
  type WorkerProcess,
  waitFor,
} from './alerts-support';
import { createScratchDatabase, fmt, requireEnv, runPool, startServerProcess } from './bench-support';

// npm run bench:alerts — grade alerts end to end on real PostgreSQL + Redis: grade events posted
// to POST /webhooks/journal of a server process, `dnevnik worker` processes planning, coalescing
// and sending to a local Telegram stub that enforces 30 msg/s per bot and 1 msg/s per chat with
// 429 + retry_after.
//   fan-out: 50,000 grades for 10,000 students with 1–2 subscribed guardians each.
//   crash:   the worker is killed with SIGKILL halfway through sending and started again.
//   rush:    a morning's arrival passes, posted as they happen (./alerts-rush.ts).
//   evening: tomorrow's tests of 10,000 pupils, reminded to 20,000 guardians once (./alerts-evening.ts).
// Targets: send rate ≥ 90 % of the stub's limit, 429s under 1 % of sends; lost 0, duplicates at
// most the sends in flight at the kill.

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const STUB_PER_SECOND = env('BENCH_STUB_RATE', 30);
const WINDOW_SECONDS = env('BENCH_WINDOW_SECONDS', 30);
const SECRET = 'bench-alerts-journal-secret-0123';
const FIRST_N = 1000;

interface TScenario {
  name: string;
  students: number;
  grades: number;
  workers: number;
  crash: boolean;
}

interface TResult {
  scenario: TScenario;
  audit: TAudit;
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

async function runScenario(
  scenario: TScenario,
  adminUrl: string,
  redisUrl: string,
  stub: AlertsStub,
): Promise<TResult> {
  const started = performance.now();
  const db = await createScratchDatabase(adminUrl, `dnevnik_bench_alerts_${scenario.name.replace(/\W/g, '_')}`);
  const queue = await openBenchQueue(redisUrl);
  const pg = new Client({ connectionString: db.url });
  // A fresh bot id per run: its pacing keys in Redis start empty.
  const botId = String(randomInt(1_000_000_000, 2_000_000_000));
  const workerEnv = {
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    TELEGRAM_BOT_TOKEN: `${botId}:bench`,
    TELEGRAM_API_ROOT: stub.apiRoot,
    ALERT_WINDOW_SECONDS: String(WINDOW_SECONDS),
  };
  const workers: WorkerProcess[] = [];
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  try {
    server = await startServerProcess({ DATABASE_URL: db.url, JOURNAL_WEBHOOK_SECRET: SECRET });
    const serverUrl = server.url;
    await pg.connect();
    const setup = setupEvents(scenario.students);
    for (let i = 0; i < setup.length; i += 1000) await postJournal(serverUrl, SECRET, setup.slice(i, i + 1000));
    const studentIds = Array.from({ length: scenario.students }, (_, i) => `b-st${i}`);
    const guardiansOf = (i: number) => 1 + (i % 2);
    await seedFamilies(async (sql, params) => (await pg.query(sql, params)).rows, {
      studentIds,
      guardiansOf,
      chatIdOf: (i, g) => String(500_000_000 + i * 10 + g),
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
    await runPool(batches, 4, (batch) => postJournal(serverUrl, SECRET, batch));
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
    const accepted = await stub.accepted(botId);
    const audit = await auditRun(pg, accepted, expectedItems, FIRST_N);
    return {
      scenario,
      audit,
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

function report(r: TResult, stubBefore: { accepted: number; tooMany: number }): string[] {
  const { audit, scenario } = r;
  const tooMany = r.stub.tooMany - stubBefore.tooMany;
  const sends = r.stub.accepted - stubBefore.accepted;
  const rateRatio = r.rates.overall / STUB_PER_SECOND;
  const floorS = WINDOW_SECONDS + (audit.firstLatency.n * 0.99) / STUB_PER_SECOND;
  const lines = [
    `${scenario.name}: ${fmt(scenario.grades)} grade events, ${fmt(scenario.students)} students, ${fmt(audit.items)} alerts (grade × chat), ${scenario.workers} worker process(es); wall ${fmt(r.wallS, 0)} s`,
    `  ingestion (POST /webhooks/journal): ${fmt(r.ingestS, 1)} s, ${fmt(scenario.grades / r.ingestS)} events/s; coalescing window ${WINDOW_SECONDS} s`,
    `  sent messages: ${fmt(audit.accepted)} accepted by the stub (${fmt(audit.messages)} recorded); coalescing ${fmt(audit.items / Math.max(1, audit.messages), 2)} alerts per message`,
    scenario.crash
      ? `  send rate (the crash and the lease of its claims included, no target): ${fmt(r.rates.overall, 2)} msg/s over ${fmt(r.rates.spanS, 0)} s = ${fmt(rateRatio * 100, 1)} % of the stub's ${STUB_PER_SECOND} msg/s`
      : `  send rate: ${fmt(r.rates.overall, 2)} msg/s over ${fmt(r.rates.spanS, 0)} s = ${fmt(rateRatio * 100, 1)} % of the stub's ${STUB_PER_SECOND} msg/s (target ≥ 90 %) ${rateRatio >= 0.9 ? 'OK' : 'BELOW TARGET'};  middle 90 % of sends: ${fmt(r.rates.middle, 2)} msg/s = ${fmt((r.rates.middle / STUB_PER_SECOND) * 100, 1)} %`,
    `  429s: ${fmt(tooMany)} = ${fmt((tooMany / Math.max(1, sends)) * 100, 2)} % of sends (target < 1 %) ${tooMany < sends * 0.01 ? 'OK' : 'ABOVE TARGET'}`,
    `  ingestion → send, first ${fmt(audit.firstLatency.n)} messages: p50 ${fmt(audit.firstLatency.p50 / 1000, 1)} s, p99 ${fmt(audit.firstLatency.p99 / 1000, 1)} s, max ${fmt(audit.firstLatency.max / 1000, 1)} s` +
      ` (floor when they are all due at once: window ${WINDOW_SECONDS} s + ${fmt(floorS - WINDOW_SECONDS, 1)} s for ${fmt(audit.firstLatency.n * 0.99)} sends at ${STUB_PER_SECOND}/s = ${fmt(floorS, 1)} s; p99 / floor ${fmt(audit.firstLatency.p99 / 1000 / floorS, 2)})`,
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

async function main() {
  const adminUrl = requireEnv('DATABASE_URL');
  const redisUrl = benchRedisUrl(requireEnv('REDIS_URL'), env('BENCH_REDIS_DB', 9));
  const scenarios: TScenario[] = [
    {
      name: 'fan-out',
      students: env('BENCH_STUDENTS', 10_000),
      grades: env('BENCH_GRADES', 50_000),
      workers: env('BENCH_WORKERS', 2),
      crash: false,
    },
    {
      name: 'crash',
      students: env('BENCH_CRASH_STUDENTS', 2_000),
      grades: env('BENCH_CRASH_GRADES', 10_000),
      workers: 1,
      crash: true,
    },
  ].filter((s) => !process.env.BENCH_ONLY || s.name === process.env.BENCH_ONLY);
  const stub = await startAlertsStub(STUB_PER_SECOND);
  const started = performance.now();
  const lines = [
    `bench:alerts — real PostgreSQL + Redis, Telegram stub at ${STUB_PER_SECOND} msg/s per bot and 1 msg/s per chat (429 + retry_after)`,
  ];
  let failed = false;
  try {
    for (const scenario of scenarios) {
      const before = await stub.stats();
      const result = await runScenario(scenario, adminUrl, redisUrl, stub);
      const out = report(result, before);
      process.stdout.write(`${out.join('\n')}\n`);
      lines.push(...out);
      if (result.audit.lostItems > 0 || result.audit.duplicates > (result.inFlightAtKill ?? 0)) failed = true;
    }
    if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'rush') {
      const rush = await runMorningRush(
        {
          pupils: env('BENCH_RUSH_PUPILS', 1_000),
          guardians: 2,
          seconds: env('BENCH_RUSH_SECONDS', 600),
          perSecond: STUB_PER_SECOND,
          secret: SECRET,
        },
        adminUrl,
        redisUrl,
        stub,
      );
      process.stdout.write(`${rush.lines.join('\n')}\n`);
      lines.push(...rush.lines);
      if (rush.failed) failed = true;
    }
    if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY === 'evening') {
      const evening = await runEveningBefore(
        { pupils: env('BENCH_EVENING_PUPILS', 10_000), guardians: 2, secret: SECRET },
        adminUrl,
        redisUrl,
        stub,
      );
      process.stdout.write(`${evening.lines.join('\n')}\n`);
      lines.push(...evening.lines);
      if (evening.failed) failed = true;
    }
  } finally {
    stub.stop();
  }
  lines.push(`total wall time ${fmt((performance.now() - started) / 1000, 0)} s`);
  process.stdout.write(`\n${lines.join('\n')}\n`);
  if (failed) process.exit(1);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
