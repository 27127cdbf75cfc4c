import type { TAnswerTexts } from './texts-type';
import { en } from './en';
import { ru } from './ru';
import type { TLang } from '../../i18n';

export const LOCALES: Record<TLang, TAnswerTexts> = { ru, en };
