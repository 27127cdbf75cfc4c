import { en } from './en';
import type { TBotTexts } from './locale-types';
import { ru } from './ru';

export type { TBotTexts } from './locale-types';
export type TBotLang = 'ru' | 'en';

export const BOT_TEXTS: Record<TBotLang, TBotTexts> = { ru, en };

/** The product is Russian first: only an English client gets English. */
export function langOf(languageCode: string | undefined): TBotLang {
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}
