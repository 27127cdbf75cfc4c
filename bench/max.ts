import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { maxBotName } from '../bots/max';
import { startMaxStub } from '../test/helpers/max-stub';
import { report, runScenario, type TAlertsTarget } from './alerts-fanout';
import { benchRedisUrl, startMaxAlertsStub } from './alerts-support';
import { BENCH_PEPPER, linkChatsByCode } from './bench-linking';
import { createScratchDatabase, fmt, postAll, requireEnv, startBareRoute, startServerProcess } from './bench-support';
import { linkedChatId, makeMaxUpdate } from './max-updates';

// npm run bench:max — realistic MAX updates posted to POST /webhooks/max of a server process
// (real PostgreSQL + Redis; each update claimed in the Redis inbox before MAX hears 200), next to
// a bare Express route that only parses JSON, in the same run. Then the inbox is watched while the
// bot answers through a local MAX double limited to MAX_RATE_LIMIT messages a second. Last, grade
// alerts go out through `dnevnik worker` processes to a MAX double in its own process at that
// limit (bench:alerts' fan-out, ./alerts-fanout.ts).
// Targets: ≥ 25 % of the bare route's throughput, p99 under 50 ms; alerts at ≥ 90 % of the limit,
// 429s under 1 % of sends.

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const TOTAL = env('BENCH_EVENTS', 20_000);
const CONCURRENCY = env('BENCH_CONCURRENCY', 16);
const WARM = env('BENCH_WARM_UPDATES', 2_000);
const DRAIN_SECONDS = env('BENCH_DRAIN_SECONDS', 10);
const RATE_LIMIT = env('MAX_RATE_LIMIT', 30);
const ALERT_STUDENTS = env('BENCH_ALERT_STUDENTS', 1_000);
const ALERT_GRADES = env('BENCH_ALERT_GRADES', 3_000);
const ALERT_WORKERS = env('BENCH_WORKERS', 2);
const ALERT_WINDOW_SECONDS = env('BENCH_WINDOW_SECONDS', 10);
const SECRET = 'bench-max-secret';
const JOURNAL_SECRET = 'bench-max-journal-secret-0123456';
const USERNAME = 'dnevnik_bench_bot';
const LINKED_CHATS = 40;
const RUN = Date.now().toString(16);

async function webhookRun(adminUrl: string, redisUrl: string): Promise<string[]> {
  // A fresh token per run: the inbox is named after it, so it starts empty (and is removed at the end).
  const token = `bench-${randomBytes(8).toString('hex')}`;
  const db = await createScratchDatabase(adminUrl, 'dnevnik_bench_max');
  const api = await startMaxStub({
    token,
    perSecond: RATE_LIMIT,
    bot: { user_id: 9_000_001, name: 'Дневник', username: USERNAME },
  });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });
  const server = await startServerProcess({
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    DEMO: 'true',
    // A few chats ask thousands of questions here: the per-chat abuse limit would answer most of them "please wait".
    QUESTIONS_PER_MINUTE: '0',
    // The pepper the database is set up with on first start: the benchmark's link codes are issued with it.
    LINK_CODE_PEPPER: BENCH_PEPPER,
    MAX_BOT_TOKEN: token,
    MAX_BOT_USERNAME: USERNAME,
    MAX_WEBHOOK_SECRET: SECRET,
    MAX_API_BASE_URL: api.apiBaseUrl,
    MAX_RATE_LIMIT: String(RATE_LIMIT),
    PUBLIC_URL: 'https://bench.invalid',
  });
  const bare = await startBareRoute(['/webhooks/max'], '{"ok":true}');
  const drive = (url: string, bodies: string[]) =>
    postAll(`${url}/webhooks/max`, bodies, CONCURRENCY, { 'x-max-bot-api-secret': SECRET });
  const inbox = new Queue(`dnevnik-${maxBotName(token).replace(':', '-')}`, { connection: { url: redisUrl } });
  try {
    await linkChatsByCode(
      db.url,
      Array.from({ length: LINKED_CHATS }, (_, i) => ({
        channel: 'max' as const,
        externalId: String(linkedChatId(i)),
        locale: 'ru' as const,
      })),
    );
    const mix = { run: RUN, linkedChats: LINKED_CHATS, today, username: USERNAME };
    const warm = Array.from({ length: WARM }, (_, i) => JSON.stringify(makeMaxUpdate(TOTAL + i, mix)));
    const bodies = Array.from({ length: TOTAL }, (_, i) => JSON.stringify(makeMaxUpdate(i, mix)));
    await drive(server.url, warm);
    await drive(bare.url, warm);
    const bot = await drive(server.url, bodies);
    const baseline = await drive(bare.url, bodies);
    const ratio = bot.rate / baseline.rate;

    // Replies go out as the bot sends them; the double refuses beyond the limit. Watch for a while.
    const answered = () => api.accepted.length + api.edits.length + api.answers.length;
    const before = answered();
    const tooManyBefore = api.counts.tooMany;
    await new Promise((r) => setTimeout(r, DRAIN_SECONDS * 1000));
    const drained = answered() - before;
    const tooMany = api.counts.tooMany - tooManyBefore;
    const counts = await inbox.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    const stored = Object.values(counts).reduce((a, b) => a + b, 0);
    const lines = [
      `bench:max — ${fmt(TOTAL)} updates (${LINKED_CHATS} linked dialogs: questions, button taps; strangers, bot_started, a group chat), ${CONCURRENCY} concurrent, real PostgreSQL + Redis`,
      `  webhook (secret → parse → Redis inbox → 200):   ${fmt(bot.rate)} updates/s  (p50 ${fmt(bot.p50, 1)} ms, p99 ${fmt(bot.p99, 1)} ms)`,
      `  baseline: bare Express route with JSON parsing: ${fmt(baseline.rate)} updates/s  (p50 ${fmt(baseline.p50, 1)} ms, p99 ${fmt(baseline.p99, 1)} ms)`,
      `  ratio webhook / bare: ${fmt(ratio * 100, 1)} %  (target ≥ 25 %) ${ratio >= 0.25 ? 'OK' : 'BELOW TARGET'};  p99 ${bot.p99 < 50 ? 'OK' : 'ABOVE TARGET'} (target < 50 ms)`,
      `  inbox: ${fmt(stored)} updates stored (${fmt(counts.waiting ?? 0)} waiting, ${fmt(counts.completed ?? 0)} done, ${fmt(counts.failed ?? 0)} failed)`,
      `  answers in ${DRAIN_SECONDS} s after intake (messages, edits, callback answers): ${fmt(drained)} (${fmt(drained / DRAIN_SECONDS, 1)}/s; the double allows ${RATE_LIMIT} messages/s); 429s meanwhile: ${fmt(tooMany)}`,
      `  MAX double so far: ${fmt(api.accepted.length)} messages, ${fmt(api.edits.length)} edits, ${fmt(api.answers.length)} callback answers, ${fmt(api.counts.tooMany)} × 429, ${fmt(api.counts.serverErrors)} × 5xx`,
    ];
    // Every update answered 200 is in the inbox, exactly once.
    if (stored !== bodies.length + warm.length)
      throw new Error(`${stored} updates in the inbox of ${bodies.length + warm.length} answered 200`);
    if ((counts.failed ?? 0) > 0) throw new Error(`${counts.failed} updates failed`);
    return lines;
  } finally {
    bare.stop();
    await server.stop();
    await inbox.obliterate({ force: true }).catch(() => undefined);
    await inbox.close();
    await api.close();
    await db.drop();
  }
}

async function alertsRun(adminUrl: string, redisUrl: string): Promise<{ lines: string[]; failed: boolean }> {
  const token = `bench-${randomBytes(8).toString('hex')}`;
  const stub = await startMaxAlertsStub(RATE_LIMIT, token);
  const target: TAlertsTarget = {
    stub,
    perSecond: RATE_LIMIT,
    windowSeconds: ALERT_WINDOW_SECONDS,
    journalSecret: JOURNAL_SECRET,
    channel: 'max',
    bot: () => ({
      name: 'max',
      env: { MAX_BOT_TOKEN: token, MAX_API_BASE_URL: stub.apiRoot, MAX_RATE_LIMIT: String(RATE_LIMIT) },
    }),
  };
  try {
    const scenario = {
      name: 'max alerts',
      students: ALERT_STUDENTS,
      grades: ALERT_GRADES,
      workers: ALERT_WORKERS,
      crash: false,
    };
    const before = await stub.stats();
    const result = await runScenario(scenario, adminUrl, redisUrl, target);
    const lines = report(result, before, target);
    lines[0] = `  ${lines[0]} → MAX double at MAX_RATE_LIMIT = ${RATE_LIMIT}/s`;
    return {
      lines: lines.map((l, i) => (i === 0 ? l : `  ${l}`)),
      failed: result.audit.lostItems > 0 || result.audit.duplicates > 0,
    };
  } finally {
    stub.stop();
  }
}

async function main() {
  const adminUrl = requireEnv('DATABASE_URL');
  const redisUrl = requireEnv('REDIS_URL');
  const lines = await webhookRun(adminUrl, redisUrl);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (process.env.BENCH_ONLY === 'webhook') return;
  // The alerts queue has one name: another Redis database keeps the run apart, as bench:alerts does.
  const alerts = await alertsRun(adminUrl, benchRedisUrl(redisUrl, env('BENCH_REDIS_DB', 9)));
  process.stdout.write(`${alerts.lines.join('\n')}\n`);
  if (alerts.failed) process.exit(1);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
