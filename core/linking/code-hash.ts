import { createHmac } from 'node:crypto';

// Codes are stored as HMAC-SHA256 under a server-side secret (the "pepper"), never in clear.
// Why not plain SHA-256: there are only ~7·10¹¹ codes, so a leaked LinkCode table could be
// reversed offline by hashing every possible code — minutes on one GPU. Why not a salted slow
// hash (scrypt/argon2): a code is looked up by its hash through a unique index, which a per-row
// salt rules out, and a slow hash of a 40-bit secret only buys a constant factor anyway. With a
// 256-bit pepper kept outside the database, a leaked table (or backup) reveals nothing; only the
// database and the pepper together would, and whoever holds both holds the diary data already.

/** Hash of a code (12 digits) as stored in LinkCode.codeHash. */
export function hashLinkCode(pepper: Uint8Array, code: string): string {
  return createHmac('sha256', pepper).update(`link-code:${code}`).digest('hex');
}

/**
 * Pseudonymous key of a chat for LinkAttempt: the brakes only need to tell chats apart, so the
 * attempt log never holds a Telegram or VK id (it outlives /forget, on purpose: forgetting must
 * not reset the brake).
 */
export function hashChatKey(pepper: Uint8Array, channel: string, externalId: string): string {
  return createHmac('sha256', pepper).update(`chat:${channel}:${externalId}`).digest('base64url').slice(0, 32);
}
