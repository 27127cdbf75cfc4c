import { randomInt } from 'node:crypto';

// The handle a pending link is found by. Letters only: a button or a voice session then holds no
// digit that could be mistaken for (or be) part of a code, and 24 of 52 letters (≈137 bits) cannot
// be guessed — a handle is bound to its chat besides.

export const PENDING_LINK_TTL_MS = 15 * 60_000;
export const PENDING_HANDLE_PATTERN = /^[A-Za-z]{24}$/;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function newPendingHandle(): string {
  let handle = '';
  for (let i = 0; i < 24; i += 1) handle += LETTERS[randomInt(LETTERS.length)];
  return handle;
}
