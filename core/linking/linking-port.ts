import type { TChatRef, TDestroyedKinds, TGrant, TLinkChannel, TLinkRole } from './linking-types';
import type { PendingLinkStore } from './pending-link-port';

// What linking needs from storage. The Prisma implementation lives in prisma/stores/linking/linking-store.ts;
// every method that writes more than one row does it in one transaction.

export interface TAttemptCounts {
  /** failures of this chat within the last hour */
  chatLastHour: number;
  /** oldest of those, to say when the chat may try again */
  chatOldestAt: Date | null;
  /** failures of all chats of the same channel within the last minute / hour */
  channelLastMinute: number;
  channelLastHour: number;
}

/** A try as the brakes saw it: the counts before it, and its id when it was let through (and so counted). */
export interface TAttemptClaim {
  counts: TAttemptCounts;
  attemptId: string | null;
}

export interface TStoredCode {
  id: string;
  expiresAt: Date;
  usedAt: Date | null;
  grant: TGrant;
}

export interface TNewCode {
  codeHash: string;
  role: TLinkRole;
  studentId: string | null;
  teacherId: string | null;
  expiresAt: Date;
  /**
   * Redeemed by any number of chats until it expires (the store moderators' demo code): the store
   * accepts it for a pupil of the demo school only, whatever the caller asks.
   */
  reusable?: boolean;
}

export interface TRedeemInput {
  codeId: string;
  chat: TChatRef;
  consent: { textVersion: string; textHash: string; scope: string };
  now: Date;
}

export type TRedeemResult =
  | { ok: true; personId: string; grant: TGrant }
  | { ok: false; reason: 'used' | 'expired' | 'not_found' };

export interface TActiveConsent {
  textVersion: string;
  textHash: string;
  acceptedAt: Date;
}

export interface LinkingStore extends PendingLinkStore {
  /**
   * One atomic step: reads the counts of the chat's and the channel's tries and, when `admit`
   * lets the try through, logs it (and drops tries too old for any brake). Concurrent claims of
   * one channel are serialised, so no more tries pass than the brakes allow, however many arrive
   * at once.
   */
  claimAttempt(
    channel: TLinkChannel,
    chatKey: string,
    now: Date,
    admit: (counts: TAttemptCounts) => boolean,
  ): Promise<TAttemptClaim>;
  /** Takes a claimed try back: it was a right code, and only wrong ones count. */
  releaseAttempt(attemptId: string): Promise<void>;
  /** The code under this hash; a reusable code whose pupil is not of the demo school is not found. */
  findCode(codeHash: string): Promise<TStoredCode | null>;
  /** Marks an unused code used, so it can never be redeemed (a code shown in a group chat), with any pending link for it. */
  voidCode(codeId: string, now: Date): Promise<void>;
  /**
   * One transaction: marks the code used (only if still unused and unexpired — of two chats
   * racing for one code exactly one wins; a reusable code stays unused, and links a demo pupil
   * only), creates the person and chat if new, the student or teacher link and the consent record.
   */
  redeem(input: TRedeemInput): Promise<TRedeemResult>;
  /** Whether the pupil may consent to their own link: their school allows it, or a guardian of theirs is linked with consent. */
  pupilMayConsent(studentId: string): Promise<boolean>;
  personForChat(chat: TChatRef): Promise<string | null>;
  /** Latest consent of the person that is not withdrawn, or null. */
  activeConsent(personId: string): Promise<TActiveConsent | null>;
  /** A consent to a new text by a person who is already linked (the text changed since). */
  recordConsent(
    personId: string,
    channel: TLinkChannel,
    consent: { textVersion: string; textHash: string; scope: string },
    now: Date,
  ): Promise<void>;
  /**
   * One transaction: deletes the person behind the chat with their chats, links, consents,
   * subscriptions, sessions, pending links and pending alerts, and writes an anonymised
   * DestructionRecord. null when nothing is stored for the chat (its session and pending links,
   * if any, are still deleted).
   */
  forget(chat: TChatRef, sessionKey: string, now: Date): Promise<TDestroyedKinds | null>;
  /** Everything stored about the person as plain JSON, or null. */
  exportPerson(personId: string): Promise<Record<string, unknown> | null>;
  createCodes(codes: readonly TNewCode[]): Promise<void>;
}
