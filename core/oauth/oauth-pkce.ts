import { createHash, timingSafeEqual } from 'node:crypto';

// PKCE (RFC 7636), S256 only: "plain" would hand the verifier to whoever sees the authorization
// request (RFC 9700 §2.1.1). Yandex may send no challenge at all; then the code has none.

/** An S256 challenge is BASE64URL(SHA-256(verifier)): always 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** RFC 7636 §4.1: 43–128 characters of the unreserved set. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export type TChallengeCheck = { ok: true; challenge?: string } | { ok: false; description: string };

/** Reads code_challenge and code_challenge_method of an authorization request. */
export function readChallenge(challenge: string | undefined, method: string | undefined): TChallengeCheck {
  if (challenge === undefined || challenge === '') {
    return method ? { ok: false, description: 'code_challenge_method without code_challenge' } : { ok: true };
  }
  // A missing method means "plain" (RFC 7636 §4.3), which is refused like an explicit one.
  if (method !== 'S256') return { ok: false, description: 'code_challenge_method must be S256' };
  if (!S256_CHALLENGE.test(challenge))
    return { ok: false, description: 'code_challenge must be 43 base64url characters' };
  return { ok: true, challenge };
}

/** Whether a token request's code_verifier answers the code's challenge (compared in constant time). */
export function verifierMatches(challenge: string, verifier: string | undefined): boolean {
  if (verifier === undefined || !VERIFIER.test(verifier)) return false;
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
