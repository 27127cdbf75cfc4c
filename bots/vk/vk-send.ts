import { type API, APIError } from 'vk-io';
import type { ChatStatusStore, TConversationLogger } from '../../core/conversation';
import type { TChatRef } from '../../core/linking';
import { vkErrorKind, vkRandomId } from './vk-send-policy';

// messages.send for replies. The random_id is derived from what is sent and what it answers, so
// a send repeated after a timeout, a 6/9 refusal or a crash mid-event is dropped by VK, not shown
// twice. vk-io itself pauses on error 6; flood control (9) and internal errors back off here.

export const MAX_SEND_TRIES = 5;
export const defaultRetryDelay = (attempt: number) => Math.min(1_000 * 2 ** (attempt - 1), 8_000);

export interface VkSendDeps {
  api: API;
  chats: ChatStatusStore;
  /** Bound to the event and its chat's log reference: lines here never name the peer. */
  log: TConversationLogger;
  retryDelayMs: (attempt: number) => number;
  /** Waits for the community's share of VK's request rate before each call (core/alerts request-pacer.ts). */
  pace?: () => Promise<void>;
}

export interface TVkMessage {
  peerId: number;
  text: string;
  keyboard?: string;
  attachment?: string;
  /** Names this message among everything the bot sends: the event it answers and its place in the reply. */
  key: string;
}

export type TSendStatus = 'sent' | 'inactive';

/** The random_id of a message: from its key, chat, text and keyboard. */
export function randomIdOf(message: TVkMessage): number {
  return vkRandomId(
    `${message.peerId}\n${message.key}\n${message.text}\n${message.keyboard ?? ''}\n${message.attachment ?? ''}`,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sendVk(deps: VkSendDeps, chat: TChatRef, message: TVkMessage): Promise<TSendStatus> {
  const params = {
    peer_id: message.peerId,
    message: message.text,
    random_id: randomIdOf(message),
    keyboard: message.keyboard,
    attachment: message.attachment,
    dont_parse_links: 1,
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.pace?.();
      await deps.api.messages.send(params);
      return 'sent';
    } catch (err) {
      if (!(err instanceof APIError)) throw err;
      const kind = vkErrorKind(Number(err.code));
      if (kind === 'blocked') {
        // The person blocked the community or forbids messages: stop writing until they allow it again.
        await deps.chats.setActive(chat, false);
        deps.log.warn({ code: err.code }, 'vk chat inactive');
        return 'inactive';
      }
      if ((kind !== 'too-many' && kind !== 'transient') || attempt >= MAX_SEND_TRIES) throw err;
      deps.log.warn({ code: err.code, attempt }, 'vk send retried');
      await sleep(deps.retryDelayMs(attempt));
    }
  }
}
