import { createHash } from 'node:crypto';

// How a VK messages.send is made safe to repeat and what its errors mean; shared by the bot's
// replies and the alert workers.

/** VK's random_id (int32) from a key naming what is sent: the same key, the same id, so VK drops a repeat. */
export function vkRandomId(key: string): number {
  return createHash('sha256').update(key).digest().readInt32BE(0);
}

export type TVkErrorKind = 'too-many' | 'transient' | 'blocked' | 'rejected';

/**
 * 6: too many requests per second; 9: flood control; 10: internal error — all pass with time.
 * 900: the user blacklisted the community; 901: no permission to write first; 902: privacy settings.
 */
export function vkErrorKind(code: number): TVkErrorKind {
  if (code === 6) return 'too-many';
  if (code === 9 || code === 10 || code === 0) return 'transient';
  if (code === 900 || code === 901 || code === 902) return 'blocked';
  return 'rejected';
}
