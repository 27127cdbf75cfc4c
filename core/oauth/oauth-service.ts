import { randomUUID } from 'node:crypto';
import type { TLang } from '../i18n';
import {
  CURRENT_CONSENT_VERSION,
  type LinkService,
  refusalMessage,
  type TChatRef,
  type TVoiceChannel,
} from '../linking';
import { OAUTH_TEXTS } from './locales';
import { findClient, redirectAllowed, type TOAuthClient } from './oauth-clients';
import { createFormGuard, type OAuthFormGuard } from './oauth-form-guard';
import { createTokenGrants, type TTokenRequest, type TTokenResult } from './oauth-grants';
import { readChallenge } from './oauth-pkce';
import type { OAuthStore } from './oauth-port';
import { hashOAuthToken, newOAuthToken, OAUTH_TTL_SECONDS } from './oauth-tokens';

// OAuth 2.0 authorization-code flow (RFC 6749 §4.1) for the voice skills' account linking: one
// client per platform (Yandex Dialogs for Alice, Amazon for Alexa). The sign-in page is where the
// person types the school's code and accepts the consent; the chat it creates, of the client's
// channel, is what the tokens stand for, so a token answers exactly like a voice user who said the code.

export type { TTokenRequest, TTokenResult };

export interface OAuthServiceDeps {
  store: OAuthStore;
  linking: LinkService;
  pepper: Uint8Array;
  clients: readonly TOAuthClient[];
  now?: () => Date;
}

/** The parameters of an authorization request (the query of GET /oauth/authorize, kept in the form). */
export interface TAuthorizationParams {
  clientId?: string;
  redirectUri?: string;
  state?: string;
  /** PKCE (RFC 7636): optional, S256 only. */
  codeChallenge?: string;
  codeChallengeMethod?: string;
}

export interface TAuthorizeRequest extends TAuthorizationParams {
  /** The school's code as typed. */
  code?: string;
  consented: boolean;
  locale: TLang;
  /** Who is trying (the client's IP): wrong codes are braked per key, as per chat in the bots. */
  remoteKey: string;
}

export type TAuthorizeResult =
  /** Client or redirect URI unknown: show an error, never redirect (RFC 6749 §4.1.2.1). */
  | { kind: 'bad_client' }
  /** Show the form again with this message. */
  | { kind: 'form'; message: string }
  /** Back to the client: with a code, or with an error for a malformed request. */
  | { kind: 'redirect'; location: string };

export interface OAuthService {
  /** Refuses an authorization request before the page is shown; null when the form may be shown. */
  checkRequest(request: TAuthorizationParams): TRefusal | null;
  authorize(request: TAuthorizeRequest): Promise<TAuthorizeResult>;
  token(request: TTokenRequest): Promise<TTokenResult>;
  /**
   * The chat an access token stands for, when it was issued to the client of `channel`: null for an
   * unknown, expired, revoked or forgotten token, or one of the other platform's client.
   */
  chatForToken(accessToken: string, channel: TVoiceChannel): Promise<TChatRef | null>;
  /** The platform a client id belongs to (for the sign-in page's words); null for an unknown one. */
  channelOf(clientId: string | undefined): TVoiceChannel | null;
  /** CSRF tokens of the sign-in form. */
  form: OAuthFormGuard;
}

type TRefusal = Exclude<TAuthorizeResult, { kind: 'form' }>;
type TChecked =
  | { ok: false; refusal: TRefusal }
  | { ok: true; client: TOAuthClient; redirectUri: string; challenge?: string };

function backTo(redirectUri: string, params: Record<string, string | undefined>): string {
  const location = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value) location.searchParams.set(name, value);
  return location.toString();
}

export function createOAuthService(deps: OAuthServiceDeps): OAuthService {
  const { store, linking, pepper } = deps;
  const now = deps.now ?? (() => new Date());

  function check(request: TAuthorizationParams): TChecked {
    const client = findClient(deps.clients, request.clientId);
    const redirectUri = request.redirectUri;
    if (!client || !redirectUri || !redirectAllowed(client, redirectUri))
      return { ok: false, refusal: { kind: 'bad_client' } };
    // The client and its redirect URI are known, so a bad PKCE parameter goes back to it (RFC 7636 §4.4.1).
    const pkce = readChallenge(request.codeChallenge, request.codeChallengeMethod);
    if (!pkce.ok)
      return {
        ok: false,
        refusal: {
          kind: 'redirect',
          location: backTo(redirectUri, {
            error: 'invalid_request',
            error_description: pkce.description,
            state: request.state,
          }),
        },
      };
    return { ok: true, client, redirectUri, challenge: pkce.challenge };
  }

  return {
    checkRequest(request) {
      const checked = check(request);
      return checked.ok ? null : checked.refusal;
    },

    async authorize(request) {
      const checked = check(request);
      if (!checked.ok) return checked.refusal;
      const started = await linking.startLink({ channel: 'web', externalId: request.remoteKey }, request.code ?? '');
      if (!started.ok) return { kind: 'form', message: refusalMessage(request.locale, started) };
      // The code is checked before the consent box so that a wrong code is said first; nothing is stored without both.
      if (!request.consented) return { kind: 'form', message: OAUTH_TEXTS[request.locale].consentRequired };
      const chat: TChatRef = {
        channel: checked.client.channel,
        externalId: `oauth:${randomUUID()}`,
        locale: request.locale,
      };
      const accepted = await linking.acceptConsent(chat, started.pending, CURRENT_CONSENT_VERSION, 'web');
      if (!accepted.ok) return { kind: 'form', message: refusalMessage(request.locale, accepted) };
      const code = newOAuthToken();
      const expiresAt = new Date(now().getTime() + OAUTH_TTL_SECONDS.code * 1000);
      // The code remembers where it was sent and its PKCE challenge: its exchange must match both.
      const { client, redirectUri, challenge } = checked;
      await store.saveTokens(chat, [
        {
          kind: 'code',
          tokenHash: hashOAuthToken(pepper, 'code', code),
          clientId: client.id,
          expiresAt,
          redirectUri,
          codeChallenge: challenge,
        },
      ]);
      return { kind: 'redirect', location: backTo(redirectUri, { code, state: request.state }) };
    },

    token: createTokenGrants({ store, pepper, clients: deps.clients, now }),

    async chatForToken(accessToken, channel) {
      const chat = await store.chatForAccessToken(hashOAuthToken(pepper, 'access', accessToken), now());
      // The sign-in page made the chat of its client's channel: a token of Alice's client is no Alexa user.
      return chat?.channel === channel ? chat : null;
    },

    channelOf: (clientId) => findClient(deps.clients, clientId)?.channel ?? null,

    form: createFormGuard(pepper, now),
  };
}
