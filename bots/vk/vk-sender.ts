import type { ChatSender, TPacing, TSendResult } from '../../core/alerts';
import { vkErrorKind, vkRandomId } from './vk-send-policy';

// VK messages.send for a community token. random_id is derived from the message and chat, so
// a repeated send after a crash is a no-op on VK's side.

export const VK_PACING: TPacing = { perSecond: 19, perChatIntervalMs: 1_050 };
const API_VERSION = '5.199';
const TIMEOUT_MS = 15_000;

export { vkRandomId };

export function classifyVk(
  status: number,
  body: { response?: unknown; error?: { error_code: number; error_msg?: string } } | undefined,
): TSendResult {
  if (status >= 500) return { ok: false, kind: 'transient', error: `vk http ${status}` };
  if (body && 'response' in body && !body.error) return { ok: true };
  const code = body?.error?.error_code ?? 0;
  const error = `vk ${code}: ${body?.error?.error_msg ?? `http ${status}`}`;
  switch (vkErrorKind(code)) {
    case 'too-many':
      return { ok: false, kind: 'retry-after', retryAfterMs: 1_000, error };
    case 'transient':
      return { ok: false, kind: 'transient', error };
    case 'blocked':
      return { ok: false, kind: 'blocked', error };
    case 'rejected':
      return { ok: false, kind: 'rejected', error };
  }
}

export function createVkSender(options: {
  apiBaseUrl: string;
  token: string;
  groupId: number;
  pacing?: TPacing;
}): ChatSender {
  const url = `${options.apiBaseUrl.replace(/\/$/, '')}/messages.send`;
  return {
    channel: 'vk',
    bot: `vk:${options.groupId}`,
    pacing: options.pacing ?? VK_PACING,
    async send({ externalId, text, key }) {
      const form = new URLSearchParams({
        peer_id: externalId,
        message: text,
        random_id: String(vkRandomId(key)),
        access_token: options.token,
        v: API_VERSION,
      });
      let res: Response;
      try {
        res = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(TIMEOUT_MS) });
      } catch (err) {
        return {
          ok: false,
          kind: 'transient',
          error: `vk network: ${err instanceof Error ? err.message : String(err)}`,
        };
      }
      return classifyVk(res.status, (await res.json().catch(() => undefined)) as Parameters<typeof classifyVk>[1]);
    },
  };
}
