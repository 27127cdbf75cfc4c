import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { formatQueryJson } from '../core/nlu/format-query';
import { parseUtterance } from '../core/nlu/parse-utterance';
import type { ParseOptions } from '../core/nlu/types';

// `dnevnik parse` (CONTRACT section 5): pure NLU, no database, so it starts fast and can be
// fed a corpus on stdin.

export async function parseCommand(args: string[], io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { lang: { type: 'string' }, now: { type: 'string' }, tz: { type: 'string' } } });
  if (values.lang !== undefined && values.lang !== 'ru' && values.lang !== 'en') {
    io.stderr.write('dnevnik parse: --lang must be ru or en\n');
    return 2;
  }
  const options: ParseOptions = { lang: values.lang as 'ru' | 'en' | undefined, now: values.now, tz: values.tz };
  try {
    // Bad --now/--tz fail here once, not on every line.
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
  for await (const line of lines) io.stdout.write(`${formatQueryJson(parseUtterance(line, options))}\n`);
  return 0;
}
