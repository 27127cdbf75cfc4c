import { randomUUID } from 'node:crypto';
import { CURRENT_CONSENT_VERSION, refusalMessage, type LinkService, type TChatRef, type TLinkLocale } from '../linking';
import { OAUTH_TEXTS } from './locales';
import { findClient, redirectAllowed, secretMatches, type TOAuthClient } from './oauth-clients';
import type { OAuthStore } from './oauth-port';
import { hashOAuthToken, newOAuthToken, OAUTH_TTL_SECONDS } from './oauth-tokens';

// OAuth 2.0 authorization-code flow (RFC 6749 §4.1) for Alice's account linking. The sign-in page
// is where the person types the school's code and accepts the consent; the chat it creates is
// what the tokens stand for, so a token answers exactly like a voice user who said the code.

export interface OAuthServiceDeps {
  store: OAuthStore;
  linking: LinkService;
  pepper: Uint8Array;
  clients: readonly TOAuthClient[];
  now?: () => Date;
}

export interface TAuthorizeRequest {
  clientId?: string;
  redirectUri?: string;
  state?: string;
  /** The school's code as typed. */
  code?: string;
  consented: boolean;
  locale: TLinkLocale;
  /** Who is trying (the client's IP): wrong codes are braked per key, as per chat in the bots. */
  remoteKey: string;
}

export type TAuthorizeResult =
  /** Client or redirect URI unknown: show an error, never redirect (RFC 6749 §4.1.2.1). */
  | { kind: 'bad_client' }
  /** Show the form again with this message. */
  | { kind: 'form'; message: string }
  | { kind: 'redirect'; location: string };

export interface TTokenRequest {
  grantType?: string;
  code?: string;
  refreshToken?: string;
  redirectUri?: string;
  clientId?: string;
  clientSecret?: string;
}

export type TTokenResult =
  | { ok: true; body: { access_token: string; token_type: 'bearer'; expires_in: number; refresh_token: string } }
  | { ok: false; status: 400 | 401; body: { error: string; error_description: string } };

export interface OAuthService {
  /** Whether the first page may be shown at all for these parameters. */
  clientKnown(clientId?: string, redirectUri?: string): boolean;
  authorize(request: TAuthorizeRequest): Promise<TAuthorizeResult>;
  token(request: TTokenRequest): Promise<TTokenResult>;
  /** The chat an access token stands for; null for an unknown, expired or forgotten one. */
  chatForToken(accessToken: string): Promise<TChatRef | null>;
}

const tokenError = (status: 400 | 401, error: string, description: string): TTokenResult => ({ ok: false, status, body: { error, error_description: description } });

export function createOAuthService(deps: OAuthServiceDeps): OAuthService {
  const { store, linking, pepper } = deps;
  const now = deps.now ?? (() => new Date());
  const expiry = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

  function client(clientId?: string, redirectUri?: string): TOAuthClient | null {
    const found = findClient(deps.clients, clientId);
    return found && redirectAllowed(found, redirectUri) ? found : null;
  }

  async function issueTokens(chat: TChatRef, clientId: string, at: Date): Promise<TTokenResult> {
    const access = newOAuthToken();
    const refresh = newOAuthToken();
    await store.saveTokens(chat, [
      { kind: 'access', tokenHash: hashOAuthToken(pepper, 'access', access), clientId, expiresAt: expiry(at, OAUTH_TTL_SECONDS.access) },
      { kind: 'refresh', tokenHash: hashOAuthToken(pepper, 'refresh', refresh), clientId, expiresAt: expiry(at, OAUTH_TTL_SECONDS.refresh) },
    ]);
    return { ok: true, body: { access_token: access, token_type: 'bearer', expires_in: OAUTH_TTL_SECONDS.access, refresh_token: refresh } };
  }

  return {
    clientKnown: (clientId, redirectUri) => client(clientId, redirectUri) !== null,

    async authorize(request) {
      const found = client(request.clientId, request.redirectUri);
      if (!found || !request.redirectUri) return { kind: 'bad_client' };
      const started = await linking.startLink({ channel: 'web', externalId: request.remoteKey }, request.code ?? '');
      if (!started.ok) return { kind: 'form', message: refusalMessage(request.locale, started) };
      // The code is checked before the consent box so that a wrong code is said first; nothing is stored without both.
      if (!request.consented) return { kind: 'form', message: OAUTH_TEXTS[request.locale].consentRequired };
      const chat: TChatRef = { channel: found.channel, externalId: `oauth:${randomUUID()}`, locale: request.locale };
      const accepted = await linking.acceptConsent(chat, started.pending, CURRENT_CONSENT_VERSION, 'web');
      if (!accepted.ok) return { kind: 'form', message: refusalMessage(request.locale, accepted) };
      const code = newOAuthToken();
      const at = now();
      await store.saveTokens(chat, [{ kind: 'code', tokenHash: hashOAuthToken(pepper, 'code', code), clientId: found.id, expiresAt: expiry(at, OAUTH_TTL_SECONDS.code) }]);
      const location = new URL(request.redirectUri);
      location.searchParams.set('code', code);
      if (request.state) location.searchParams.set('state', request.state);
      return { kind: 'redirect', location: location.toString() };
    },

    async token(request) {
      const found = findClient(deps.clients, request.clientId);
      if (!found || !secretMatches(found, request.clientSecret)) return tokenError(401, 'invalid_client', 'unknown client or wrong secret');
      const at = now();
      if (request.grantType === 'authorization_code') {
        if (request.redirectUri !== undefined && !redirectAllowed(found, request.redirectUri)) return tokenError(400, 'invalid_grant', 'redirect_uri does not match');
        const chat = request.code ? await store.spend('code', hashOAuthToken(pepper, 'code', request.code), found.id, at) : null;
        if (!chat) return tokenError(400, 'invalid_grant', 'the code is unknown, used or expired');
        return issueTokens(chat, found.id, at);
      }
      if (request.grantType === 'refresh_token') {
        const chat = request.refreshToken ? await store.spend('refresh', hashOAuthToken(pepper, 'refresh', request.refreshToken), found.id, at) : null;
        if (!chat) return tokenError(400, 'invalid_grant', 'the refresh token is unknown, used or expired');
        return issueTokens(chat, found.id, at);
      }
      return tokenError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
    },

    chatForToken: (accessToken) => store.chatForAccessToken(hashOAuthToken(pepper, 'access', accessToken), now()),
  };
}
