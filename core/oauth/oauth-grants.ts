import type { TChatRef } from '../linking/linking-types';
import { findClient, redirectAllowed, secretMatches, type TOAuthClient } from './oauth-clients';
import { verifierMatches } from './oauth-pkce';
import type { OAuthStore, TSpendResult } from './oauth-port';
import { hashOAuthToken, newOAuthToken, OAUTH_TTL_SECONDS } from './oauth-tokens';

// The token endpoint (RFC 6749 §4.1.3, §6) under the OAuth 2.0 security best practice (RFC 9700):
// a code or refresh token spent twice revokes everything issued from its authorization code,
// refresh tokens rotate, and a code's exchange must repeat its redirect_uri and answer its PKCE
// challenge.

export interface TTokenRequest {
  grantType?: string;
  code?: string;
  refreshToken?: string;
  redirectUri?: string;
  codeVerifier?: string;
  clientId?: string;
  clientSecret?: string;
}

export type TTokenResult =
  | { ok: true; body: { access_token: string; token_type: 'bearer'; expires_in: number; refresh_token: string } }
  | {
      ok: false;
      status: 400 | 401;
      body: { error: string; error_description: string };
      /** A replayed code or refresh token revoked its family: worth a line in the log. */
      revokedFamily?: true;
    };

export interface TokenGrantDeps {
  store: OAuthStore;
  pepper: Uint8Array;
  clients: readonly TOAuthClient[];
  now: () => Date;
}

const tokenError = (status: 400 | 401, error: string, description: string): TTokenResult => ({
  ok: false,
  status,
  body: { error, error_description: description },
});

/** RFC 6749 §4.1.3: a redirect_uri sent to /authorize must come again, identical. */
function redirectMatches(client: TOAuthClient, bound: string | null, given: string | undefined): boolean {
  if (bound !== null) return given === bound;
  // A code issued before codes remembered their redirect_uri.
  return given === undefined || redirectAllowed(client, given);
}

/** RFC 9700 §2.1.1: a verifier without a challenge is a downgrade attempt, refused as well. */
function pkceMatches(challenge: string | null, verifier: string | undefined): boolean {
  return challenge !== null ? verifierMatches(challenge, verifier) : verifier === undefined;
}

export function createTokenGrants(deps: TokenGrantDeps): (request: TTokenRequest) => Promise<TTokenResult> {
  const { store, pepper } = deps;
  const expiry = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

  async function issueTokens(chat: TChatRef, clientId: string, familyId: string, at: Date): Promise<TTokenResult> {
    const access = newOAuthToken();
    const refresh = newOAuthToken();
    await store.saveTokens(chat, [
      {
        kind: 'access',
        tokenHash: hashOAuthToken(pepper, 'access', access),
        clientId,
        expiresAt: expiry(at, OAUTH_TTL_SECONDS.access),
        familyId,
      },
      {
        kind: 'refresh',
        tokenHash: hashOAuthToken(pepper, 'refresh', refresh),
        clientId,
        expiresAt: expiry(at, OAUTH_TTL_SECONDS.refresh),
        familyId,
      },
    ]);
    return {
      ok: true,
      body: {
        access_token: access,
        token_type: 'bearer',
        expires_in: OAUTH_TTL_SECONDS.access,
        refresh_token: refresh,
      },
    };
  }

  /** A token that was not spent now; a replayed one takes its whole family along (RFC 6749 §4.1.2, RFC 9700 §4.14.2). */
  async function refuse(
    spent: Exclude<TSpendResult, { kind: 'spent' }>,
    what: string,
    at: Date,
  ): Promise<TTokenResult> {
    if (spent.kind === 'invalid') return tokenError(400, 'invalid_grant', `the ${what} is unknown, used or expired`);
    await store.revokeFamily(spent.familyId, at);
    return {
      ok: false,
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: `the ${what} was used before: every token issued from it is revoked`,
      },
      revokedFamily: true,
    };
  }

  return async function token(request) {
    const client = findClient(deps.clients, request.clientId);
    if (!client || !secretMatches(client, request.clientSecret))
      return tokenError(401, 'invalid_client', 'unknown client or wrong secret');
    const at = deps.now();
    if (request.grantType === 'authorization_code') {
      if (!request.code) return tokenError(400, 'invalid_request', 'code is missing');
      const spent = await store.spend('code', hashOAuthToken(pepper, 'code', request.code), client.id, at);
      if (spent.kind !== 'spent') return refuse(spent, 'code', at);
      // Checked after spending: a stolen code tried without the right binding is burnt, not left for a retry.
      if (!redirectMatches(client, spent.redirectUri, request.redirectUri))
        return tokenError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
      if (!pkceMatches(spent.codeChallenge, request.codeVerifier))
        return tokenError(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
      return issueTokens(spent.chat, client.id, spent.familyId, at);
    }
    if (request.grantType === 'refresh_token') {
      if (!request.refreshToken) return tokenError(400, 'invalid_request', 'refresh_token is missing');
      const spent = await store.spend(
        'refresh',
        hashOAuthToken(pepper, 'refresh', request.refreshToken),
        client.id,
        at,
      );
      if (spent.kind !== 'spent') return refuse(spent, 'refresh token', at);
      await store.pruneFamily(spent.familyId, at);
      return issueTokens(spent.chat, client.id, spent.familyId, at);
    }
    return tokenError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  };
}
