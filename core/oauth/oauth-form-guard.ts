import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// CSRF protection of the sign-in form: the page sets a random value in a cookie and puts into the
// form a token signed over that value and the time. Another site can make a browser post the form
// but can read neither the cookie nor our page, so it cannot produce a token that matches.

/** How long a sign-in page may stay open before its form must be reloaded. */
export const FORM_TOKEN_TTL_SECONDS = 60 * 60;

const BINDING = /^[A-Za-z0-9_-]{43}$/;

export interface OAuthFormGuard {
  /** A fresh random value for the cookie the form is bound to. */
  newBinding(): string;
  /** Whether a cookie value is one we could have set (anything else gets a new one). */
  wellFormed(binding: string | undefined): binding is string;
  /** The token the form carries, for this cookie value, now. */
  issue(binding: string): string;
  /** Whether the form's token was issued for this cookie value and is still fresh. */
  valid(binding: string | undefined, token: string | undefined): boolean;
}

export function createFormGuard(key: Uint8Array, now: () => Date): OAuthFormGuard {
  const mac = (binding: string, issuedAt: number) =>
    createHmac('sha256', key).update(`oauth:form:${binding}:${issuedAt}`).digest('base64url');
  const seconds = () => Math.floor(now().getTime() / 1000);

  return {
    newBinding: () => randomBytes(32).toString('base64url'),
    wellFormed: (binding): binding is string => binding !== undefined && BINDING.test(binding),
    issue(binding) {
      const at = seconds();
      return `${at}.${mac(binding, at)}`;
    },
    valid(binding, token) {
      if (!binding || !BINDING.test(binding) || !token) return false;
      const dot = token.indexOf('.');
      const at = token.slice(0, dot);
      if (dot < 0 || !/^\d{1,12}$/.test(at)) return false;
      const issuedAt = Number(at);
      const age = seconds() - issuedAt;
      if (age < 0 || age > FORM_TOKEN_TTL_SECONDS) return false;
      const a = Buffer.from(token.slice(dot + 1));
      const b = Buffer.from(mac(binding, issuedAt));
      return a.length === b.length && timingSafeEqual(a, b);
    },
  };
}
