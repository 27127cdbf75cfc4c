import { type Api, MaxError } from '@maxhub/max-bot-api';
import type { ChatStatusStore, TConversationLogger } from '../../core/conversation';
import type { TChatRef } from '../../core/linking';
import type { TMaxKeyboard } from './max-keyboards';

// POST /messages for replies, with MAX's refusals sorted: 429 (too many requests) and 5xx pass
// with time and are retried here with backoff; 403 and 404 mean the person blocked or left the
// bot, so the chat is marked inactive and nothing more is sent. MAX takes no idempotency key, so a
// retry follows only an answer that says the message was not taken.

export const MAX_SEND_TRIES = 5;
export const defaultMaxRetryDelay = (attempt: number) => Math.min(1_000 * 2 ** (attempt - 1), 8_000);

export interface MaxSendDeps {
  api: Api;
  chats: ChatStatusStore;
  /** Bound to the update and its chat's log reference: lines here never name the chat. */
  log: TConversationLogger;
  retryDelayMs: (attempt: number) => number;
  /** Waits for the bot's share of MAX's request rate before each call (core/alerts request-pacer.ts); none in tests that need none. */
  pace?: () => Promise<void>;
}

/** One message: text (the answers' HTML dialect when `html`), and attachments (a keyboard, a file, a picture). */
export interface TMaxMessage {
  chatId: number;
  text: string;
  html: boolean;
  attachments?: (TMaxKeyboard | { type: 'file' | 'image'; payload: unknown })[];
}

export type TMaxSendStatus = 'sent' | 'inactive';

export type TMaxErrorKind = 'too-many' | 'transient' | 'blocked' | 'rejected';

export function maxErrorKind(status: number): TMaxErrorKind {
  if (status === 429) return 'too-many';
  if (status >= 500) return 'transient';
  if (status === 403 || status === 404) return 'blocked';
  return 'rejected';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a call to MAX, retrying 429 and 5xx; a blocked chat is marked inactive. */
export async function withMaxRetries(
  deps: MaxSendDeps,
  chat: TChatRef,
  call: () => Promise<unknown>,
): Promise<TMaxSendStatus> {
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.pace?.();
      await call();
      return 'sent';
    } catch (err) {
      if (!(err instanceof MaxError)) throw err;
      const kind = maxErrorKind(err.status);
      if (kind === 'blocked') {
        await deps.chats.setActive(chat, false);
        deps.log.warn({ status: err.status, code: err.code }, 'max chat inactive');
        return 'inactive';
      }
      if ((kind !== 'too-many' && kind !== 'transient') || attempt >= MAX_SEND_TRIES) throw err;
      deps.log.warn({ status: err.status, attempt }, 'max send retried');
      await sleep(deps.retryDelayMs(attempt));
    }
  }
}

export function sendMax(deps: MaxSendDeps, chat: TChatRef, message: TMaxMessage): Promise<TMaxSendStatus> {
  return withMaxRetries(deps, chat, () =>
    deps.api.sendMessageToChat(message.chatId, message.text, {
      format: message.html ? 'html' : undefined,
      attachments: message.attachments?.length ? (message.attachments as never) : undefined,
      // Links in answers (a school event's online meeting) stay links, without a preview card.
      disable_link_preview: true,
    }),
  );
}
