import { en } from './en';
import { ru } from './ru';
import type { TAliceTexts } from './texts-type';

export type { TAliceTexts } from './texts-type';

export const ALICE_TEXTS: Record<'ru' | 'en', TAliceTexts> = { ru, en };
