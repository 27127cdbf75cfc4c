import { en } from './en';
import type { TAlexaTexts } from './texts-type';

/** Alexa has no Russian locale (docs/platforms.md): every Alexa locale is answered in English. */
export const ALEXA_TEXTS: Record<'en', TAlexaTexts> = { en };
export type { TAlexaTexts };
