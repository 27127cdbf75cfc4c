import type { Update, UserFromGetMe } from 'grammy/types';
import type { TelegramBot } from '../../bots/telegram';

// Offline Telegram: the bot's API calls are recorded by a transformer and answered with plausible
// results, so no token or network is ever used.

export const BOT_INFO: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: 'Дневник',
  username: 'dnevnik_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

export const TEST_TOKEN = '7000000001:test-token-never-sent';

export interface TApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/**
 * Records the bot's Bot API calls and answers them here. `passOn` methods go on to grammY itself
 * (recorded too): a webhook reply then lands in the HTTP response, anything else would try the
 * network and fail the test.
 */
export function recordCalls(
  bot: TelegramBot,
  options: { fail?: (call: TApiCall) => boolean; passOn?: (method: string) => boolean } = {},
): TApiCall[] {
  const calls: TApiCall[] = [];
  let messageId = 1000;
  bot.api.config.use(async (prev, method, payload, signal) => {
    const call = { method, payload: payload as Record<string, unknown> };
    calls.push(call);
    if (options.passOn?.(method)) return prev(method, payload, signal);
    if (options.fail?.(call)) return { ok: false, error_code: 400, description: 'Bad Request: simulated' } as never;
    const chat = { id: Number(call.payload.chat_id ?? 0), type: 'private' };
    const message = { message_id: ++messageId, date: 1764921600, chat, text: call.payload.text };
    const result = method.startsWith('send') || method === 'editMessageText' ? message : true;
    return { ok: true, result } as never;
  });
  return calls;
}

let nextUpdateId = 735081000;
const user = (id: number, lang: string) => ({ id, is_bot: false, first_name: 'Ирина', language_code: lang });

export function privateText(chatId: number, text: string, lang = 'ru'): Update {
  const command = text.match(/^\/\w+/);
  return {
    update_id: ++nextUpdateId,
    message: {
      message_id: nextUpdateId,
      date: 1764921600,
      from: user(chatId, lang),
      chat: { id: chatId, first_name: 'Ирина', type: 'private' },
      text,
      ...(command ? { entities: [{ offset: 0, length: command[0].length, type: 'bot_command' as const }] } : {}),
    },
  } as Update;
}

export function callback(chatId: number, data: string, lang = 'ru'): Update {
  return {
    update_id: ++nextUpdateId,
    callback_query: {
      id: String(nextUpdateId),
      chat_instance: '-8123456789012345678',
      from: user(chatId, lang),
      message: {
        message_id: 12,
        date: 1764921601,
        chat: { id: chatId, first_name: 'Ирина', type: 'private' },
        text: '…',
      },
      data,
    },
  } as Update;
}

export function groupText(chatId: number, fromId: number, text: string): Update {
  return {
    update_id: ++nextUpdateId,
    message: {
      message_id: 90,
      date: 1764921700,
      from: user(fromId, 'ru'),
      chat: { id: chatId, title: 'Родители 7Б', type: 'supergroup' },
      text,
    },
  } as Update;
}

/** Texts the bot sent or edited, in order. */
export const sentTexts = (calls: TApiCall[]) =>
  calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').map((c) => String(c.payload.text));

/** Every callback_data of every inline keyboard the bot sent. */
export function callbackData(calls: TApiCall[]): string[] {
  return calls.flatMap((c) => {
    const markup = c.payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
    return (markup?.inline_keyboard ?? []).flat().flatMap((b) => (b.callback_data ? [b.callback_data] : []));
  });
}
