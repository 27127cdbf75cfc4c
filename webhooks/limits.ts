/** Every route refuses bodies over 1 MiB with 413 (CONTRACT section 3). */
export const MAX_BODY_BYTES = 1024 * 1024;
