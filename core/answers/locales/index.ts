import type { TLocale } from '../locale-types';
import { en } from './en';
import { ru } from './ru';

export const LOCALES: Record<'ru' | 'en', TLocale> = { ru, en };
