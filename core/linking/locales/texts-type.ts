import type { TConsentAudience, TGrant, TLinkChannel, TLinkRole, TVoiceChannel } from '../linking-types';

/** One consent text in its two forms; `carrier` is the channel's sentence from `carriers`. */
export interface TConsentForm {
  title: string;
  /** For chats and the sign-in page (plain text, paragraphs separated by blank lines). */
  text: (carrier: string) => string;
  /** The same consent, short enough to be spoken by a voice assistant. */
  voice: (carrier: string) => string;
}

/** Everything linking says to people, per locale. Consent texts are versioned: see consent-texts.ts. */
export interface TLinkingTexts {
  consent: {
    /** Bumped with any change of wording; a stored consent names the version and the text's hash. */
    version: string;
    /** To a parent (or a teacher, for themselves). */
    adult: TConsentForm;
    /** To a pupil linking with their own student code: simple words, addressed to the child. */
    pupil: TConsentForm;
    /**
     * Per channel, the sentence that says whose servers carry the questions and answers (the
     * messenger's or the voice platform's). Typed by channel, so a new channel cannot be added
     * without saying who carries its messages. The sign-in page of account linking ('web') leads
     * to a voice skill: its sentence names the platform of the skill being linked.
     */
    /**
     * Follows the carrier's sentence in the chats (Telegram, VK), the only channels that give out
     * calendar feeds: the calendar service a feed is subscribed with receives what it holds.
     */
    calendar: Record<TConsentAudience, string>;
    carriers: Record<Exclude<TLinkChannel, 'web'>, Record<TConsentAudience, string>> & {
      web: Record<TVoiceChannel, Record<TConsentAudience, string>>;
    };
    accept: string;
    decline: string;
  };
  /** To a pupil whose school wants a parent to connect first (studentSelfConsent off); the code stays unused. */
  guardianFirst: string;
  grant: (grant: TGrant) => string;
  notACode: string;
  wrongCode: (triesLeft: number) => string;
  expired: string;
  used: string;
  locked: (minutes: number) => string;
  busy: (minutes: number) => string;
  consentOutdated: string;
  /** Accept (or «да») came for a code held more than 15 minutes, or no longer held: the code itself is untouched. */
  pendingExpired: string;
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
    /** The Telegram link, which the QR code on the letter carries when there is one. */
    telegram: (url: string) => string;
    /** The MAX link; `qr` when the QR code carries it (no Telegram bot configured). */
    max: (url: string, qr: boolean) => string;
    /** The VK link; `qr` when the QR code carries it (no Telegram or MAX bot configured). */
    vk: (url: string, qr: boolean) => string;
    /** How to start the Alice skill by its activation name (ALICE_SKILL_NAME). */
    alice: (skillName: string) => string;
    /** How to open the Alexa skill by its invocation name. */
    alexa: (invocationName: string) => string;
    expires: (date: string) => string;
    footer: string;
  };
}
