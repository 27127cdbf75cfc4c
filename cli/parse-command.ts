import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { TLang } from '../core/i18n';
import { unprintableReason } from '../core/input';
import type { ParseOptions } from '../core/nlu';
import { formatQueryJson, parseUtterance } from '../core/nlu';
import { argsErrorLine, unprintableArgument } from './argv-checks';
import { instantOption } from './date-options';

// `dnevnik parse` (README "Command line"): pure NLU, no database, so it starts fast and can be
// fed a corpus on stdin.

export async function parseCommand(
  args: string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const unprintable = unprintableArgument(args);
  if (unprintable) {
    io.stderr.write(`dnevnik parse: ${unprintable}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { lang: { type: 'string' }, now: { type: 'string' }, tz: { type: 'string' } },
    });
  } catch (err) {
    const refused = argsErrorLine(err);
    if (!refused) throw err;
    io.stderr.write(`dnevnik parse: ${refused}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && values.lang !== 'ru' && values.lang !== 'en') {
    io.stderr.write('dnevnik parse: --lang must be ru or en\n');
    return 2;
  }
  const options: ParseOptions = { lang: values.lang as TLang | undefined, now: values.now, tz: values.tz };
  try {
    // Bad --now/--tz fail here once, not on every line; --now in the words every command uses for a date.
    if (values.now !== undefined) instantOption('--now', values.now);
    parseUtterance('', options);
  } catch (err) {
    io.stderr.write(`dnevnik parse: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (positionals.length > 0) {
    io.stdout.write(`${formatQueryJson(parseUtterance(positionals.join(' '), options))}\n`);
    return 0;
  }
  const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
  // A line with NUL is no utterance: it is named on stderr (by its number), the others are parsed, and the exit code tells.
  let number = 0;
  let refused = 0;
  for await (const line of lines) {
    number++;
    const reason = unprintableReason(line);
    if (reason) {
      refused++;
      io.stderr.write(`dnevnik parse: line ${number} ${reason}\n`);
      continue;
    }
    io.stdout.write(`${formatQueryJson(parseUtterance(line, options))}\n`);
  }
  return refused > 0 ? 1 : 0;
}
