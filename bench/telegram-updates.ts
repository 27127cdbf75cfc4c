import { CONSENT_ACCEPT_PATTERN } from '../core/conversation/actions';
import type { TelegramStub } from '../test/helpers/telegram-stub';

// The Telegram updates bench:telegram (and bench:scale) posts: what a school-day evening brings
// a bot — questions and menu taps from linked parents, strangers, a parents' group — and the
// linking those parents go through first, by code and consent, through the bot itself.

const QUESTIONS = [
  'оценки сегодня',
  'что задали на завтра',
  'расписание на завтра',
  'сколько денег на карте',
  'оценки за неделю',
  'какие оценки по математике',
];

/** The private chat (and user id) of the i-th linked parent. */
export const linkedTelegramChat = (i: number) => 100_000 + i;

export interface TTelegramMix {
  /** First update id of the run: ids are remembered in Redis for 24 h, so every run needs fresh ones. */
  runBase: number;
  linkedChats: number;
  /** Today in Moscow (YYYY-MM-DD): menu buttons carry a date. */
  today: string;
}

/** A fresh update-id base for this run (ids of earlier runs are still in the dedup set). */
export const telegramRunBase = () => Math.floor(Date.now() / 1000) * 100_000;

/** The mix a school-day evening brings: questions, menu taps, strangers, groups. */
export function makeTelegramUpdate(i: number, mix: TTelegramMix): unknown {
  const update_id = mix.runBase + i;
  const chatId = linkedTelegramChat(i % mix.linkedChats);
  const from = { id: chatId, is_bot: false, first_name: 'Ирина', language_code: 'ru' };
  const chat = { id: chatId, first_name: 'Ирина', type: 'private' };
  const kind = i % 20;
  if (kind < 11)
    return {
      update_id,
      message: { message_id: i, date: 1764921600, from, chat, text: QUESTIONS[i % QUESTIONS.length] },
    };
  if (kind < 16) {
    const section = 'ghsc'[i % 4];
    return {
      update_id,
      callback_query: {
        id: String(i),
        chat_instance: '1',
        from,
        message: { message_id: 1, date: 1764921600, chat, text: '…' },
        data: `m:${section}:${mix.today}:a`,
      },
    };
  }
  if (kind < 18) {
    const stranger = { id: 500_000 + i, is_bot: false, first_name: 'Гость', language_code: 'ru' };
    return {
      update_id,
      message: {
        message_id: i,
        date: 1764921600,
        from: stranger,
        chat: { id: stranger.id, first_name: 'Гость', type: 'private' },
        text: '/start',
        entities: [{ offset: 0, length: 6, type: 'bot_command' }],
      },
    };
  }
  return {
    update_id,
    message: {
      message_id: i,
      date: 1764921600,
      from,
      chat: { id: -1001987654321, title: 'Родители 7Б', type: 'supergroup' },
      text: 'какие оценки сегодня',
    },
  };
}

/** Link codes linkTelegramChats needs: one per chat, and a second child's for a quarter of them. */
export const linkCodesNeeded = (linkedChats: number) => linkedChats + linkedChats / 4;

/**
 * Parents link their chats the way the school letter tells them: /start with the code, then the
 * consent button. A quarter of them link a second child by sending its code. Nothing is written
 * to the database behind the bot's back. `firstUpdateId` must lie outside the measured updates' ids.
 */
export async function linkTelegramChats(
  serverUrl: string,
  secret: string,
  api: TelegramStub,
  codes: string[],
  mix: TTelegramMix,
  firstUpdateId: number,
): Promise<number> {
  const { linkedChats } = mix;
  let updateId = firstUpdateId;
  const post = async (update: Record<string, unknown>) => {
    const res = await fetch(`${serverUrl}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify({ update_id: ++updateId, ...update }),
    });
    if (res.status !== 200) throw new Error(`linking: webhook answered ${res.status}`);
    api.takeWebhookResponse(await res.text());
  };
  const chatOf = (chatId: number) => ({
    from: { id: chatId, is_bot: false, first_name: 'Ирина', language_code: 'ru' },
    chat: { id: chatId, first_name: 'Ирина', type: 'private' },
  });
  const link = async (chatId: number, text: string) => {
    const { from, chat } = chatOf(chatId);
    const command = text.startsWith('/start') ? { entities: [{ offset: 0, length: 6, type: 'bot_command' }] } : {};
    await post({ message: { message_id: 1, date: 1764921600, from, chat, text, ...command } });
    const accept = api.lastButtons(chatId).find((data) => CONSENT_ACCEPT_PATTERN.test(data));
    if (accept)
      await post({
        callback_query: {
          id: `link-${chatId}`,
          chat_instance: '1',
          from,
          message: { message_id: 2, date: 1764921600, chat, text: '…' },
          data: accept,
        },
      });
  };
  if (codes.length < linkCodesNeeded(linkedChats))
    throw new Error(`only ${codes.length} link codes for ${linkedChats} chats`);
  for (let i = 0; i < linkedChats; i++) await link(linkedTelegramChat(i), `/start ${codes[i]}`);
  for (let i = 0; i < linkedChats / 4; i++) await link(linkedTelegramChat(i), codes[linkedChats + i]);
  return linkedChats;
}

/** The environment a web process of these benchmarks runs with: the bot answered by a local double at `apiRoot`. */
export function telegramServerEnv(
  databaseUrl: string,
  redisUrl: string,
  bot: { id: number; secret: string; pepper: string; apiRoot: string },
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    DEMO: 'true',
    // The per-chat question limit runs as it does by default (a Redis INCR per question), set to its
    // highest value: 40 chats ask hundreds of questions a minute here, where a person asks a few.
    QUESTIONS_PER_MINUTE: '100000',
    TELEGRAM_BOT_TOKEN: `${bot.id}:bench`,
    TELEGRAM_WEBHOOK_SECRET: bot.secret,
    LINK_CODE_PEPPER: bot.pepper,
    TELEGRAM_API_ROOT: bot.apiRoot,
    PUBLIC_URL: 'https://bench.invalid',
  };
}
