import type { TLang } from '../i18n';
import { consentRefusalText } from './consent-texts';
import type { TConsentRefusal, TStartRefusal } from './linking-types';
import { LINKING_TEXTS } from './locales';

/**
 * The sentence a channel shows or speaks for a refused code. A code can also be refused for the
 * reasons a consent is (expired, used, a guardian first); those read the same at either step.
 */
export function refusalMessage(locale: TLang, refusal: TStartRefusal | TConsentRefusal): string {
  const t = LINKING_TEXTS[locale];
  switch (refusal.reason) {
    case 'not_a_code':
      return t.notACode;
    case 'wrong_code':
      return t.wrongCode(refusal.triesLeft);
    case 'locked':
      return t.locked(Math.ceil(refusal.retryAfterSeconds / 60));
    case 'busy':
      return t.busy(Math.ceil(refusal.retryAfterSeconds / 60));
    default:
      return consentRefusalText(locale, refusal);
  }
}
