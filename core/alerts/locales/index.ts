import { enTexts } from './en';
import { ruTexts } from './ru';
import type { TAlertTexts } from './texts-type';

export type { TAlertTexts } from './texts-type';

/** The chat's locale's alert texts; Russian unless the chat speaks English. */
export function alertTexts(locale: string): TAlertTexts {
  return locale.startsWith('en') ? enTexts : ruTexts;
}
