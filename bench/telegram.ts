import { countMethods, startTelegramStub, type TStubCall } from '../test/helpers/telegram-stub';
import { BENCH_PEPPER, issueCodes } from './bench-linking';
import {
  accessLogRows,
  createScratchDatabase,
  fmt,
  fmtCounts,
  postAll,
  requireEnv,
  startBareRoute,
  startServerProcess,
} from './bench-support';
import {
  linkCodesNeeded,
  linkTelegramChats,
  makeTelegramUpdate,
  telegramRunBase,
  telegramServerEnv,
} from './telegram-updates';

// npm run bench:telegram — realistic Telegram updates posted to POST /webhooks/telegram of a
// server process (real PostgreSQL + Redis, Bot API answered by a local double), next to a bare
// Express route that only parses JSON, in the same run.
// Target: ≥ 25 % of the bare route's throughput, p99 under 50 ms.

const TOTAL = Number(process.env.BENCH_UPDATES ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
// Both servers are measured warm, as a long-running server is: V8 keeps optimising the update path
// for the first few thousand updates (its compiler threads then compete for the same cores).
const WARM_UPDATES = Number(process.env.BENCH_WARM_UPDATES ?? 5_000);
const BOT_ID = 7000000001;
const SECRET = 'bench-telegram-secret';
const LINKED_CHATS = 40;

/** How many messages sent carried each first line (what users were told, in short). */
function firstLines(calls: readonly TStubCall[]): Map<string, number> {
  const lines = new Map<string, number>();
  for (const { method, body } of calls) {
    if (method !== 'sendMessage' && method !== 'editMessageText') continue;
    const first = String(body.text ?? '')
      .split('\n')[0]
      .slice(0, 60);
    lines.set(first, (lines.get(first) ?? 0) + 1);
  }
  return lines;
}

async function main() {
  const adminUrl = requireEnv('DATABASE_URL');
  const redisUrl = requireEnv('REDIS_URL');
  const db = await createScratchDatabase(adminUrl, 'dnevnik_bench_tg');
  const api = await startTelegramStub();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });
  const mix = { runBase: telegramRunBase(), linkedChats: LINKED_CHATS, today };
  const server = await startServerProcess(
    telegramServerEnv(db.url, redisUrl, { id: BOT_ID, secret: SECRET, pepper: BENCH_PEPPER, apiRoot: api.apiRoot }),
  );
  const bare = await startBareRoute(['/webhooks/telegram']);
  // The bot's last call of an update may ride in the webhook's response (a webhook reply): the double records those too.
  const drive = (url: string, bodies: string[], onResponse?: (text: string) => void) =>
    postAll(`${url}/webhooks/telegram`, bodies, CONCURRENCY, { 'x-telegram-bot-api-secret-token': SECRET }, onResponse);
  const driveBot = (bodies: string[]) => drive(server.url, bodies, api.takeWebhookResponse);
  try {
    const codes = await issueCodes(db.url, linkCodesNeeded(LINKED_CHATS));
    const linked = await linkTelegramChats(server.url, SECRET, api, codes, mix, mix.runBase + 10 * TOTAL);
    const warm = Array.from({ length: WARM_UPDATES }, (_, i) => JSON.stringify(makeTelegramUpdate(TOTAL + i, mix)));
    const bodies = Array.from({ length: TOTAL }, (_, i) => JSON.stringify(makeTelegramUpdate(i, mix)));
    await driveBot(warm);
    await drive(bare.url, warm);
    const answersIn = (calls: Map<string, number>) =>
      (calls.get('sendMessage') ?? 0) + (calls.get('answerCallbackQuery') ?? 0);
    const diaryBefore = await accessLogRows(db.url);
    // From here on only the measured updates count (not the linking, not the warm-up).
    const measuredFrom = api.calls.length;
    const cpuBefore = server.cpuSeconds();
    const bot = await driveBot(bodies);
    const cpuPerUpdate = ((server.cpuSeconds() - cpuBefore) / bodies.length) * 1000;
    const baseline = await drive(bare.url, bodies);
    const ratio = bot.rate / baseline.rate;
    const diaryAnswers = (await accessLogRows(db.url)) - diaryBefore;
    const measured = api.calls.slice(measuredFrom);
    const requests = countMethods(measured.filter((c) => !c.webhookReply));
    const webhookReplies = countMethods(measured.filter((c) => c.webhookReply));
    const topReplies = [...firstLines(measured).entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([text, n]) => `    ${fmt(n).padStart(6)} × ${text}`);
    const lines = [
      `bench:telegram — ${fmt(TOTAL)} updates (${linked} chats linked by code and consent: questions, menu taps, strangers, groups), ${CONCURRENCY} concurrent, real PostgreSQL + Redis`,
      `  webhook (secret → dedup → bot → core → Bot API double): ${fmt(bot.rate)} updates/s  (p50 ${fmt(bot.p50, 1)} ms, p99 ${fmt(bot.p99, 1)} ms)`,
      `  baseline: bare Express route with JSON parsing:        ${fmt(baseline.rate)} updates/s  (p50 ${fmt(baseline.p50, 1)} ms, p99 ${fmt(baseline.p99, 1)} ms)`,
      `  ratio webhook / bare: ${fmt(ratio * 100, 1)} %  (target ≥ 25 %) ${ratio >= 0.25 ? 'OK' : 'BELOW TARGET'};  p99 ${bot.p99 < 50 ? 'OK' : 'ABOVE TARGET'} (target < 50 ms)`,
      `  server CPU per update: ${fmt(cpuPerUpdate, 2)} ms; access-log rows written (one per pupil shown): ${fmt(diaryAnswers)}`,
      `  Bot API requests for these updates: ${fmtCounts(requests)}`,
      `  Bot API calls in their webhook responses: ${fmtCounts(webhookReplies)}`,
      `  most frequent first lines sent:`,
      ...topReplies,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    // Every update is answered exactly once: a message, or a callback answer for a menu tap.
    const answered = answersIn(requests) + answersIn(webhookReplies);
    if (answered !== bodies.length) throw new Error(`${answered} updates answered of ${bodies.length}`);
    if (diaryAnswers < bodies.length / 2)
      throw new Error(`only ${diaryAnswers} of ${bodies.length} updates read a diary: the chats are not linked`);
  } finally {
    bare.stop();
    await server.stop();
    await api.close();
    await db.drop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
