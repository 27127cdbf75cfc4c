import type { TLang } from '../i18n';
import type { TAnswer } from './answer-types';
import { LOCALES } from './locales';
import { renderChat } from './render-chat';
import { renderVoice } from './render-voice';

export type TChannel = 'telegram' | 'vk' | 'max' | 'alice' | 'alexa' | 'playground';

export interface TRenderedAnswer {
  /** Chat text, Telegram HTML (escaped). */
  text: string;
  /** What Alice shows (`text`) and Alexa's card: plain text, numbers in digits. */
  speech: string;
  /** Alice `tts`: the same facts as `speech`, numbers in words. */
  tts: string;
  /** Alexa SSML (English). */
  ssml: string;
}

/**
 * Every form of one answer, each rendered when first read: a chat reads only `text`, a voice
 * skill only its speech, and answering is the hot path of every channel.
 */
export function renderAnswer(answer: TAnswer, lang: TLang): TRenderedAnswer {
  const locale = LOCALES[lang];
  let text: string | undefined;
  let voice: Omit<TRenderedAnswer, 'text'> | undefined;
  const spoken = () => (voice ??= renderVoice(answer, locale, LOCALES.en));
  return {
    get text() {
      return (text ??= renderChat(answer, locale));
    },
    get speech() {
      return spoken().speech;
    },
    get tts() {
      return spoken().tts;
    },
    get ssml() {
      return spoken().ssml;
    },
  };
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
