import type { ChatSender, TPacing, TSendResult } from '../../core/alerts';

// Telegram Bot API sendMessage over plain HTTP (TELEGRAM_API_ROOT makes a local Bot API server
// or a test double possible). Maps the API's answers onto what the delivery worker does next.

export const TELEGRAM_PACING: TPacing = { perSecond: 28, perChatIntervalMs: 1_050 };
const TIMEOUT_MS = 15_000;

interface TTelegramAnswer {
  ok: boolean;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

export function classifyTelegram(status: number, body: TTelegramAnswer | undefined): TSendResult {
  if (status === 200 && body?.ok) return { ok: true };
  const error = `telegram ${status}: ${body?.description ?? 'no description'}`;
  if (status === 429)
    return { ok: false, kind: 'retry-after', retryAfterMs: (body?.parameters?.retry_after ?? 1) * 1000, error };
  // 403: blocked, deactivated, kicked. A chat that no longer exists cannot be reached either.
  if (status === 403 || (status === 400 && /chat not found|user is deactivated/i.test(body?.description ?? '')))
    return { ok: false, kind: 'blocked', error };
  if (status >= 500 || status === 408 || status === 409) return { ok: false, kind: 'transient', error };
  return { ok: false, kind: 'rejected', error };
}

export function createTelegramSender(options: { apiRoot: string; token: string; pacing?: TPacing }): ChatSender {
  const url = `${options.apiRoot.replace(/\/$/, '')}/bot${options.token}/sendMessage`;
  return {
    channel: 'telegram',
    // The bot id names the limit; the secret part of the token stays out of Redis keys.
    bot: `telegram:${options.token.split(':')[0]}`,
    pacing: options.pacing ?? TELEGRAM_PACING,
    async send({ externalId, text }) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ chat_id: externalId, text, link_preview_options: { is_disabled: true } }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        return {
          ok: false,
          kind: 'transient',
          error: `telegram network: ${err instanceof Error ? err.message : String(err)}`,
        };
      }
      const body = (await res.json().catch(() => undefined)) as TTelegramAnswer | undefined;
      return classifyTelegram(res.status, body);
    },
  };
}
