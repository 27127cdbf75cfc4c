import type { TOutcome, TReply, TTurn } from './conversation-types';
import { BOT_TEXTS, type TBotTexts } from './locales';

// The few shapes every flow answers with, so a flow reads as what it says rather than how.

export const plain = (text: string, extra: Partial<TReply> = {}): TReply => ({ text, html: false, ...extra });
export const html = (text: string, extra: Partial<TReply> = {}): TReply => ({ text, html: true, ...extra });
export const say = (...replies: TReply[]): TOutcome => ({ replies });

/** The bot's words in the language of the person taking this turn. */
export const botTexts = (turn: TTurn): TBotTexts => BOT_TEXTS[turn.lang];
