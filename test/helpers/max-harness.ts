import fs from 'node:fs';
import path from 'node:path';
import type { TMaxUpdate } from '../../bots/max';

// MAX updates built on the Bot API's own shapes (test/fixtures/max/updates.json): only the ids,
// texts and payloads a test names are changed. MAX gives updates no id, so each built message
// gets a fresh mid and each tap a fresh callback_id; a repeat is the same object posted again.

const FIXTURES = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'max', 'updates.json'), 'utf8'),
) as Record<string, Record<string, unknown>>;

export const MAX_TOKEN = 'max-test-token';
export const MAX_SECRET = 'max-webhook-secret_0123';
/** The bot's username as the stub's GET /me names it: how a group chat addresses the bot. */
export const MAX_USERNAME = 'dnevnik_bot';
export const fixture = (name: string) => structuredClone(FIXTURES[name]);

let next = 0;
const stamp = () => 1_796_540_000_000 + ++next * 1000;
const user = (id: number) => ({ ...(fixture('bot_started').user as object), user_id: id });

export interface TMaxUpdateOptions {
  locale?: string;
  /** A group chat ("chat") instead of the private dialog. */
  chatType?: 'dialog' | 'chat' | 'channel';
  /** The person writing; in a dialog the chat id stands for them. */
  userId?: number;
}

export function botStarted(chatId: number, payload?: string | null, options: TMaxUpdateOptions = {}): TMaxUpdate {
  return {
    ...fixture('bot_started'),
    timestamp: stamp(),
    chat_id: chatId,
    user: user(options.userId ?? chatId),
    payload: payload ?? null,
    user_locale: options.locale ?? 'ru',
  } as unknown as TMaxUpdate;
}

export function botStopped(chatId: number): TMaxUpdate {
  const { payload: _p, user_locale: _l, ...base } = fixture('bot_started');
  return { ...base, update_type: 'bot_stopped', timestamp: stamp(), chat_id: chatId, user: user(chatId) } as TMaxUpdate;
}

export function messageCreated(chatId: number, text: string, options: TMaxUpdateOptions = {}): TMaxUpdate {
  const base = fixture(
    options.chatType && options.chatType !== 'dialog' ? 'message_created_group' : 'message_created_dialog',
  );
  const message = base.message as { recipient: object; body: object };
  const at = stamp();
  return {
    ...base,
    timestamp: at,
    user_locale: options.locale ?? 'ru',
    message: {
      ...message,
      sender: user(options.userId ?? chatId),
      recipient: { ...message.recipient, chat_id: chatId, chat_type: options.chatType ?? 'dialog' },
      timestamp: at,
      body: { ...message.body, mid: `mid.in-${at.toString(16)}`, text },
    },
  } as unknown as TMaxUpdate;
}

/** A tap on a callback button under the message `mid` (one the bot sent: its mid from the stub). */
export function messageCallback(chatId: number, payload: string, mid: string, options: TMaxUpdateOptions = {}) {
  const base = fixture('message_callback');
  const callback = base.callback as object;
  const message = base.message as { recipient: object; body: object };
  const at = stamp();
  return {
    ...base,
    timestamp: at,
    user_locale: options.locale ?? 'ru',
    callback: { ...callback, timestamp: at, callback_id: `cb-${at.toString(36)}`, payload, user: user(chatId) },
    message: {
      ...message,
      recipient: { ...message.recipient, chat_id: chatId, chat_type: options.chatType ?? 'dialog' },
      body: { ...message.body, mid, text: '…' },
    },
  } as unknown as TMaxUpdate;
}
