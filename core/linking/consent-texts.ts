import { createHash } from 'node:crypto';
import type { TLinkChannel, TLinkLocale } from './linking-types';
import { LINKING_TEXTS } from './locales';

// The consent a person accepts is identified by its version and by the hash of the exact words
// shown. A consent record naming an older version — or words that changed without a version
// bump — no longer counts, so the person is asked again before the next personal answer.

export const CONSENT_SCOPE = 'diary';

export interface TConsentText {
  version: string;
  title: string;
  text: string;
  /** sha256 of version, title and text: what Consent.textHash stores */
  hash: string;
}

const VOICE_CHANNELS: readonly TLinkChannel[] = ['alice', 'alexa'];

function hashOf(version: string, title: string, text: string): string {
  return createHash('sha256').update(`${version}\n${title}\n${text}`).digest('hex');
}

/** The consent text a channel shows (voice channels speak the short form). */
export function consentText(locale: TLinkLocale, channel: TLinkChannel): TConsentText {
  const { version, title, text, voice } = LINKING_TEXTS[locale].consent;
  const words = VOICE_CHANNELS.includes(channel) ? voice : text;
  return { version, title, text: words, hash: hashOf(version, title, words) };
}

/** The version every locale must carry; a test keeps them in step. */
export const CURRENT_CONSENT_VERSION = LINKING_TEXTS.ru.consent.version;

/** Hashes of every current consent text (each locale, chat and voice form). */
export function currentConsentHashes(): Set<string> {
  const hashes = new Set<string>();
  for (const locale of Object.keys(LINKING_TEXTS) as TLinkLocale[]) {
    for (const channel of ['telegram', 'alice'] as const) hashes.add(consentText(locale, channel).hash);
  }
  return hashes;
}
