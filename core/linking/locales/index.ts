import type { TLang } from '../../i18n';
import { en } from './en';
import { ru } from './ru';
import type { TLinkingTexts } from './texts-type';

export type { TLinkingTexts } from './texts-type';

export const LINKING_TEXTS: Record<TLang, TLinkingTexts> = { ru, en };
