import type { TLang } from '../i18n';
// Shapes shared by the linking service, its store and the channels that call it.

export type TLinkChannel = 'telegram' | 'vk' | 'max' | 'alice' | 'alexa' | 'playground' | 'web';
/** The voice skills, whose people may also link on the sign-in page of account linking ('web'). */
export type TVoiceChannel = Extract<TLinkChannel, 'alice' | 'alexa'>;
export type TLinkRole = 'guardian' | 'student' | 'teacher';
/** Whom a consent text is written to: a pupil linking themselves reads one addressed to a child. */
export type TConsentAudience = 'adult' | 'pupil';

/** A conversation on one channel: Telegram chat id, VK peer id, voice user id. */
export interface TChatRef {
  channel: TLinkChannel;
  externalId: string;
  locale?: TLang;
}

/** What a code grants, with just enough to let the person confirm it is the right child. */
export interface TGrant {
  role: TLinkRole;
  studentId: string | null;
  teacherId: string | null;
  /** The student's or teacher's first name, and the class name, to show before consent. */
  firstName: string;
  className: string | null;
}

/**
 * A checked code waiting for consent. Holds no code and nothing about the chat: the caller keeps
 * it in the chat session; acceptConsent re-checks the code row, so a stale pending grants nothing.
 */
export interface TPendingLink {
  codeId: string;
  grant: TGrant;
  /** ISO time after which the code no longer works. */
  expiresAt: string;
}

export type TStartRefusal =
  /** not 12 digits (not counted as a try) */
  | { reason: 'not_a_code' }
  /** unknown code; `triesLeft` before this chat is locked for the hour */
  | { reason: 'wrong_code'; triesLeft: number }
  | { reason: 'expired'; triesLeft: number }
  | { reason: 'used'; triesLeft: number }
  /** this chat made too many wrong tries */
  | { reason: 'locked'; retryAfterSeconds: number }
  /** the channel's brake: too many wrong tries across all chats of this channel, everyone on it waits */
  | { reason: 'busy'; retryAfterSeconds: number }
  /** a right student code, but the school wants a guardian of the pupil linked first (not counted as a try) */
  | { reason: 'guardian_first' };

export type TStartResult = { ok: true; pending: TPendingLink } | ({ ok: false } & TStartRefusal);

export type TAcceptResult =
  | { ok: true; personId: string; grant: TGrant }
  | { ok: false; reason: 'used' | 'expired' | 'not_found' | 'consent_outdated' | 'guardian_first' };

/** What `forget` destroyed, by kind; no identifiers. */
export type TDestroyedKinds = Record<string, number>;

export type TForgetResult = { forgotten: true; kinds: TDestroyedKinds } | { forgotten: false };

/** A code checked for a chat and held under a handle until the consent is answered. */
export type TOfferResult = { ok: true; handle: string; grant: TGrant } | ({ ok: false } & TStartRefusal);

/** Accept pressed (or "yes" said) for a handle: as acceptConsent, or the handle is unknown or older than 15 minutes. */
export type TPendingAcceptResult = TAcceptResult | { ok: false; reason: 'pending_expired' };

/** Why an accepted consent was not recorded: the pending link or its code is gone, or the text changed. */
export type TConsentRefusal = { reason: Extract<TPendingAcceptResult, { ok: false }>['reason'] };

/** A code seen in a group chat: void now, or not looked up because a brake is on. */
export type TPostedCodeResult = 'voided' | 'braked' | 'not_a_code';
