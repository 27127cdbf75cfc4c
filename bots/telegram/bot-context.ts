import type { Api, Context } from 'grammy';
import type { TConversationLogger, TTurn } from '../../core/conversation';
import type { TLang } from '../../core/i18n';
import type { TChatRef } from '../../core/linking';
import type { TBotTexts } from './locales';

/** The few logger methods the bot uses; pino's Logger fits. Callers log ids only. */
export type TBotLogger = TConversationLogger;

/** What every feature can rely on: the reader's language and texts, and a logger bound to the update. */
export interface TBotFlavor {
  lang: TLang;
  t: TBotTexts;
  log: TBotLogger;
  /** This chat as linking knows it. */
  chatRef: TChatRef;
  /** This update as the shared conversation sees it (with the person behind it, read once). */
  turn: TTurn;
  /**
   * The bot's own Bot API client: its calls are always requests of their own, never a webhook
   * reply. Messages before an update's last one go through it, so they reach Telegram, in order,
   * before the last one rides in the webhook's response.
   */
  requestApi: Api;
}

export type BotContext = Context & TBotFlavor;
