import express, { type Request, type Response, Router } from 'express';
import type { TLang } from '../core/i18n';
import type { TVoiceChannel } from '../core/linking';
import type { OAuthService, TAuthorizationParams } from '../core/oauth';
import { MAX_BODY_BYTES } from './limits';
import { foreignOrigin, formSessionValid, startFormSession } from './oauth-form-session';
import { oauthErrorPage, oauthFormPage } from './oauth-page';

// Account linking for the voice skills (OAuth 2.0 authorization code, RFC 6749 §4.1), one client
// per platform (Yandex Dialogs for Alice, Amazon for Alexa), the page naming the client's assistant:
//   GET  /oauth/authorize  the sign-in page (code from the school's letter + consent)
//   POST /oauth/authorize  checks both, links, redirects back to the platform with a one-time code
//   POST /oauth/token      the platform exchanges that code (or a refresh token) for tokens

export interface OAuthRouteOptions {
  /** PUBLIC_URL: the origin the sign-in form must be posted from. */
  publicUrl?: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Basic credentials are form-encoded (RFC 6749 §2.3.1); a malformed escape is simply a wrong credential. */
function formDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function localeOf(req: Request): TLang {
  const asked = str(req.query.lang) ?? req.acceptsLanguages('ru', 'en') ?? 'ru';
  return asked === 'en' ? 'en' : 'ru';
}

function sendPage(res: Response, status: number, html: string) {
  // The page takes a secret code: it must not be framed by another site or cached on the way.
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https:",
    })
    .send(html);
}

/** client_id/client_secret from HTTP Basic (RFC 6749 §2.3.1) or, failing that, from the form. */
function clientCredentials(req: Request): { clientId?: string; clientSecret?: string } {
  const header = req.get('authorization');
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0)
      return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  }
  return { clientId: str(req.body?.client_id), clientSecret: str(req.body?.client_secret) };
}

/** The authorization request's parameters, from the query (GET) or the form's hidden fields (POST). */
function authorizationParams(source: Record<string, unknown>): Required<TAuthorizationParams> {
  return {
    clientId: str(source.client_id) ?? '',
    redirectUri: str(source.redirect_uri) ?? '',
    state: str(source.state) ?? '',
    codeChallenge: str(source.code_challenge) ?? '',
    codeChallengeMethod: str(source.code_challenge_method) ?? '',
  };
}

export function oauthRoute(oauth: OAuthService, options: OAuthRouteOptions = {}): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: MAX_BODY_BYTES });
  const showForm = (
    req: Request,
    res: Response,
    platform: TVoiceChannel,
    params: Required<TAuthorizationParams>,
    message?: string,
  ) =>
    sendPage(
      res,
      200,
      oauthFormPage(
        localeOf(req),
        platform,
        { ...params, code: '', csrf: startFormSession(req, res, oauth.form, options.publicUrl) },
        message,
      ),
    );

  router.get('/oauth/authorize', (req, res) => {
    const locale = localeOf(req);
    const params = authorizationParams(req.query);
    const platform = oauth.channelOf(params.clientId);
    if (str(req.query.response_type) !== 'code')
      return sendPage(res, 400, oauthErrorPage(locale, platform ?? 'unknown'));
    const refused = oauth.checkRequest(params);
    if (!platform || refused?.kind === 'bad_client')
      return sendPage(res, 400, oauthErrorPage(locale, platform ?? 'unknown'));
    if (refused) return res.redirect(302, refused.location);
    showForm(req, res, platform, params);
  });

  router.post('/oauth/authorize', form, async (req, res) => {
    const locale = localeOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const params = authorizationParams(body);
    // Only for the words of the page: the client id is checked with the rest of the request below.
    const platform = oauth.channelOf(params.clientId);
    // A form posted from another site, or without the token of a page we served, changes nothing.
    if (foreignOrigin(req, options.publicUrl))
      return sendPage(res, 403, oauthErrorPage(locale, platform ?? 'unknown', 'foreignOrigin'));
    if (!formSessionValid(req, oauth.form, str(body.csrf)))
      return sendPage(res, 403, oauthErrorPage(locale, platform ?? 'unknown', 'formExpired'));
    if (!platform) return sendPage(res, 400, oauthErrorPage(locale, 'unknown'));
    const result = await oauth.authorize({
      ...params,
      code: str(body.code) ?? '',
      consented: body.consent === 'yes',
      locale,
      remoteKey: req.ip ?? 'unknown',
    });
    if (result.kind === 'bad_client') return sendPage(res, 400, oauthErrorPage(locale, platform));
    if (result.kind === 'form') return showForm(req, res, platform, params, result.message);
    res.redirect(302, result.location);
  });

  router.post('/oauth/token', form, express.json({ limit: MAX_BODY_BYTES }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const result = await oauth.token({
      ...clientCredentials(req),
      grantType: str(body.grant_type),
      code: str(body.code),
      refreshToken: str(body.refresh_token),
      redirectUri: str(body.redirect_uri),
      codeVerifier: str(body.code_verifier),
    });
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    if (result.ok) return res.status(200).json(result.body);
    // RFC 6749 §5.2: a refused client is told how to authenticate.
    if (result.status === 401) res.set('WWW-Authenticate', 'Basic realm="dnevnik"');
    if (result.revokedFamily)
      req.log.warn({ grant: str(body.grant_type) }, 'oauth token replayed: its family is revoked');
    res.status(result.status).json(result.body);
  });

  return router;
}
