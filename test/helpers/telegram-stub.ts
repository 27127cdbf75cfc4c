import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the Telegram Bot API, for the tests and the benchmarks alike. sendMessage
// enforces, per bot, a rate over any rolling second and a gap per chat with 429 + retry_after, and
// can be told to answer 403 for some chats or 500 now and then; every accepted message is recorded.
// Any other method is recorded and answered at once with a plausible result (getMe describes the
// token's bot, other send* and editMessageText a message). A call the bot made in a webhook's
// response (a webhook reply) is handed over by the caller and recorded the same way, marked.

export interface TStubOptions {
  /** Accepted messages per rolling second per bot (0 = no limit). */
  perSecond?: number;
  /** Minimum ms between two accepted messages to one chat (0 = no limit). */
  perChatGapMs?: number;
  /** Chats that blocked the bot: 403. */
  blocked?: Set<string>;
  /** Answer 500 to this request (1-based count of all requests); the message is not accepted. */
  failRequest?: (n: number) => boolean;
  /** Answer 429 to this request regardless of rate. */
  throttleRequest?: (n: number) => boolean;
  /** Hold each answer this long (ms): sends stay in flight, as over a slow network. */
  delayMs?: number;
}

export interface TStubCall {
  method: string;
  body: Record<string, unknown>;
  /** Made in a webhook's response instead of a request of its own. */
  webhookReply?: true;
}

export interface TAcceptedMessage {
  /** The bot's id: the token's number before the colon. */
  bot: string;
  chatId: string;
  text: string;
  at: number;
}

export interface TelegramStub {
  apiRoot: string;
  accepted: TAcceptedMessage[];
  /** Every method called, in the order the requests arrived. */
  calls: TStubCall[];
  counts: { requests: number; tooMany: number; serverErrors: number; forbidden: number };
  /** The callback data of the inline buttons of the last message sent (or edited) in a chat. */
  lastButtons(chatId: string | number): string[];
  /** Takes a webhook response's body; a Bot API call in it is recorded as Telegram would run it. */
  takeWebhookResponse(body: string): void;
  /** Requests received whose answer has not been written yet. */
  inFlight(): number;
  close(): Promise<void>;
}

/** The Bot API call a Telegram webhook response carries (a webhook reply), if it carries one. */
export function webhookReplyCall(body: string): TStubCall | undefined {
  try {
    const { method, ...rest } = (JSON.parse(body) ?? {}) as Record<string, unknown>;
    return typeof method === 'string' ? { method, body: rest } : undefined;
  } catch {
    return undefined;
  }
}

/** Calls per method ("sendMessage 12, answerCallbackQuery 3"). */
export function countMethods(calls: readonly TStubCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { method } of calls) counts.set(method, (counts.get(method) ?? 0) + 1);
  return counts;
}

const isMessageCall = (method: string) => method === 'sendMessage' || method === 'editMessageText';

/** A JSON body; a file upload (multipart) or a broken body reads as empty. */
function readBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw || !(contentType ?? '').includes('json')) return {};
  try {
    return (JSON.parse(raw) ?? {}) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function buttonsOf(body: Record<string, unknown>): string[] {
  const markup = body.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat().flatMap((b) => (b.callback_data ? [b.callback_data] : []));
}

export async function startTelegramStub(options: TStubOptions = {}): Promise<TelegramStub> {
  const accepted: TAcceptedMessage[] = [];
  const calls: TStubCall[] = [];
  const counts = { requests: 0, tooMany: 0, serverErrors: 0, forbidden: 0 };
  // Per bot: the times of the messages accepted within the last second, and each chat's last one.
  const bots = new Map<string, { window: number[]; lastPerChat: Map<string, number> }>();
  let messageIds = 0;
  let open = 0;

  const message = (chatId: unknown, text: unknown) => ({
    message_id: ++messageIds,
    date: Math.floor(Date.now() / 1000),
    chat: { id: Number(chatId ?? 0), type: 'private' },
    text: typeof text === 'string' ? text : '',
  });
  // The webhook as setWebhook left it (one bot is enough for the tests that ask).
  let webhook: { url: string; allowed_updates?: unknown } = { url: '' };
  const otherResult = (method: string, bot: string, body: Record<string, unknown>) => {
    if (method === 'setWebhook') webhook = { url: String(body.url ?? ''), allowed_updates: body.allowed_updates };
    if (method === 'deleteWebhook') webhook = { url: '' };
    if (method === 'getWebhookInfo')
      return {
        url: webhook.url,
        has_custom_certificate: false,
        pending_update_count: webhook.url ? 0 : 3,
        allowed_updates: webhook.allowed_updates,
      };
    if (method === 'getMe')
      return {
        id: Number(bot),
        is_bot: true,
        first_name: 'Дневник',
        username: 'dnevnik_bot',
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
      };
    if (method.startsWith('send') || method === 'editMessageText') return message(body.chat_id, body.text);
    return true;
  };

  const server = http.createServer((req, res) => {
    open++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = ++counts.requests;
      const answer = (status: number, body: unknown) => {
        const write = () => {
          open--;
          // The client may be gone (a killed worker): the message counts as delivered all the same, as on Telegram.
          if (!res.destroyed) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        };
        if (options.delayMs) setTimeout(write, options.delayMs);
        else write();
      };
      const route = /^\/bot([^/:]*)[^/]*\/(\w+)$/.exec(req.url ?? '');
      if (!route) return answer(404, { ok: false, error_code: 404, description: 'Not Found' });
      const [, bot, method] = route;
      const body = readBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
      calls.push({ method, body });
      if (method !== 'sendMessage') return answer(200, { ok: true, result: otherResult(method, bot, body) });
      const chatId = String(body.chat_id);
      const now = Date.now();
      let limits = bots.get(bot);
      if (!limits) bots.set(bot, (limits = { window: [], lastPerChat: new Map() }));
      const { window, lastPerChat } = limits;
      while (window.length > 0 && window[0] <= now - 1000) window.shift();
      const tooMany = (retryAfter: number) => {
        counts.tooMany++;
        answer(429, {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${retryAfter}`,
          parameters: { retry_after: retryAfter },
        });
      };
      // A forced 429 comes first, so it happens whichever chat the request is for (also a blocked one).
      if (options.throttleRequest?.(n)) return tooMany(1);
      if (options.blocked?.has(chatId)) {
        counts.forbidden++;
        return answer(403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
      }
      if (options.perSecond && window.length >= options.perSecond) return tooMany(1);
      const last = lastPerChat.get(chatId);
      if (options.perChatGapMs && last !== undefined && now - last < options.perChatGapMs) return tooMany(1);
      if (options.failRequest?.(n)) {
        counts.serverErrors++;
        return answer(500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      }
      window.push(now);
      lastPerChat.set(chatId, now);
      accepted.push({ bot, chatId, text: String(body.text), at: now });
      answer(200, { ok: true, result: message(chatId, body.text) });
    });
  });
  // Longer than a client keeps an idle socket: a send never meets a connection being closed.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    accepted,
    calls,
    counts,
    lastButtons(chatId) {
      const chat = String(chatId);
      const last = calls.findLast((c) => isMessageCall(c.method) && String(c.body.chat_id) === chat);
      return last ? buttonsOf(last.body) : [];
    },
    takeWebhookResponse(body) {
      const call = webhookReplyCall(body);
      if (call) calls.push({ ...call, webhookReply: true });
    },
    inFlight: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
