import type { TLinkLocale } from '../../linking/linking-types';
import { en } from './en';
import { ru } from './ru';
import type { TOAuthTexts } from './texts-type';

export const OAUTH_TEXTS: Record<TLinkLocale, TOAuthTexts> = { ru, en };
export type { TOAuthTexts };
