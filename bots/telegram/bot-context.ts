import type { Context } from 'grammy';
import type { TChatRef } from '../../core/linking';
import type { TBotLang, TBotTexts } from './locales';

/** The few logger methods the bot uses; pino's Logger fits. Callers log ids only. */
export interface TBotLogger {
  child(bindings: Record<string, unknown>): TBotLogger;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What every feature can rely on: the reader's language and texts, and a logger bound to the update. */
export interface TBotFlavor {
  lang: TBotLang;
  t: TBotTexts;
  log: TBotLogger;
  /** This chat as linking knows it. */
  chatRef: TChatRef;
  /** The person behind this private chat after consent, else null; read once per update. */
  personId(): Promise<string | null>;
}

export type BotContext = Context & TBotFlavor;
