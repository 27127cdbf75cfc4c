import type { TChatRef } from '../linking/linking-types';

// What account linking needs from storage (prisma/stores/oauth/oauth-store.ts). Tokens arrive here hashed.

export type TOAuthTokenKind = 'code' | 'access' | 'refresh';

export interface TNewOAuthToken {
  kind: TOAuthTokenKind;
  tokenHash: string;
  clientId: string;
  expiresAt: Date;
  /** The family a token descends from (its authorization code's id); a code starts its own. */
  familyId?: string;
  /** A code only: the redirect_uri it was issued for, which the exchange must repeat. */
  redirectUri?: string;
  /** A code only: the PKCE S256 challenge sent to /authorize. */
  codeChallenge?: string;
}

export type TSpendResult =
  /** Spent now: what the token stood for and what its exchange must match. */
  | { kind: 'spent'; chat: TChatRef; familyId: string; redirectUri: string | null; codeChallenge: string | null }
  /** Already spent once: someone holds a copy (RFC 9700 §4.14.2), and its family must go. */
  | { kind: 'replayed'; familyId: string }
  /** Unknown, another client's, expired or revoked. */
  | { kind: 'invalid' };

export interface OAuthStore {
  /** Stores tokens for the chat behind `chat` (which must exist: the sign-in page linked it). */
  saveTokens(chat: TChatRef, tokens: readonly TNewOAuthToken[]): Promise<void>;
  /**
   * Spends a one-time token (an authorization code or a refresh token): marks it used only if it
   * is of this kind and client, unused, unexpired and of an unrevoked family — of two racing
   * exchanges exactly one wins; the other learns the token was replayed.
   */
  spend(kind: 'code' | 'refresh', tokenHash: string, clientId: string, now: Date): Promise<TSpendResult>;
  /** Revokes every token of a family, those issued later included (they are checked against it). */
  revokeFamily(familyId: string, now: Date): Promise<void>;
  /** Deletes a family's expired tokens, so daily rotation does not pile rows up. */
  pruneFamily(familyId: string, now: Date): Promise<void>;
  /** The chat an unexpired, unrevoked access token belongs to. */
  chatForAccessToken(tokenHash: string, now: Date): Promise<TChatRef | null>;
}
