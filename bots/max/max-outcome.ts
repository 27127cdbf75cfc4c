import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Api, MaxError } from '@maxhub/max-bot-api';
import { BOT_TEXTS, splitText, type TOutcome, type TReply } from '../../core/conversation';
import type { TLang } from '../../core/i18n';
import type { TChatRef } from '../../core/linking';
import { toMaxKeyboard } from './max-keyboards';
import { type MaxSendDeps, sendMax, type TMaxMessage, type TMaxSendStatus, withMaxRetries } from './max-send';

/** MAX's limit for one message's text. */
export const MAX_MESSAGE_LIMIT = 4000;

export interface TMaxReplyTarget {
  chat: TChatRef;
  chatId: number;
  lang: TLang;
  /** The message whose callback button was pressed: a menu changes there, as a Telegram menu does. */
  tappedMid?: string;
}

type TAttachment = NonNullable<TMaxMessage['attachments']>[number];

/**
 * A reply's file, uploaded first: MAX attaches only what it already holds. The library names a
 * file by its path (a buffer gets a random name), so the export is written to a private temporary
 * folder for the upload and removed right after, whatever happens.
 */
async function uploadFile(api: Api, file: NonNullable<TReply['file']>): Promise<TAttachment> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dnevnik-max-'));
  try {
    const at = path.join(dir, path.basename(file.name));
    await writeFile(at, file.content, { encoding: 'utf8', mode: 0o600 });
    return (await api.uploadFile({ source: at })).toJson() as TAttachment;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function attachmentOf(api: Api, reply: TReply): Promise<TAttachment | undefined> {
  if (reply.file) return uploadFile(api, reply.file);
  if (reply.image) return (await api.uploadImage({ source: Buffer.from(reply.image.png) })).toJson() as TAttachment;
  return undefined;
}

/**
 * Replaces the tapped menu in place. MAX refuses an edit of a message it no longer lets the bot
 * change; then a new message is sent instead.
 */
async function editInPlace(deps: MaxSendDeps, target: TMaxReplyTarget, message: TMaxMessage): Promise<boolean> {
  if (!target.tappedMid) return false;
  try {
    await deps.pace?.();
    await deps.api.editMessage(target.tappedMid, {
      text: message.text,
      format: message.html ? 'html' : undefined,
      // An empty list removes the old buttons when the new screen has none.
      attachments: (message.attachments ?? []) as never,
    });
    return true;
  } catch (err) {
    if (!(err instanceof MaxError) || err.status >= 500 || err.status === 429) throw err;
    deps.log.info({ status: err.status }, 'max menu not edited, sent anew');
    return false;
  }
}

/**
 * The shared conversation's replies as MAX messages: HTML kept (MAX reads the tags the answers
 * use), a long one split at MAX's limit with the keyboard and any attachment on the last part. A
 * menu screen answering a tap replaces the tapped message.
 */
export async function sendReplies(
  deps: MaxSendDeps,
  target: TMaxReplyTarget,
  outcome: Pick<TOutcome, 'replies'>,
): Promise<TMaxSendStatus> {
  const t = BOT_TEXTS[target.lang];
  for (const reply of outcome.replies) {
    const keyboard = reply.keyboard ? toMaxKeyboard(t, reply.keyboard) : undefined;
    // An upload is two requests: the upload address, then the file.
    if (reply.file || reply.image) for (let n = 0; n < 2; n++) await deps.pace?.();
    const attachment = await attachmentOf(deps.api, reply);
    const parts = splitText(reply.text, MAX_MESSAGE_LIMIT);
    for (const [j, part] of parts.entries()) {
      const last = j === parts.length - 1;
      const attachments = last ? [attachment, keyboard].filter((a): a is TAttachment => a !== undefined) : [];
      const message: TMaxMessage = { chatId: target.chatId, text: part, html: reply.html && !reply.file, attachments };
      if (reply.inPlace && parts.length === 1 && !attachment && (await editInPlace(deps, target, message))) continue;
      const status = await sendMax(deps, target.chat, message);
      if (status === 'inactive') return status;
    }
  }
  return 'sent';
}

/** Answers a pressed callback button: its spinner stops, with the notice shown when there is one. */
export async function answerTap(deps: MaxSendDeps, chat: TChatRef, callbackId: string, notice?: string): Promise<void> {
  // MAX wants a notification or a message in every answer: a tap with nothing to say gets a space.
  // The library's type leaves out `notification`, which the Bot API takes; it passes the body on as is.
  const answer = { notification: notice ?? ' ' } as Parameters<Api['answerOnCallback']>[1];
  await withMaxRetries(deps, chat, () => deps.api.answerOnCallback(callbackId, answer));
}
