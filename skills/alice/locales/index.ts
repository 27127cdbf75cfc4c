import type { TLang } from '../../../core/i18n';
import { en } from './en';
import { ru } from './ru';
import type { TAliceTexts } from './texts-type';

export type { TAliceTexts } from './texts-type';

export const ALICE_TEXTS: Record<TLang, TAliceTexts> = { ru, en };
