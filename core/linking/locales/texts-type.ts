import type { TGrant, TLinkRole } from '../linking-types';

/** Everything linking says to people, per locale. Consent texts are versioned: see consent-texts.ts. */
export interface TLinkingTexts {
  consent: {
    /** Bumped with any change of wording; a stored consent names the version and the text's hash. */
    version: string;
    title: string;
    /** For chats (plain text, paragraphs separated by blank lines). */
    text: string;
    /** The same consent, short enough to be spoken by a voice assistant. */
    voice: string;
    accept: string;
    decline: string;
  };
  grant: (grant: TGrant) => string;
  notACode: string;
  wrongCode: (triesLeft: number) => string;
  expired: string;
  used: string;
  locked: (minutes: number) => string;
  busy: (minutes: number) => string;
  consentOutdated: string;
  /** Said before the new consent text to someone already linked who accepted an older one. */
  reconsentIntro: string;
  reconsentAccepted: string;
  /** Declining the new text withdraws consent: everything is deleted, as on /forget. */
  reconsentDeclined: string;
  linked: (grant: TGrant) => string;
  declined: string;
  forgotten: string;
  nothingToForget: string;
  letter: {
    title: string;
    greeting: (role: TLinkRole) => string;
    intro: (grant: TGrant) => string;
    codeLabel: string;
    telegram: (url: string) => string;
    vk: (url: string) => string;
    voice: string;
    expires: (date: string) => string;
    footer: string;
  };
}
