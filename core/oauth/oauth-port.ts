import type { TChatRef } from '../linking/linking-types';

// What account linking needs from storage (prisma/oauth-store.ts). Tokens arrive here hashed.

export type TOAuthTokenKind = 'code' | 'access' | 'refresh';

export interface TNewOAuthToken {
  kind: TOAuthTokenKind;
  tokenHash: string;
  clientId: string;
  expiresAt: Date;
}

export interface OAuthStore {
  /** Stores tokens for the chat behind `chat` (which must exist: the sign-in page linked it). */
  saveTokens(chat: TChatRef, tokens: readonly TNewOAuthToken[]): Promise<void>;
  /**
   * Spends a one-time token (an authorization code or a refresh token): marks it used only if it
   * is of this kind and client, unused and unexpired, and returns its chat — of two racing
   * exchanges exactly one wins.
   */
  spend(kind: 'code' | 'refresh', tokenHash: string, clientId: string, now: Date): Promise<TChatRef | null>;
  /** The chat an unexpired access token belongs to. */
  chatForAccessToken(tokenHash: string, now: Date): Promise<TChatRef | null>;
}
