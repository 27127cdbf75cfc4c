import type { TChatRef, TDestroyedKinds, TGrant, TLinkChannel, TLinkRole } from './linking-types';

// What linking needs from storage. The Prisma implementation lives in prisma/linking-store.ts;
// every method that writes more than one row does it in one transaction.

export interface TAttemptCounts {
  /** failures of this chat within the last hour */
  chatLastHour: number;
  /** oldest of those, to say when the chat may try again */
  chatOldestAt: Date | null;
  /** failures of all chats within the last minute / hour */
  globalLastMinute: number;
  globalLastHour: number;
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
}

export interface TRedeemInput {
  codeId: string;
  chat: TChatRef;
  consent: { textVersion: string; textHash: string; scope: string };
  now: Date;
}

export type TRedeemResult = { ok: true; personId: string; grant: TGrant } | { ok: false; reason: 'used' | 'expired' | 'not_found' };

export interface TActiveConsent {
  textVersion: string;
  textHash: string;
  acceptedAt: Date;
}

export interface LinkingStore {
  attemptCounts(channel: TLinkChannel, chatKey: string, now: Date): Promise<TAttemptCounts>;
  /** Logs a failed try (and drops tries too old for any brake). */
  recordFailure(channel: TLinkChannel, chatKey: string, now: Date): Promise<void>;
  findCode(codeHash: string): Promise<TStoredCode | null>;
  /**
   * One transaction: marks the code used (only if still unused and unexpired — of two chats
   * racing for one code exactly one wins), creates the person and chat if new, the student or
   * teacher link and the consent record.
   */
  redeem(input: TRedeemInput): Promise<TRedeemResult>;
  personForChat(chat: TChatRef): Promise<string | null>;
  /** Latest consent of the person that is not withdrawn, or null. */
  activeConsent(personId: string): Promise<TActiveConsent | null>;
  /** A consent to a new text by a person who is already linked (the text changed since). */
  recordConsent(personId: string, channel: TLinkChannel, consent: { textVersion: string; textHash: string; scope: string }, now: Date): Promise<void>;
  /**
   * One transaction: deletes the person behind the chat with their chats, links, consents,
   * subscriptions, sessions and pending alerts, and writes an anonymised DestructionRecord.
   * null when nothing is stored for the chat (its session, if any, is still deleted).
   */
  forget(chat: TChatRef, sessionKey: string, now: Date): Promise<TDestroyedKinds | null>;
  /** Everything stored about the person as plain JSON, or null. */
  exportPerson(personId: string): Promise<Record<string, unknown> | null>;
  createCodes(codes: readonly TNewCode[]): Promise<void>;
}
