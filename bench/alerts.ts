import { runEveningBefore } from './alerts-evening';
import { report, runScenario, type TScenario, telegramTarget } from './alerts-fanout';
import { runMorningRush } from './alerts-rush';
import { benchRedisUrl, startAlertsStub } from './alerts-support';
import { fmt, requireEnv } from './bench-support';

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
  const target = telegramTarget(stub, STUB_PER_SECOND, WINDOW_SECONDS, SECRET);
  const started = performance.now();
  const lines = [
    `bench:alerts — real PostgreSQL + Redis, Telegram stub at ${STUB_PER_SECOND} msg/s per bot and 1 msg/s per chat (429 + retry_after)`,
  ];
  let failed = false;
  try {
    for (const scenario of scenarios) {
      const before = await stub.stats();
      const result = await runScenario(scenario, adminUrl, redisUrl, target);
      const out = report(result, before, target);
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
