/** Every route refuses bodies over 1 MiB with 413 (README "HTTP"). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A client must send a request's headers within 10 s and the whole request within 15 s, or the
 * connection is closed (408): a slow sender would otherwise hold a socket and its memory as long
 * as it liked. Webhook platforms send in milliseconds.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 15_000;
