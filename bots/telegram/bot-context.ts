import type { Context } from 'grammy';
import type { TConversationLogger, TTurn } from '../../core/conversation';
import type { TChatRef } from '../../core/linking';
import type { TBotLang, TBotTexts } from './locales';

/** The few logger methods the bot uses; pino's Logger fits. Callers log ids only. */
export type TBotLogger = TConversationLogger;

/** What every feature can rely on: the reader's language and texts, and a logger bound to the update. */
export interface TBotFlavor {
  lang: TBotLang;
  t: TBotTexts;
  log: TBotLogger;
  /** This chat as linking knows it. */
  chatRef: TChatRef;
  /** The person behind this private chat after consent, else null; read once per update. */
  personId(): Promise<string | null>;
  /** This update as the shared conversation sees it. */
  turn: TTurn;
}

export type BotContext = Context & TBotFlavor;
