import os from 'node:os';
import { benchRedisUrl } from './alerts-support';
import { fmt, requireEnv } from './bench-support';
import { alertsScale, type TWorkersRun, workersLine } from './scale-alerts';
import { webhookScale } from './scale-webhook';

// npm run bench:scale — does a second process help? On real PostgreSQL + Redis, in one run:
//   alerts:   bench:alerts' fan-out delivered by 1, then by 2 `dnevnik worker` processes to the
//             Telegram double at its limit (./scale-alerts.ts);
//   webhooks: bench:telegram's updates posted to 1, then to 2 web processes, next to a bare
//             Express route (./scale-webhook.ts).
// Targets: two workers reach 90 % of the limit sooner and never exceed it; 0 double sends, 0 lost.
// The core count and the load average are printed with the figures: a second process can only
// use a core that is free, so the webhook ratio means little without them.

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PER_SECOND = env('BENCH_STUB_RATE', 30);

const load = () =>
  os
    .loadavg()
    .map((l) => fmt(l, 2))
    .join(' / ');

// Rolling seconds are counted send by send: ramps less than this apart are the same ramp.
const SAME_RAMP_S = 0.1;

function verdicts(one: TWorkersRun, two: TWorkersRun): { lines: string[]; failed: boolean } {
  const sooner = !Number.isNaN(two.reachS) && (Number.isNaN(one.reachS) || two.reachS < one.reachS - SAME_RAMP_S);
  const same = Math.abs(two.reachS - one.reachS) <= SAME_RAMP_S;
  const within = [one, two].every((r) => r.peakPerSecond <= PER_SECOND && r.sustained <= 1);
  const clean = [one, two].every((r) => r.doubles === 0 && r.lost === 0);
  const reach = (r: TWorkersRun) => (Number.isNaN(r.reachS) ? 'never' : `${fmt(r.reachS, 2)} s`);
  return {
    lines: [
      `  two workers reach the limit sooner: ${sooner ? 'yes' : 'no'} (${reach(two)} vs ${reach(one)} for one${same ? `: the same within ${SAME_RAMP_S} s` : ''})`,
      `  never exceed the limit: ${within ? 'yes' : 'no'} (max ${one.peakPerSecond} / ${two.peakPerSecond} in any 1 s, sustained ${fmt(one.sustained, 3)} / ${fmt(two.sustained, 3)} × ${PER_SECOND}/s)`,
      `  0 double sends, 0 lost: ${clean ? 'yes' : 'no'} (double ${one.doubles} / ${two.doubles}, lost ${one.lost} / ${two.lost})`,
    ],
    failed: !within || !clean,
  };
}

async function main() {
  const adminUrl = requireEnv('DATABASE_URL');
  const redisUrl = requireEnv('REDIS_URL');
  const alerts = {
    students: env('BENCH_STUDENTS', 1_000),
    grades: env('BENCH_GRADES', 4_000),
    perSecond: PER_SECOND,
    windowSeconds: env('BENCH_WINDOW_SECONDS', 10),
    journalSecret: 'bench-scale-journal-secret-01234',
  };
  const web = {
    updates: env('BENCH_UPDATES', 2_000),
    concurrency: env('BENCH_CONCURRENCY', 16),
    warm: env('BENCH_WARM_UPDATES', 500),
  };
  const started = performance.now();
  const header = `bench:scale — ${os.cpus().length} cores, load average (1 / 5 / 15 min) at start ${load()}`;
  process.stdout.write(`${header}\n`);

  const alertsHead = `alerts: ${fmt(alerts.grades)} grades for ${fmt(alerts.students)} students (1–2 guardians each), window ${alerts.windowSeconds} s, Telegram double at ${PER_SECOND}/s per bot and 1/s per chat`;
  process.stdout.write(`${alertsHead}\n`);
  // The alerts queue has one name: another Redis database keeps the run apart, as bench:alerts does.
  const [one, two] = await alertsScale(alerts, adminUrl, benchRedisUrl(redisUrl, env('BENCH_REDIS_DB', 9)), [1, 2]);

  const webHead = `webhooks: ${fmt(web.updates)} Telegram updates (bench:telegram's mix) at concurrency ${web.concurrency}, each process warmed with ${fmt(web.warm)}`;
  process.stdout.write(`${webHead}\n`);
  const w = await webhookScale(web, adminUrl, redisUrl);
  const row = (name: string, r: typeof w.bare) =>
    `  ${name.padEnd(16)} ${fmt(r.rate).padStart(6)} updates/s  p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms`;
  const cpu = (r: typeof w.one) =>
    `; web CPU ${fmt(r.cpuMsPerUpdate, 2)} ms/update, ${fmt(r.coresBusy, 2)} of ${os.cpus().length} cores busy`;

  const { lines: verdictLines, failed } = verdicts(one, two);
  const lines = [
    header,
    alertsHead,
    workersLine(one, PER_SECOND),
    workersLine(two, PER_SECOND),
    webHead,
    row('1 web process', w.one) + cpu(w.one),
    row('2 web processes', w.two) + cpu(w.two),
    row('bare route', w.bare),
    `  ratios: 2 web ÷ 1 web ${fmt(w.two.rate / w.one.rate, 2)};  1 web ÷ bare ${fmt(w.one.rate / w.bare.rate, 2)};  2 web ÷ bare ${fmt(w.two.rate / w.bare.rate, 2)}`,
    `verdict (${os.cpus().length} cores, load average at end ${load()}):`,
    ...verdictLines,
    `total wall time ${fmt((performance.now() - started) / 1000, 0)} s`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
  if (failed) process.exit(1);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
