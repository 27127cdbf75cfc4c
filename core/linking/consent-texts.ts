import { createHash } from 'node:crypto';
import type { TViewerScope } from '../access/access-port';
import type { TLang } from '../i18n';
import type { TConsentAudience, TConsentRefusal, TLinkChannel, TLinkRole, TVoiceChannel } from './linking-types';
import { LINKING_TEXTS } from './locales';

// The consent a person accepts is identified by its version and by the hash of the exact words
// shown. A consent record naming an older version — or words that changed without a version
// bump — no longer counts, so the person is asked again before the next personal answer.
//
// The words depend on the channel (whose servers carry the messages: the channel's entry in the
// locale's `carriers`; voice channels speak the short form) and on the audience (a pupil linking
// themselves reads a text addressed to a child). Every combination is a current text.

export const CONSENT_SCOPE = 'diary';

export interface TConsentText {
  version: string;
  title: string;
  text: string;
  /** sha256 of version, title and text: what Consent.textHash stores */
  hash: string;
}

const VOICE_CHANNELS: readonly TLinkChannel[] = ['alice', 'alexa'];
/** The channels that give out calendar feeds (/calendar): their texts say where a feed goes. */
const CALENDAR_CHANNELS: readonly TLinkChannel[] = ['telegram', 'vk', 'max'];

function hashOf(version: string, title: string, text: string): string {
  return createHash('sha256').update(`${version}\n${title}\n${text}`).digest('hex');
}

/** Who reads the consent of a code: a pupil's own student code gets the text written to a pupil. */
export function audienceOfRole(role: TLinkRole): TConsentAudience {
  return role === 'student' ? 'pupil' : 'adult';
}

/**
 * The consent text a channel shows (voice channels speak the short form), naming who carries its
 * messages; the sign-in page ('web') names the platform of the voice skill being linked.
 */
export function consentText(
  locale: TLang,
  channel: TLinkChannel,
  audience: TConsentAudience = 'adult',
  signInFor: TVoiceChannel = 'alice',
): TConsentText {
  const { version, carriers, calendar, ...forms } = LINKING_TEXTS[locale].consent;
  const form = forms[audience];
  const carried = channel === 'web' ? carriers.web[signInFor][audience] : carriers[channel][audience];
  const carrier = CALENDAR_CHANNELS.includes(channel) ? `${carried} ${calendar[audience]}` : carried;
  const words = VOICE_CHANNELS.includes(channel) ? form.voice(carrier) : form.text(carrier);
  return { version, title: form.title, text: words, hash: hashOf(version, form.title, words) };
}

/** The version every locale must carry; a test keeps them in step. */
export const CURRENT_CONSENT_VERSION = LINKING_TEXTS.ru.consent.version;

/** Hashes of every current consent text: each locale, channel (the sign-in page for each voice skill) and audience. */
export function currentConsentHashes(): Set<string> {
  const hashes = new Set<string>();
  for (const locale of Object.keys(LINKING_TEXTS) as TLang[]) {
    const { carriers } = LINKING_TEXTS[locale].consent;
    for (const channel of Object.keys(carriers) as TLinkChannel[]) {
      for (const signInFor of Object.keys(carriers.web) as TVoiceChannel[])
        for (const audience of ['adult', 'pupil'] as const)
          hashes.add(consentText(locale, channel, audience, signInFor).hash);
    }
  }
  return hashes;
}

/**
 * Whom a linked person is asked again as: a pupil when every link is to themselves (a pupil's own
 * chat), otherwise an adult (a parent, a teacher, or both).
 */
export function audienceOfScope(
  scope: Pick<TViewerScope, 'linkedStudents' | 'selfStudentIds' | 'teacherIds'>,
): TConsentAudience {
  const ownOnly =
    scope.linkedStudents.length > 0 && scope.linkedStudents.every((s) => scope.selfStudentIds.includes(s.id));
  return ownOnly && scope.teacherIds.length === 0 ? 'pupil' : 'adult';
}

/**
 * The sentence a channel shows or speaks when a "yes" to the consent links nothing: the answer
 * came after the pending link's 15 minutes (or twice), another chat spent the code meanwhile, or
 * the consent text changed while it was being read.
 */
export function consentRefusalText(locale: TLang, refusal: TConsentRefusal): string {
  const t = LINKING_TEXTS[locale];
  switch (refusal.reason) {
    case 'expired':
    case 'not_found':
      return t.expired;
    case 'used':
      return t.used;
    case 'consent_outdated':
      return t.consentOutdated;
    case 'pending_expired':
      return t.pendingExpired;
    case 'guardian_first':
      return t.guardianFirst;
  }
}
