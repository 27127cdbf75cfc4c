import { unprintableReason } from '../core/input';

// Arguments reach the database (ids, dates) or a parser: one with NUL or a lone surrogate — which
// a shell cannot pass, but the running server's CLI route and callers in-process can — is refused
// with one line before anything runs, as is an option the command does not know.

/** Why an argument cannot be used, as one line; null when every argument is printable text. */
export function unprintableArgument(args: readonly string[]): string | null {
  for (const [i, arg] of args.entries()) {
    const reason = unprintableReason(arg);
    if (reason) return `argument ${i + 1} ${reason}`;
  }
  return null;
}

/**
 * node:util parseArgs refusing the arguments (an unknown option, a missing value, an unexpected
 * positional) as one line, without Node's advice on '--'; null for any other error.
 */
export function argsErrorLine(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return null;
  const first = (err as Error).message.split(/\.\s/)[0].replace(/\.$/, '');
  return `${first} (dnevnik --help lists the options)`;
}
