import type { TLinkLocale } from '../linking-types';
import { en } from './en';
import { ru } from './ru';
import type { TLinkingTexts } from './texts-type';

export type { TLinkingTexts } from './texts-type';

export const LINKING_TEXTS: Record<TLinkLocale, TLinkingTexts> = { ru, en };
