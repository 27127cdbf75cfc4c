import { createHmac, randomBytes } from 'node:crypto';

// A feed's URL is its only key: calendar apps fetch it without any sign-in, so the token must be
// as hard to guess as a password. 24 random bytes (192 bits) in base64url are 32 URL-safe
// characters. Only an HMAC under the link-code pepper is stored (as link codes are,
// core/linking/code-hash.ts): a leaked CalendarFeed table or backup opens no feed.

const TOKEN_BYTES = 24;
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function newFeedToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** What CalendarFeed.tokenHash stores; the prefix keeps it apart from every other HMAC under the same pepper. */
export function hashFeedToken(pepper: Uint8Array, token: string): string {
  return createHmac('sha256', pepper).update(`calendar-feed:${token}`).digest('hex');
}
