import pino, { type Logger } from 'pino';
import { prettyLogs, type TLogFormat } from './log-format';
import { loggedError } from './logged-error';

export type { Logger };

// Logs carry ids (request, update, person, student) and a chat's keyed log reference
// (core/logging), never a platform's user or chat id, names, grades, codes or tokens. An error is
// its name, message and code only (logged-error.ts), so what a failed query held stays out.
// The redact list is a second line of defence for fields that might slip through.
// Pretty lines are drawn from the JSON line pino has already redacted and serialized, so the
// rules above hold in either format.
export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  options: { format?: TLogFormat } = {},
): Logger {
  const pretty = prettyLogs(options.format ?? 'json', Boolean(process.stdout.isTTY));
  const target = pretty
    ? prettyStream()({ destination: destination ?? 1, sync: true, ignore: 'pid,hostname,service' })
    : destination;
  return pino(
    {
      level,
      base: { service: 'dnevnik' },
      serializers: { err: loggedError },
      hooks: {
        // A line without a message of its own gets pino's copy of the error's raw message: give it the reduced one.
        logMethod(args, method) {
          const [first] = args;
          if (args.length === 1 && typeof first === 'object' && first !== null && !('msg' in first)) {
            const err: unknown = first instanceof Error ? first : (first as { err?: unknown }).err;
            if (err !== undefined) return method.apply(this, [first, loggedError(err).message]);
          }
          return method.apply(this, args);
        },
      },
      redact: {
        // `err` is listed whole so that the `*.` paths pass over it: its serializer has already
        // reduced it, and an error's code (23505, P2002) is no secret; the censor lets it through.
        paths: [
          'err',
          '*.token',
          '*.secret',
          '*.code',
          '*.password',
          'req.headers.authorization',
          'req.headers["x-telegram-bot-api-secret-token"]',
          'req.headers["x-dnevnik-signature"]',
        ],
        censor: (value: unknown, path: string[]) => (path.length === 1 && path[0] === 'err' ? value : '[redacted]'),
      },
    },
    target,
  );
}

/** Loaded only when wanted: processes writing JSON (every server in production) never load it. */
function prettyStream(): typeof import('pino-pretty') {
  return require('pino-pretty');
}
