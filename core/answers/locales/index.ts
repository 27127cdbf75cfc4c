import type { TLang } from '../../i18n';
import { en } from './en';
import { ru } from './ru';
import type { TAnswerTexts } from './texts-type';

export const LOCALES: Record<TLang, TAnswerTexts> = { ru, en };
