import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A Bot API double for the benchmark: answers every method at once with a plausible result and
// counts what the bot sent, so the measured time is ours, not Telegram's. It keeps the buttons it
// was last asked to show in each chat, so the benchmark can press them as a user would. A call the
// bot made in a webhook's response (a webhook reply) is handed over by the benchmark and counted
// the same way, apart.

export interface BenchTelegramApi {
  apiRoot: string;
  counts: Map<string, number>;
  /** Methods the bot called in webhook responses instead of requests of their own. */
  webhookReplies: Map<string, number>;
  /** Per chat, the callback data of the inline buttons of the last message sent there. */
  lastButtons: Map<string, string[]>;
  /** How many messages sent carried each first line (what users were told, in short). */
  replies: Map<string, number>;
  /** Takes a webhook response's body; a Bot API call in it is recorded as Telegram would run it. */
  takeWebhookResponse(body: string): void;
  close(): Promise<void>;
}

type TMessageCall = { chat_id?: number | string; text?: string; reply_markup?: { inline_keyboard?: { callback_data?: string }[][] } };

/** The Bot API call a Telegram webhook response carries (a webhook reply), if it carries one. */
export function webhookReplyCall(body: string): (TMessageCall & { method: string }) | undefined {
  try {
    const call = JSON.parse(body) as (TMessageCall & { method?: unknown }) | null;
    return typeof call?.method === 'string' ? (call as TMessageCall & { method: string }) : undefined;
  } catch {
    return undefined;
  }
}

export async function startBenchTelegramApi(botId: number): Promise<BenchTelegramApi> {
  const counts = new Map<string, number>();
  const webhookReplies = new Map<string, number>();
  const lastButtons = new Map<string, string[]>();
  const replies = new Map<string, number>();
  let messageId = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = /\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1] ?? 'unknown';
      counts.set(method, (counts.get(method) ?? 0) + 1);
      if (method === 'sendMessage' || method === 'editMessageText') remember(Buffer.concat(chunks).toString('utf8'));
      const result =
        method === 'getMe'
          ? { id: botId, is_bot: true, first_name: 'Дневник', username: 'dnevnik_bench_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false }
          : method.startsWith('send') || method === 'editMessageText'
            ? { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: 1, type: 'private' }, text: '' }
            : true;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
    });
  });
  const remember = (raw: string) => rememberMessage(JSON.parse(raw) as TMessageCall);
  const rememberMessage = (body: TMessageCall) => {
    const first = (body.text ?? '').split('\n')[0].slice(0, 60);
    replies.set(first, (replies.get(first) ?? 0) + 1);
    const data = (body.reply_markup?.inline_keyboard ?? []).flat().flatMap((b) => (b.callback_data ? [b.callback_data] : []));
    lastButtons.set(String(body.chat_id), data);
  };
  const takeWebhookResponse = (raw: string) => {
    const call = webhookReplyCall(raw);
    if (!call) return;
    webhookReplies.set(call.method, (webhookReplies.get(call.method) ?? 0) + 1);
    if (call.method === 'sendMessage' || call.method === 'editMessageText') rememberMessage(call);
  };
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    counts,
    webhookReplies,
    lastButtons,
    replies,
    takeWebhookResponse,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
