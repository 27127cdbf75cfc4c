import type { TLang } from '../../i18n';
import { enFeedTexts } from './en';
import { ruFeedTexts } from './ru';
import type { TFeedTexts } from './texts-type';

export type { TFeedTexts } from './texts-type';

export const FEED_TEXTS: Record<TLang, TFeedTexts> = { ru: ruFeedTexts, en: enFeedTexts };
