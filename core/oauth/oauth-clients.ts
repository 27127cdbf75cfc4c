import { timingSafeEqual } from 'node:crypto';
import type { TVoiceChannel } from '../linking/linking-types';

/** A client allowed to link accounts: Yandex Dialogs for the Alice skill, Amazon for Alexa. */
export interface TOAuthClient {
  id: string;
  secret: string;
  /** The voice channel whose users the client links: the chat the sign-in page creates is of it. */
  channel: TVoiceChannel;
  /** Exact redirect URIs the client may send people back to (an open redirect otherwise). */
  redirectUris: readonly string[];
  /**
   * Or a pattern a redirect URI must match whole, for a platform whose URIs carry an id of the
   * developer: Amazon's, one path per vendor id (amazon-redirects.ts).
   */
  redirectPattern?: RegExp;
}

export function findClient(clients: readonly TOAuthClient[], clientId: string | undefined): TOAuthClient | null {
  return clients.find((c) => c.id === clientId) ?? null;
}

export function redirectAllowed(client: TOAuthClient, redirectUri: string | undefined): boolean {
  if (redirectUri === undefined) return false;
  return client.redirectUris.includes(redirectUri) || (client.redirectPattern?.test(redirectUri) ?? false);
}

/** Constant-time comparison, so the secret cannot be guessed byte by byte from response times. */
export function secretMatches(client: TOAuthClient, secret: string | undefined): boolean {
  if (secret === undefined) return false;
  const a = Buffer.from(client.secret);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
