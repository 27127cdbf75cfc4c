import { en } from './en';
import { ru } from './ru';
import type { TBotTexts } from './texts-type';

export type { TBotTexts } from './texts-type';
export type TBotLang = 'ru' | 'en';

export const BOT_TEXTS: Record<TBotLang, TBotTexts> = { ru, en };

/** The product is Russian first: only an English client gets English. */
export function langOf(languageCode: string | undefined): TBotLang {
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}
