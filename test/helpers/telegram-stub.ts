import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the Telegram Bot API's sendMessage: enforces a per-bot rate over any
// one-second window and a per-chat gap with 429 + retry_after, and can be told to answer 403 for
// some chats or 500 now and then. Records every accepted message. Any other method is recorded
// and answered "ok" at once.

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

export interface TelegramStub {
  apiRoot: string;
  accepted: { chatId: string; text: string; at: number }[];
  /** Every method called, in the order the requests arrived. */
  calls: { method: string; body: Record<string, unknown> }[];
  counts: { requests: number; tooMany: number; serverErrors: number; forbidden: number };
  /** Requests received whose answer has not been written yet. */
  inFlight(): number;
  close(): Promise<void>;
}

export async function startTelegramStub(options: TStubOptions = {}): Promise<TelegramStub> {
  const accepted: TelegramStub['accepted'] = [];
  const calls: TelegramStub['calls'] = [];
  const counts = { requests: 0, tooMany: 0, serverErrors: 0, forbidden: 0 };
  const window: number[] = [];
  const lastPerChat = new Map<string, number>();
  let open = 0;

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
      const method = /\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1];
      if (!method) return answer(404, { ok: false, error_code: 404, description: 'Not Found' });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { chat_id: string | number; text: string };
      calls.push({ method, body });
      if (method !== 'sendMessage') return answer(200, { ok: true, result: true });
      const chatId = String(body.chat_id);
      const now = Date.now();
      while (window.length > 0 && window[0] <= now - 1000) window.shift();
      const tooMany = (retryAfter: number) => {
        counts.tooMany++;
        answer(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
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
      accepted.push({ chatId, text: body.text, at: now });
      answer(200, { ok: true, result: { message_id: accepted.length, chat: { id: chatId }, text: body.text } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    accepted,
    calls,
    counts,
    inFlight: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
