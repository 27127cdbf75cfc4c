import type { TLinkLocale, TStartRefusal } from './linking-types';
import { LINKING_TEXTS } from './locales';

/** The sentence a channel shows or speaks for a refused code. */
export function refusalMessage(locale: TLinkLocale, refusal: TStartRefusal | { reason: 'consent_outdated' | 'not_found' | 'used' | 'expired' | 'guardian_first' | 'pending_expired' }): string {
  const t = LINKING_TEXTS[locale];
  switch (refusal.reason) {
    case 'not_a_code':
      return t.notACode;
    case 'wrong_code':
      return t.wrongCode(refusal.triesLeft);
    case 'expired':
    case 'not_found':
      return t.expired;
    case 'used':
      return t.used;
    case 'locked':
      return t.locked(Math.ceil(refusal.retryAfterSeconds / 60));
    case 'busy':
      return t.busy(Math.ceil(refusal.retryAfterSeconds / 60));
    case 'consent_outdated':
      return t.consentOutdated;
    case 'pending_expired':
      return t.pendingExpired;
    case 'guardian_first':
      return t.guardianFirst;
  }
}
