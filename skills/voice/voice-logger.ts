/** The slice of a logger the skills use; pino fits it. Ids only, never names or grades. */
export interface TVoiceLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export const silentVoiceLogger: TVoiceLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
