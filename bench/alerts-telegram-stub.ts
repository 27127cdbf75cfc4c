import http from 'node:http';
import type { AddressInfo } from 'node:net';

// The Telegram Bot API's sendMessage as bench:alerts meets it, in its own process (so the
// benchmark's own work cannot stall it and bend its clock): at most PER_SECOND accepted
// messages per bot in any rolling second and one per chat per second, otherwise 429 with
// retry_after, like Telegram. GET /stats gives the counts, GET /accepted every accepted message.
// Started by bench/alerts.ts with `node -r tsx/cjs`; tells its port over IPC.

const PER_SECOND = Number(process.env.STUB_PER_SECOND ?? 30);
const PER_CHAT_GAP_MS = 1000;

interface TBotState {
  window: number[];
  lastPerChat: Map<string, number>;
}

const bots = new Map<string, TBotState>();
const accepted: { bot: string; chatId: string; text: string; at: number }[] = [];
const counts = { requests: 0, accepted: 0, tooMany: 0, tooManyBot: 0, tooManyChat: 0 };

function botState(bot: string): TBotState {
  let state = bots.get(bot);
  if (!state) bots.set(bot, (state = { window: [], lastPerChat: new Map() }));
  return state;
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'GET' && req.url === '/stats') return json(200, counts);
    if (req.method === 'GET' && req.url?.startsWith('/accepted')) {
      const bot = new URL(req.url, 'http://x').searchParams.get('bot');
      return json(200, accepted.filter((m) => !bot || m.bot === bot));
    }
    const match = /^\/bot(\d+):[^/]+\/sendMessage$/.exec(req.url ?? '');
    if (!match) return json(404, { ok: false, error_code: 404, description: 'Not Found' });
    counts.requests++;
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { chat_id: string | number; text: string };
    const chatId = String(body.chat_id);
    const state = botState(match[1]);
    const now = Date.now();
    while (state.window.length > 0 && state.window[0] <= now - 1000) state.window.shift();
    const last = state.lastPerChat.get(chatId);
    const botFull = state.window.length >= PER_SECOND;
    const chatTooSoon = last !== undefined && now - last < PER_CHAT_GAP_MS;
    if (botFull || chatTooSoon) {
      counts.tooMany++;
      if (botFull) counts.tooManyBot++;
      else counts.tooManyChat++;
      return json(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    }
    state.window.push(now);
    state.lastPerChat.set(chatId, now);
    counts.accepted++;
    accepted.push({ bot: match[1], chatId, text: body.text, at: now });
    json(200, { ok: true, result: { message_id: accepted.length, date: Math.floor(now / 1000), chat: { id: Number(chatId), type: 'private' }, text: body.text } });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => process.exit(0));
