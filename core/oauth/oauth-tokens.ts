import { createHmac, randomBytes } from 'node:crypto';
import type { TOAuthTokenKind } from './oauth-port';

// Tokens are 256 random bits, shown once and stored as HMAC-SHA256 under the server's pepper
// (like link codes, see core/linking/code-hash.ts): a leaked table grants nothing.

export const OAUTH_TTL_SECONDS: Record<TOAuthTokenKind, number> = {
  // RFC 6749 §4.1.2 recommends at most 10 minutes for an authorization code.
  code: 10 * 60,
  // A day at most (RFC 9700 §4.14: short-lived access tokens): a leaked one is soon useless, and
  // Yandex Dialogs and Amazon renew it with the refresh token, so the person stays signed in.
  access: 24 * 3600,
  // Rotated on every use, so this is how long a linked account may sit unused before signing in again.
  refresh: 365 * 24 * 3600,
};

export function newOAuthToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashOAuthToken(pepper: Uint8Array, kind: TOAuthTokenKind, token: string): string {
  return createHmac('sha256', pepper).update(`oauth:${kind}:${token}`).digest('hex');
}
