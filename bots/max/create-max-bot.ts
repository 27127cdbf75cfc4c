import { type Api, Bot } from '@maxhub/max-bot-api';
import {
  BOT_TEXTS,
  conversationFor,
  createChatOrder,
  memoisedChatState,
  type TConversationLogger,
  type TOutcome,
  type TTurn,
} from '../../core/conversation';
import type { TLang } from '../../core/i18n';
import type { TChatRef } from '../../core/linking';
import { createChatLogRef } from '../../core/logging';
import type { MaxBotDeps } from './max-deps';
import { privateChatKeyboard } from './max-keyboards';
import { answerTap, sendReplies } from './max-outcome';
import { defaultMaxRetryDelay, type MaxSendDeps, sendMax } from './max-send';
import { chatOfUpdate, type TMaxUpdate, type TMaxUpdateOf } from './max-update';

export interface MaxBot {
  api: Api;
  /** Processes one claimed update; resolves when its replies are sent (or the failure is reported). */
  handle(update: TMaxUpdate): Promise<void>;
}

/** MAX's user_locale ("ru", "en-US", …): English for English, Russian otherwise — the product is Russian first. */
const langOfLocale = (locale: string | null | undefined): TLang =>
  locale?.toLowerCase().startsWith('en') ? 'en' : 'ru';

/** A private chat with the bot; group chats ("chat") and channels never see anyone's diary. */
const isDialog = (chatType: string) => chatType === 'dialog';

export function createMaxBot(deps: MaxBotDeps): MaxBot {
  // The library's client is a Bot's api (the package exports no createClient); building a Bot starts nothing.
  const api = new Bot(deps.token, { clientOptions: { baseUrl: deps.apiBaseUrl } }).api;
  const conversation = conversationFor(deps);
  const retryDelayMs = deps.retryDelayMs ?? defaultMaxRetryDelay;
  const chatLogRef = deps.chatLogRef ?? createChatLogRef();
  const inChatOrder = createChatOrder<number>();
  const mention = deps.username ? new RegExp(`@${deps.username.replace(/[.]/g, '\\.')}\\b`, 'i') : null;

  const chatRef = (chatId: number, lang?: TLang): TChatRef => ({
    channel: 'max',
    externalId: String(chatId),
    ...(lang ? { locale: lang } : {}),
  });

  function turnFor(chatId: number, lang: TLang, log: TConversationLogger): TTurn {
    const chat = chatRef(chatId, lang);
    return {
      chat,
      lang,
      log,
      detachedLog: deps.logger,
      ...memoisedChatState(chat.channel, () => deps.linking.chatState(chat)),
    };
  }

  const sendDeps = (log: TConversationLogger): MaxSendDeps => ({
    api,
    chats: deps.chats,
    log,
    retryDelayMs,
    pace: deps.pace,
  });

  async function reply(log: TConversationLogger, turn: TTurn, chatId: number, outcome: TOutcome, tappedMid?: string) {
    // A notice has a place only under a tap; after a message it is said in the chat.
    const replies =
      outcome.notice && outcome.replies.length === 0 && !tappedMid
        ? [{ text: outcome.notice, html: false }]
        : outcome.replies;
    await sendReplies(sendDeps(log), { chat: turn.chat, chatId, lang: turn.lang, tappedMid }, { replies });
  }

  /** A group chat: a posted link code is voided and announced; otherwise only what is addressed to the bot is answered, with a pointer to a private chat. */
  async function onGroupMessage(chatId: number, text: string, lang: TLang, log: TConversationLogger) {
    const turn = turnFor(chatId, lang, log);
    const t = BOT_TEXTS[lang];
    const keyboard = privateChatKeyboard(t, deps.username);
    const attachments = keyboard ? [keyboard] : [];
    const posted = await conversation.groupMessage(turn, text);
    if (posted) {
      for (const r of posted.replies)
        await sendMax(sendDeps(log), turn.chat, { chatId, text: r.text, html: false, attachments });
      return;
    }
    // A bot given every message of a parents' chat must not answer each of them.
    if (!(text.startsWith('/') || mention?.test(text))) return;
    await sendMax(sendDeps(log), turn.chat, { chatId, text: t.group.privateOnly, html: false, attachments });
  }

  async function onMessage(update: TMaxUpdateOf<'message_created'>, log: TConversationLogger) {
    const { message } = update;
    const chatId = message.recipient.chat_id;
    // Our own messages and other bots' are not questions.
    if (!chatId || message.sender?.is_bot) return;
    const lang = langOfLocale(update.user_locale);
    const text = message.body.text ?? '';
    if (!isDialog(message.recipient.chat_type)) return onGroupMessage(chatId, text, lang, log);
    const turn = turnFor(chatId, lang, log);
    await reply(log, turn, chatId, await conversation.message(turn, text));
  }

  async function onTap(update: TMaxUpdateOf<'message_callback'>, log: TConversationLogger) {
    const { callback, message } = update;
    const chatId = message?.recipient.chat_id;
    const lang = langOfLocale(update.user_locale);
    const t = BOT_TEXTS[lang];
    // Without the tapped message there is no chat to answer in: the spinner is stopped, nothing more.
    if (!chatId) return answerTap(sendDeps(log), chatRef(0), callback.callback_id);
    if (!isDialog(message.recipient.chat_type))
      return answerTap(sendDeps(log), chatRef(chatId), callback.callback_id, t.group.privateOnly);
    const turn = turnFor(chatId, lang, log);
    const outcome = callback.payload ? await conversation.tap(turn, callback.payload) : null;
    // A button from an older version of the bot: stop its spinner, do nothing else.
    await answerTap(sendDeps(log), turn.chat, callback.callback_id, outcome?.notice);
    if (!outcome) return;
    if (outcome.clearTapped && message) {
      // A spent consent button must not stay under its message: the text stays, the buttons go.
      await deps.pace?.();
      await api
        .editMessage(message.body.mid, { text: message.body.text ?? '', attachments: [] as never })
        .catch(() => undefined);
    }
    await reply(log, turn, chatId, outcome, outcome.clearTapped ? undefined : message.body.mid);
  }

  async function onStarted(update: TMaxUpdateOf<'bot_started'>, log: TConversationLogger) {
    const lang = langOfLocale(update.user_locale);
    const turn = turnFor(update.chat_id, lang, log);
    // Starting (again) is allowing messages again after a stop.
    await deps.chats.setActive(turn.chat, true);
    // A max.ru link from a school letter carries the code as the start payload.
    const payload = update.payload?.trim();
    const text = payload && /^\d{12}$/.test(payload) ? `/start ${payload}` : '/start';
    await reply(log, turn, update.chat_id, await conversation.message(turn, text));
  }

  async function dispatch(update: TMaxUpdate): Promise<void> {
    // The chat id names a person: lines of one chat share its log reference instead.
    const chatId = chatOfUpdate(update);
    const log = deps.logger.child({
      type: update.update_type,
      ...(chatId ? { chatRef: chatLogRef({ channel: 'max', externalId: String(chatId) }) } : {}),
    });
    try {
      switch (update.update_type) {
        case 'message_created':
          return await onMessage(update, log);
        case 'message_callback':
          return await onTap(update, log);
        case 'bot_started':
          return await onStarted(update, log);
        case 'bot_stopped':
          // The person stopped the bot: nothing is sent until they start it again.
          return await deps.chats.setActive(chatRef(update.chat_id), false);
      }
    } catch (err) {
      const cause = err instanceof Error ? err : new Error(String(err));
      log.error({ err: cause }, 'max update failed');
      await apologize(update, log);
    }
  }

  /** A feature's failure becomes a short apology in a private chat; the log line above is what matters if that fails too. */
  async function apologize(update: TMaxUpdate, log: TConversationLogger): Promise<void> {
    const chatId = chatOfUpdate(update);
    if (!chatId || update.update_type === 'bot_stopped') return;
    try {
      await sendMax(sendDeps(log), chatRef(chatId), { chatId, text: BOT_TEXTS.ru.error, html: false });
    } catch {
      // MAX unreachable or the chat closed: nothing more to do.
    }
  }

  return {
    api,
    handle: (update) => inChatOrder(chatOfUpdate(update), () => dispatch(update)),
  };
}
