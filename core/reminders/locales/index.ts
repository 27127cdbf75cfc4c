import { enReminderTexts } from './en';
import { ruReminderTexts } from './ru';
import type { TReminderTexts } from './texts-type';

export type { TReminderTexts } from './texts-type';

export function reminderTexts(locale: string): TReminderTexts {
  return locale.startsWith('en') ? enReminderTexts : ruReminderTexts;
}
