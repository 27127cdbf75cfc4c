import type { Request, Response } from 'express';
import { FORM_TOKEN_TTL_SECONDS, type OAuthFormGuard } from '../core/oauth';

// The sign-in form's defences against cross-site requests (RFC 9700 §4.7 for the sign-in page):
// a cookie the form's CSRF token is bound to, and the Origin check of the POST.

export const FORM_COOKIE = 'dnevnik_oauth_form';

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Binds the page to a cookie and returns the form's token. A well-formed cookie the browser
 * already holds is kept, so two open sign-in pages both work.
 */
export function startFormSession(
  req: Request,
  res: Response,
  guard: OAuthFormGuard,
  publicUrl: string | undefined,
): string {
  const held = cookieValue(req, FORM_COOKIE);
  const binding = guard.wellFormed(held) ? held : guard.newBinding();
  const secure = publicUrl ? publicUrl.startsWith('https:') : req.secure;
  res.cookie(FORM_COOKIE, binding, {
    httpOnly: true,
    secure,
    sameSite: 'lax',
    path: '/oauth',
    maxAge: FORM_TOKEN_TTL_SECONDS * 1000,
  });
  return guard.issue(binding);
}

/** Whether the posted form carries the token of the page this browser was given. */
export function formSessionValid(req: Request, guard: OAuthFormGuard, token: string | undefined): boolean {
  return guard.valid(cookieValue(req, FORM_COOKIE), token);
}

/**
 * Browsers send Origin with every POST; when present it must be ours: PUBLIC_URL's origin, or
 * without PUBLIC_URL the host the request was sent to (behind a proxy the scheme is not known).
 */
export function foreignOrigin(req: Request, publicUrl: string | undefined): boolean {
  const origin = req.get('origin');
  if (origin === undefined) return false;
  if (publicUrl) return origin !== new URL(publicUrl).origin;
  try {
    return new URL(origin).host !== req.get('host');
  } catch {
    // "null" (a sandboxed or privacy-redirected page) and anything unparsable is not us.
    return true;
  }
}
