import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { BENCH_PEPPER, linkChatsByCode } from './bench-linking';
import {
  createScratchDatabase,
  fmt,
  fmtCounts,
  postAll,
  requireEnv,
  startBareRoute,
  startServerProcess,
} from './bench-support';

// npm run bench:vk — realistic VK Callback API events posted to POST /webhooks/vk of a server
// process (real PostgreSQL + Redis; the events go into the Redis inbox before "ok"), next to a
// bare Express route that only parses JSON, in the same run. Then the inbox is watched while the
// bot answers through a local VK API double, paced at the token's 20 requests a second.
// Target: ≥ 25 % of the bare route's throughput, p99 under 50 ms.

const TOTAL = Number(process.env.BENCH_EVENTS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DRAIN_SECONDS = Number(process.env.BENCH_DRAIN_SECONDS ?? 10);
// A fresh community per run: its inbox (a Redis queue named after it) starts empty and is removed at the end.
const GROUP_ID = 300_000_000 + Math.floor(Math.random() * 1_000_000);
const SECRET = 'bench-vk-secret';
const LINKED_CHATS = 40;
const RUN = Date.now().toString(16);

const QUESTIONS = [
  'оценки сегодня',
  'что задали на завтра',
  'расписание на завтра',
  'сколько денег на карте',
  'оценки за неделю',
  'какие оценки по математике',
];
const CLIENT_INFO = {
  button_actions: ['text', 'callback', 'open_link'],
  keyboard: true,
  inline_keyboard: true,
  carousel: true,
  lang_id: 0,
};

/** The mix a school-day evening brings: questions, button taps, strangers, conversations with several people. */
function makeEvent(i: number, today: string): unknown {
  const envelope = {
    group_id: GROUP_ID,
    event_id: `${RUN}${i.toString(16).padStart(8, '0')}`,
    v: '5.199',
    secret: SECRET,
  };
  const peerId = 100_000 + (i % LINKED_CHATS);
  const message = (peer: number, from: number, text: string) => ({
    ...envelope,
    type: 'message_new',
    object: {
      message: {
        date: 1764921600,
        from_id: from,
        id: i,
        out: 0,
        peer_id: peer,
        text,
        conversation_message_id: i,
        fwd_messages: [],
        attachments: [],
        important: false,
        is_hidden: false,
      },
      client_info: CLIENT_INFO,
    },
  });
  const kind = i % 20;
  if (kind < 11) return message(peerId, peerId, QUESTIONS[i % QUESTIONS.length]);
  if (kind < 16) {
    const payload = { a: `m:${'ghsc'[i % 4]}:${today}:a`, l: 'ru' };
    return {
      ...envelope,
      type: 'message_event',
      object: { user_id: peerId, peer_id: peerId, event_id: `tap${i}`, payload, conversation_message_id: i },
    };
  }
  if (kind < 18) return message(500_000 + i, 500_000 + i, 'Начать');
  return message(2_000_000_001, peerId, 'какие оценки сегодня');
}

/** A VK API double: answers at once and counts calls per method, so the time measured is ours. */
async function startVkApi() {
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const method = /\/method\/([\w.]+)$/.exec(req.url ?? '')?.[1] ?? 'unknown';
      const n = (counts.get(method) ?? 0) + 1;
      counts.set(method, n);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ response: method === 'messages.send' ? n : 1 }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/method`,
    counts,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function main() {
  const adminUrl = requireEnv('DATABASE_URL');
  const redisUrl = requireEnv('REDIS_URL');
  const db = await createScratchDatabase(adminUrl, 'dnevnik_bench_vk');
  const api = await startVkApi();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });
  const server = await startServerProcess({
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    DEMO: 'true',
    // A few chats ask thousands of questions here: the per-chat abuse limit would answer most of them "please wait".
    QUESTIONS_PER_MINUTE: '0',
    // The pepper the database is set up with on first start: the benchmark's link codes are issued with it.
    LINK_CODE_PEPPER: BENCH_PEPPER,
    VK_GROUP_TOKEN: 'vk1.a.bench',
    VK_GROUP_ID: String(GROUP_ID),
    VK_CALLBACK_SECRET: SECRET,
    VK_CONFIRMATION: 'bench-confirmation',
    VK_API_BASE_URL: api.baseUrl,
    PUBLIC_URL: 'https://bench.invalid',
  });
  const bare = await startBareRoute(['/webhooks/vk'], 'ok');
  const drive = (url: string, bodies: string[]) => postAll(`${url}/webhooks/vk`, bodies, CONCURRENCY);
  const inbox = new Queue(`dnevnik-vk-${GROUP_ID}`, { connection: { url: redisUrl } });
  try {
    const linked = LINKED_CHATS;
    await linkChatsByCode(
      db.url,
      Array.from({ length: linked }, (_, i) => ({
        channel: 'vk' as const,
        externalId: String(100_000 + i),
        locale: 'ru' as const,
      })),
    );
    const warm = Array.from({ length: 500 }, (_, i) => JSON.stringify(makeEvent(TOTAL + i, today)));
    const bodies = Array.from({ length: TOTAL }, (_, i) => JSON.stringify(makeEvent(i, today)));
    await drive(server.url, warm);
    await drive(bare.url, warm);
    const bot = await drive(server.url, bodies);
    const baseline = await drive(bare.url, bodies);
    const ratio = bot.rate / baseline.rate;

    // Replies go out at the token's pace; watch the inbox drain for a while.
    const answered = () =>
      (api.counts.get('messages.send') ?? 0) + (api.counts.get('messages.sendMessageEventAnswer') ?? 0);
    const before = answered();
    await new Promise((r) => setTimeout(r, DRAIN_SECONDS * 1000));
    const drained = answered() - before;
    const counts = await inbox.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    const stored = Object.values(counts).reduce((a, b) => a + b, 0);
    const calls = fmtCounts(api.counts);
    const lines = [
      `bench:vk — ${fmt(TOTAL)} Callback API events (${linked} linked chats: questions, button taps, strangers, group conversations), ${CONCURRENCY} concurrent, real PostgreSQL + Redis`,
      `  webhook (parse → secret → Redis inbox → "ok"):  ${fmt(bot.rate)} events/s  (p50 ${fmt(bot.p50, 1)} ms, p99 ${fmt(bot.p99, 1)} ms)`,
      `  baseline: bare Express route with JSON parsing: ${fmt(baseline.rate)} events/s  (p50 ${fmt(baseline.p50, 1)} ms, p99 ${fmt(baseline.p99, 1)} ms)`,
      `  ratio webhook / bare: ${fmt(ratio * 100, 1)} %  (target ≥ 25 %) ${ratio >= 0.25 ? 'OK' : 'BELOW TARGET'};  p99 ${bot.p99 < 50 ? 'OK' : 'ABOVE TARGET'} (target < 50 ms)`,
      `  inbox: ${fmt(stored)} events stored (${fmt(counts.waiting ?? 0)} waiting, ${fmt(counts.completed ?? 0)} done, ${fmt(counts.failed ?? 0)} failed); replies in ${DRAIN_SECONDS} s after intake: ${fmt(drained)} (${fmt(drained / DRAIN_SECONDS, 1)}/s, paced at 20 requests/s per token)`,
      `  VK API calls: ${calls}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    // Every event answered "ok" is in the inbox, exactly once.
    if (stored !== bodies.length + warm.length)
      throw new Error(`${stored} events in the inbox of ${bodies.length + warm.length} answered ok`);
    if ((counts.failed ?? 0) > 0) throw new Error(`${counts.failed} events failed`);
  } finally {
    bare.stop();
    await server.stop();
    await inbox.obliterate({ force: true }).catch(() => undefined);
    await inbox.close();
    await api.close();
    await db.drop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
