/**
 * An error no command expected, as the one line `dnevnik` prints for it before exiting 1 — the
 * same line whether the command ran here or in the running server.
 */
export function failureLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `dnevnik: ${message.trim().replace(/\s*\n\s*/g, ' ')}\n`;
}
