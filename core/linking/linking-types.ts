// Shapes shared by the linking service, its store and the channels that call it.

export type TLinkChannel = 'telegram' | 'vk' | 'alice' | 'alexa' | 'playground' | 'web';
export type TLinkRole = 'guardian' | 'student' | 'teacher';
export type TLinkLocale = 'ru' | 'en';

/** A conversation on one channel: Telegram chat id, VK peer id, voice user id. */
export interface TChatRef {
  channel: TLinkChannel;
  externalId: string;
  locale?: TLinkLocale;
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
  /** the global brake: too many wrong tries across all chats, everyone waits */
  | { reason: 'busy'; retryAfterSeconds: number };

export type TStartResult = { ok: true; pending: TPendingLink } | ({ ok: false } & TStartRefusal);

export type TAcceptResult =
  | { ok: true; personId: string; grant: TGrant }
  | { ok: false; reason: 'used' | 'expired' | 'not_found' | 'consent_outdated' };

/** What `forget` destroyed, by kind; no identifiers. */
export type TDestroyedKinds = Record<string, number>;

export type TForgetResult = { forgotten: true; kinds: TDestroyedKinds } | { forgotten: false };
