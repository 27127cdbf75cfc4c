import { type TMaxKeyboard, toMaxKeyboard } from '../bots/max/max-keyboards';
import { MAX_MESSAGE_LIMIT } from '../bots/max/max-outcome';
import { BOT_TEXTS, splitText, type TKeyboard } from '../core/conversation';
import type { TLang } from '../core/i18n';

// An answer as the MAX bot sends it (bots/max/max-outcome.ts): the text with its HTML kept, cut
// into messages of at most MAX_MESSAGE_LIMIT characters, and the keyboard — MAX's inline
// keyboard attachment, cut to MAX's limits — under the last of them. The playground shows it so
// that a layout MAX would break (too long, too many buttons) is seen without a MAX account.

export interface TMaxRendering {
  /** 'html' when MAX is told to read the text's tags; null for plain text. */
  format: 'html' | null;
  /** One text per message sent, in order. */
  parts: string[];
  /** The inline keyboard attached to the last message, exactly as MAX gets it. */
  keyboard: TMaxKeyboard | null;
}

export function maxRendering(text: string, html: boolean, lang: TLang, keyboard?: TKeyboard): TMaxRendering {
  return {
    format: html ? 'html' : null,
    parts: splitText(text, MAX_MESSAGE_LIMIT),
    keyboard: keyboard ? toMaxKeyboard(BOT_TEXTS[lang], keyboard) : null,
  };
}
