import { timingSafeEqual } from 'node:crypto';
import type { TLinkChannel } from '../linking/linking-types';

/** A client allowed to link accounts: Yandex Dialogs for the Alice skill, Amazon for Alexa. */
export interface TOAuthClient {
  id: string;
  secret: string;
  /** The voice channel whose users the client links: the chat the sign-in page creates is of it. */
  channel: Extract<TLinkChannel, 'alice' | 'alexa'>;
  /** Exact redirect URIs the client may send people back to (an open redirect otherwise). */
  redirectUris: readonly string[];
}

export function findClient(clients: readonly TOAuthClient[], clientId: string | undefined): TOAuthClient | null {
  return clients.find((c) => c.id === clientId) ?? null;
}

export function redirectAllowed(client: TOAuthClient, redirectUri: string | undefined): boolean {
  return redirectUri !== undefined && client.redirectUris.includes(redirectUri);
}

/** Constant-time comparison, so the secret cannot be guessed byte by byte from response times. */
export function secretMatches(client: TOAuthClient, secret: string | undefined): boolean {
  if (secret === undefined) return false;
  const a = Buffer.from(client.secret);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
