import { createHash } from 'node:crypto';
import { Bot, MaxError } from '@maxhub/max-bot-api';
import type { ChatSender, TPacing, TSendResult } from '../../core/alerts';

// MAX POST /messages for the alert workers, through the official library's client (the package
// exports no createClient; a Bot's api is that client, and building one starts nothing). Maps the
// API's answers onto what the delivery worker does next.
//
// MAX has no idempotency key like VK's random_id: a send repeated after a crash would arrive
// twice. The outbox's claim (a lease per message) already makes a send happen at most once per
// claim, so only a worker dying between MAX's 200 and markSent can repeat one — as on Telegram.

const TIMEOUT_MS = 15_000;
/** Without a Retry-After header (MAX documents none) a 429 waits one second: the limit is per second. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

/**
 * Pacing for a token allowed `limit` requests a second (MAX_RATE_LIMIT, 30 documented). The
 * limiter lets up to rate + 1 through in the worst one-second window (infra/rate-limiter.ts,
 * BURST), and sends reach MAX with jitter that can squeeze one more into its window: two under
 * the limit, as Telegram's 28 of 30 and VK's 19 of 20, but never below one. The per-chat gap: MAX
 * documents no per-chat limit; one message a second to one chat, as on the other platforms,
 * keeps a family's burst from tripping an undocumented anti-flood, and costs little since the
 * alerts to one chat are already composed into one message per window.
 */
export function maxPacing(limit: number): TPacing {
  return { perSecond: Math.max(1, limit - 2), perChatIntervalMs: 1_050 };
}

/** Names the token for the shared limiter's keys without putting the secret into Redis. */
export function maxBotName(token: string): string {
  return `max:${createHash('sha256').update(token).digest('hex').slice(0, 8)}`;
}

/** Retry-After in seconds or as an HTTP date; MAX's default when absent or unreadable. */
function retryAfterMs(header: string | null | undefined, now = Date.now()): number {
  if (!header) return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.max(seconds * 1000, 1);
  const at = Date.parse(header);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(at - now, 1);
}

/** Error strings are logged: long digit runs (chat and user ids an API message may echo) are masked. */
const mask = (s: string) => s.replace(/\d{5,}/g, '…');

export function classifyMax(
  status: number,
  code: string,
  description: string,
  retryAfter?: string | null,
): TSendResult {
  if (status === 200) return { ok: true };
  const error = mask(`max ${status} ${code}: ${description}`);
  if (status === 429) return { ok: false, kind: 'retry-after', retryAfterMs: retryAfterMs(retryAfter), error };
  if (status === 401)
    return { ok: false, kind: 'rejected', error: 'max 401: the bot token was refused (MAX_BOT_TOKEN)' };
  // 403: the user blocked the bot or the chat is closed to it (chat.denied, dialog.suspended).
  if (status === 403) return { ok: false, kind: 'blocked', error };
  // 404: the chat is gone — but only when the API itself says so; a 404 from something else (a
  // wrong MAX_API_BASE_URL, a proxy) must not mark every chat inactive.
  if (status === 404)
    return code !== 'unexpected.response' && !/\bpath\b|\bmethod\b/i.test(description)
      ? { ok: false, kind: 'blocked', error }
      : { ok: false, kind: 'rejected', error };
  if (status >= 500 || status === 408) return { ok: false, kind: 'transient', error };
  return { ok: false, kind: 'rejected', error };
}

export function createMaxSender(options: { apiBaseUrl: string; token: string; perSecond: number }): ChatSender {
  // The library's client hands back the status and body only: Retry-After is caught on the way,
  // keyed by the send's own abort signal (one per send, so concurrent sends do not mix).
  const retryAfter = new WeakMap<AbortSignal, string>();
  const api = new Bot(options.token, {
    clientOptions: {
      baseUrl: options.apiBaseUrl,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        const header = res.headers.get('retry-after');
        if (header && init?.signal) retryAfter.set(init.signal, header);
        return res;
      },
    },
  }).api;

  return {
    channel: 'max',
    bot: maxBotName(options.token),
    pacing: maxPacing(options.perSecond),
    async send({ externalId, text }) {
      const chatId = Number(externalId);
      if (!Number.isSafeInteger(chatId))
        return { ok: false, kind: 'rejected', error: 'max: chat id is not an integer' };
      const signal = AbortSignal.timeout(TIMEOUT_MS);
      try {
        // Plain text, as the Telegram sender sends it (no parse mode): the alert texts carry no
        // markup, and a "<" or "*" in a subject's name must not be read as any.
        await api.raw.post('messages', { query: { chat_id: chatId }, body: { text }, signal });
        return { ok: true };
      } catch (err) {
        if (err instanceof MaxError) return classifyMax(err.status, err.code, err.description, retryAfter.get(signal));
        // fetch failed (refused, reset, DNS) or timed out: the cause's code, never the URL's details.
        const cause = (err as { cause?: { code?: string } })?.cause?.code;
        const name = err instanceof Error ? err.name : 'error';
        return { ok: false, kind: 'transient', error: `max network: ${cause ?? name}` };
      }
    },
  };
}
