import type { TAnswer } from './answer-types';
import { LOCALES } from './locales';
import { renderChat } from './render-chat';
import { renderVoice } from './render-voice';

export type TChannel = 'telegram' | 'vk' | 'alice' | 'alexa' | 'playground';

export interface TRenderedAnswer {
  /** Chat text, Telegram HTML (escaped). */
  text: string;
  /** Plain spoken text (Alice `text`). */
  speech: string;
  /** Alice `tts`. */
  tts: string;
  /** Alexa SSML (English). */
  ssml: string;
}

/** Every form of one answer; each channel takes the ones it needs. */
export function renderAnswer(answer: TAnswer, lang: 'ru' | 'en'): TRenderedAnswer {
  const locale = LOCALES[lang];
  return { text: renderChat(answer, locale), ...renderVoice(answer, locale, LOCALES.en) };
}

/** Telegram HTML → plain text, for channels without markup (VK). */
export function stripHtml(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
