import type { TAlertType } from '../alerts/alert-types';
import { ALERT_TYPES, withDefaultsOn } from '../settings/subscription-settings-port';

// What a spoken "subscribe" turns on. «подпиши на оценки» / "subscribe me to grades" names grades:
// grades and the term marks that follow them, and the school's news (on by default). A phrase naming no kind of alert («подпиши меня на
// уведомления», "subscribe me to alerts") asks for alerts as such: every type, the presence ones
// included. The language parser says only "subscribe", so the naming is read here from the words.

const NAMES_GRADES = /(^|[^а-яё])(оцен|отмет)|\b(grades?|marks?)\b/i;

export function subscribeTypes(text: string): readonly TAlertType[] {
  return NAMES_GRADES.test(text) ? withDefaultsOn(['grades']) : ALERT_TYPES;
}
