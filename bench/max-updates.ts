// The MAX updates bench:max posts: what a school-day evening brings a bot in MAX — questions from
// linked parents in their dialogs with the bot, taps on menu buttons, strangers starting the bot
// or writing to it, and a parents' group chat talking among themselves.

export const QUESTIONS = [
  'оценки сегодня',
  'что задали на завтра',
  'расписание на завтра',
  'сколько денег на карте',
  'оценки за неделю',
  'какие оценки по математике',
];

/** The dialog (chat id) of the i-th linked parent; the parent's user id is the same number, as MAX gives them apart but the bench needs no difference. */
export const linkedChatId = (i: number) => 100_000 + i;
/** A parents' group chat the bot was added to: MAX gives group chats negative ids. */
const GROUP_CHAT_ID = -70_000_000_001;

export interface TMaxUpdateMix {
  /** Makes mids and callback ids unique to this run: MAX gives updates no id, the inbox claims them by these. */
  run: string;
  linkedChats: number;
  /** Today in Moscow (YYYY-MM-DD): the menus' buttons carry a date. */
  today: string;
  /** The bot's username: a group message addressed to it is answered (with a pointer to a private chat). */
  username: string;
}

export function makeMaxUpdate(i: number, mix: TMaxUpdateMix): unknown {
  const timestamp = 1_764_921_600_000 + i;
  const chatId = linkedChatId(i % mix.linkedChats);
  const message = (chat: number, chatType: 'dialog' | 'chat', from: number, text: string) => ({
    update_type: 'message_created',
    timestamp,
    message: {
      sender: { user_id: from, first_name: 'Ирина', is_bot: false, last_activity_time: timestamp },
      recipient: { chat_id: chat, chat_type: chatType, user_id: null },
      timestamp,
      body: { mid: `mid.${mix.run}.${i}`, seq: i, text, attachments: null },
    },
    user_locale: 'ru',
  });
  const kind = i % 20;
  if (kind < 11) return message(chatId, 'dialog', chatId, QUESTIONS[i % QUESTIONS.length]);
  if (kind < 16) {
    // A tap on a section button under the bot's last menu.
    const payload = `m:${'ghsc'[i % 4]}:${mix.today}:a`;
    return {
      update_type: 'message_callback',
      timestamp,
      callback: { timestamp, callback_id: `cb.${mix.run}.${i}`, payload, user: { user_id: chatId, is_bot: false } },
      message: {
        sender: { user_id: 9_000_001, is_bot: true },
        recipient: { chat_id: chatId, chat_type: 'dialog', user_id: null },
        timestamp,
        body: { mid: `mid.bot.${mix.run}.${i}`, seq: i, text: '…', attachments: null },
      },
      user_locale: 'ru',
    };
  }
  const stranger = 500_000 + i;
  if (kind === 16)
    return {
      update_type: 'bot_started',
      timestamp,
      chat_id: stranger,
      user: { user_id: stranger, first_name: 'Гость', is_bot: false },
      payload: null,
      user_locale: 'ru',
    };
  if (kind === 17) return message(stranger, 'dialog', stranger, 'Здравствуйте');
  // Parents talking in their group: the bot keeps silent, unless addressed.
  if (kind === 18) return message(GROUP_CHAT_ID, 'chat', chatId, 'какие оценки сегодня');
  return message(GROUP_CHAT_ID, 'chat', chatId, `@${mix.username} оценки сегодня`);
}
