import express, { Router, type Request, type Response } from 'express';
import type { TLinkLocale } from '../core/linking';
import type { OAuthService } from '../core/oauth';
import { MAX_BODY_BYTES } from './limits';
import { oauthErrorPage, oauthFormPage } from './oauth-page';

// Account linking for the Alice skill (OAuth 2.0 authorization code, RFC 6749 §4.1):
//   GET  /oauth/authorize  the sign-in page (code from the school's letter + consent)
//   POST /oauth/authorize  checks both, links, redirects back to Yandex with a one-time code
//   POST /oauth/token      Yandex exchanges that code (or a refresh token) for tokens

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Basic credentials are form-encoded (RFC 6749 §2.3.1); a malformed escape is simply a wrong credential. */
function formDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function localeOf(req: Request): TLinkLocale {
  const asked = str(req.query.lang) ?? req.acceptsLanguages('ru', 'en') ?? 'ru';
  return asked === 'en' ? 'en' : 'ru';
}

function sendPage(res: Response, status: number, html: string) {
  // The page takes a secret code: it must not be framed by another site or cached on the way.
  res.status(status).set({ 'Content-Type': 'text/html; charset=utf-8', 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https:" }).send(html);
}

/** client_id/client_secret from HTTP Basic (RFC 6749 §2.3.1) or, failing that, from the form. */
function clientCredentials(req: Request): { clientId?: string; clientSecret?: string } {
  const header = req.get('authorization');
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  }
  return { clientId: str(req.body?.client_id), clientSecret: str(req.body?.client_secret) };
}

export function oauthRoute(oauth: OAuthService): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: MAX_BODY_BYTES });

  router.get('/oauth/authorize', (req, res) => {
    const locale = localeOf(req);
    const clientId = str(req.query.client_id);
    const redirectUri = str(req.query.redirect_uri);
    if (str(req.query.response_type) !== 'code' || !oauth.clientKnown(clientId, redirectUri)) return sendPage(res, 400, oauthErrorPage(locale));
    sendPage(res, 200, oauthFormPage(locale, { clientId: clientId!, redirectUri: redirectUri!, state: str(req.query.state) ?? '', code: '' }));
  });

  router.post('/oauth/authorize', form, async (req, res) => {
    const locale = localeOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = { clientId: str(body.client_id) ?? '', redirectUri: str(body.redirect_uri) ?? '', state: str(body.state) ?? '', code: str(body.code) ?? '' };
    const result = await oauth.authorize({ ...values, consented: body.consent === 'yes', locale, remoteKey: req.ip ?? 'unknown' });
    if (result.kind === 'bad_client') return sendPage(res, 400, oauthErrorPage(locale));
    if (result.kind === 'form') return sendPage(res, 200, oauthFormPage(locale, { ...values, code: '' }, result.message));
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
    });
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    res.status(result.ok ? 200 : result.status).json(result.body);
  });

  return router;
}
