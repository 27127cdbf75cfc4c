import type { TLang } from '../../i18n';
import { en } from './en';
import { ru } from './ru';
import type { TOAuthPageTexts, TOAuthTexts } from './texts-type';

export const OAUTH_TEXTS: Record<TLang, TOAuthTexts> = { ru, en };
export type { TOAuthPageTexts, TOAuthTexts };
