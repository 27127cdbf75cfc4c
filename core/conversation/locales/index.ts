import type { TLang } from '../../i18n';
import { en } from './en';
import { ru } from './ru';
import type { TBotTexts } from './texts-type';

export type { TBotTexts } from './texts-type';

export const BOT_TEXTS: Record<TLang, TBotTexts> = { ru, en };

/** The product is Russian first: only an English client gets English. */
export function langOf(languageCode: string | undefined): TLang {
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}
