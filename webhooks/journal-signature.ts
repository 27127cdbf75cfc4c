import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_TOLERANCE_SECONDS = 300;

export type TSignatureCheck = { ok: true } | { ok: false; reason: string };

/** HMAC-SHA256 over `<timestamp>.<raw body>` (README "Journal ingestion API"), hex, as `sha256=<hex>`. */
export function signJournalBody(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export function verifyJournalSignature(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  rawBody: Buffer,
  nowSeconds: number,
): TSignatureCheck {
  const { timestamp, signature } = headers;
  if (!timestamp || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'missing or malformed X-Dnevnik-Timestamp' };
  if (Math.abs(nowSeconds - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) {
    return { ok: false, reason: 'X-Dnevnik-Timestamp is more than 300 s from now' };
  }
  if (!signature || !/^sha256=[0-9a-fA-F]{64}$/.test(signature))
    return { ok: false, reason: 'missing or malformed X-Dnevnik-Signature' };
  const expected = Buffer.from(signJournalBody(secret, timestamp, rawBody).slice(7), 'hex');
  const given = Buffer.from(signature.slice(7), 'hex');
  // Constant-time: the comparison must not tell an attacker how many leading bytes matched.
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'signature does not match' };
  return { ok: true };
}
