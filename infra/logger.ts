import pino, { type Logger } from 'pino';

export type { Logger };

// Logs carry ids (request, update, person, student), never names, grades, codes or tokens.
// The redact list is a second line of defence for fields that might slip through.
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'dnevnik' },
      redact: {
        paths: ['*.token', '*.secret', '*.code', '*.password', 'req.headers.authorization', 'req.headers["x-telegram-bot-api-secret-token"]', 'req.headers["x-dnevnik-signature"]'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
