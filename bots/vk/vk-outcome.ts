import { type API, APIError, type Upload } from 'vk-io';
import { stripHtml } from '../../core/answers';
import { BOT_TEXTS, splitText, type TOutcome, type TReply } from '../../core/conversation';
import type { TLang } from '../../core/i18n';
import type { TChatRef } from '../../core/linking';
import { toVkKeyboard } from './vk-keyboards';
import { sendVk, type TSendStatus, type VkSendDeps } from './vk-send';

/** VK's limit for one message's text. */
export const VK_MESSAGE_LIMIT = 9000;

export interface TVkReplyTarget {
  chat: TChatRef;
  peerId: number;
  lang: TLang;
  /** The event being answered: with the reply's position it names every message sent. */
  eventId: string;
  /** The message whose callback button was pressed: a menu changes there, as a Telegram menu does. */
  tappedMessage?: number;
}

/** An inline keyboard with no buttons: what an edited message shows when its reply has none. */
const NO_BUTTONS = JSON.stringify({ buttons: [], inline: true });

/**
 * Replaces the tapped menu in place. Editing is naturally idempotent (a retry writes the same
 * text); VK refuses it for old messages and some clients, and then a new message is sent.
 */
async function editInPlace(
  deps: VkSendDeps,
  target: TVkReplyTarget,
  text: string,
  keyboard: string | undefined,
): Promise<boolean> {
  if (target.tappedMessage === undefined) return false;
  try {
    await deps.pace?.();
    await deps.api.messages.edit({
      peer_id: target.peerId,
      conversation_message_id: target.tappedMessage,
      message: text,
      keyboard: keyboard ?? NO_BUTTONS,
      dont_parse_links: 1,
    });
    return true;
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    deps.log.info({ code: err.code }, 'vk menu not edited, sent anew');
    return false;
  }
}

async function uploadFile(upload: Upload, peerId: number, file: NonNullable<TReply['file']>): Promise<string> {
  const doc = await upload.messageDocument({
    peer_id: peerId,
    title: file.name,
    source: { value: Buffer.from(file.content, 'utf8'), filename: file.name, contentType: 'application/json' },
  });
  return doc.toString();
}

async function uploadPhoto(upload: Upload, peerId: number, image: NonNullable<TReply['image']>): Promise<string> {
  const photo = await upload.messagePhoto({
    peer_id: peerId,
    source: { value: Buffer.from(image.png), filename: 'chart.png', contentType: 'image/png' },
  });
  return photo.toString();
}

/** A reply's file or picture, uploaded for this chat first: VK attaches only what it already holds. */
async function attachmentOf(upload: Upload, peerId: number, reply: TReply): Promise<string | undefined> {
  if (reply.file) return uploadFile(upload, peerId, reply.file);
  if (reply.image) return uploadPhoto(upload, peerId, reply.image);
  return undefined;
}

/**
 * The shared conversation's replies as VK messages. VK has no markup in messages, so answers lose
 * their tags; a long one is split at VK's limit with the keyboard on the last part. A menu screen
 * answering a tap replaces the tapped message when VK allows it.
 */
export async function sendReplies(
  deps: VkSendDeps & { upload: Upload },
  target: TVkReplyTarget,
  outcome: TOutcome,
): Promise<TSendStatus> {
  const t = BOT_TEXTS[target.lang];
  for (const [i, reply] of outcome.replies.entries()) {
    const text = reply.html ? stripHtml(reply.text) : reply.text;
    const keyboard = reply.keyboard ? toVkKeyboard(t, target.lang, reply.keyboard).toString() : undefined;
    // An upload is three requests: the upload server, the file, and saving it.
    if (reply.file || reply.image) for (let n = 0; n < 3; n++) await deps.pace?.();
    const attachment = await attachmentOf(deps.upload, target.peerId, reply);
    const parts = splitText(text, VK_MESSAGE_LIMIT);
    if (reply.inPlace && !attachment && parts.length === 1 && (await editInPlace(deps, target, text, keyboard)))
      continue;
    for (const [j, part] of parts.entries()) {
      const last = j === parts.length - 1;
      const status = await sendVk(deps, target.chat, {
        peerId: target.peerId,
        text: part,
        keyboard: last ? keyboard : undefined,
        attachment: last ? attachment : undefined,
        key: `${target.eventId}:${i}.${j}`,
      });
      if (status === 'inactive') return status;
    }
  }
  return 'sent';
}

/** Stops the spinner on a pressed callback button, with the notice as a snackbar when there is one. */
export async function answerTap(
  api: API,
  tap: { eventId: string; userId: number; peerId: number },
  notice?: string,
  pace?: () => Promise<void>,
): Promise<void> {
  await pace?.();
  await api.messages.sendMessageEventAnswer({
    event_id: tap.eventId,
    user_id: tap.userId,
    peer_id: tap.peerId,
    event_data: notice ? JSON.stringify({ type: 'show_snackbar', text: notice.slice(0, 90) }) : undefined,
  });
}
