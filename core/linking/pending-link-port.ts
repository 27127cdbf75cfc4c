import type { TChatRef } from './linking-types';

// Where a checked code waits for the consent answer. Buttons (Telegram callback_data, VK payloads)
// and voice sessions (Alice's state, Alexa's attributes) travel through the platforms and come back
// from the client, so they carry only a random handle; the row holds the code's hash and the chat,
// nothing else, and lives at most PENDING_LINK_TTL_MS.

export interface TNewPendingLink {
  handle: string;
  codeHash: string;
  chat: TChatRef;
  expiresAt: Date;
}

export interface PendingLinkStore {
  savePending(pending: TNewPendingLink): Promise<void>;
  /**
   * Deletes the chat's pending link under `handle` and returns its code's hash; null when there is
   * none for this chat, or it has expired. A handle works only in the chat it was made for.
   */
  takePending(chat: TChatRef, handle: string, now: Date): Promise<{ codeHash: string } | null>;
  /** Deletes the chat's pending link under `handle` (Decline). */
  dropPending(chat: TChatRef, handle: string): Promise<void>;
  /**
   * The handles of the chat's pending links not expired by `now`, at most `limit`: the consent
   * questions still open in the chat, for an answer typed in words instead of a button's tap.
   */
  openPending(chat: TChatRef, now: Date, limit: number): Promise<string[]>;
  /** Deletes pending links expired by `now`; how many. */
  purgeExpiredPending(now: Date): Promise<number>;
}
