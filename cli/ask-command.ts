import { parseArgs } from 'node:util';
import { renderAnswer, stripHtml } from '../core/answers';
import type { Runtime } from '../runtime/runtime';
import { instantOption } from './date-options';
import { missingIdLine } from './unknown-id';

// `dnevnik ask` (README "Command line"): what a channel would show and say, through the same
// answer service the bots and skills use.

const CHANNELS = ['telegram', 'vk', 'max', 'alice', 'alexa'] as const;
type TAskChannel = (typeof CHANNELS)[number];

export interface TAskArgs {
  user: string;
  channel: TAskChannel;
  now: Date;
  text: string;
}

export const ASK_USAGE =
  'usage: dnevnik ask --user <personId> [--channel telegram|vk|max|alice|alexa] [--now ISO] "<utterance>"\n';

/** Options → arguments, or an error message (a --now that is no date-time throws OptionValueError). */
export function readAskArgs(args: string[]): TAskArgs | string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { user: { type: 'string' }, channel: { type: 'string' }, now: { type: 'string' } },
  });
  // A bad --now is named first (one line, thrown), whatever else is missing.
  const now = values.now === undefined ? new Date() : instantOption('--now', values.now);
  if (!values.user) return 'missing --user';
  if (positionals.length === 0) return 'missing the utterance';
  const channel = (values.channel ?? 'telegram') as TAskChannel;
  if (!CHANNELS.includes(channel)) return `unknown channel "${values.channel}"`;
  return { user: values.user, channel, now, text: positionals.join(' ') };
}

export async function askCommand(
  runtime: Runtime,
  args: TAskArgs,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const missing = await missingIdLine(runtime.stores.roster, 'person', args.user);
  if (missing) {
    err.write(`dnevnik ask: ${missing}\n`);
    return 1;
  }
  // The operator looks as the person would see; the access log records the operator's lookup, not the person.
  const asked = await runtime.answers.ask(args.text, { personId: args.user, channel: 'cli', operator: true }, args.now);
  if (asked.answer.kind === 'no-person') {
    err.write(`dnevnik ask: no person "${args.user}"\n`);
    return 1;
  }
  // Alexa has no Russian voice: the skill speaks English whatever was asked.
  const rendered = renderAnswer(asked.answer, args.channel === 'alexa' ? 'en' : asked.lang);
  switch (args.channel) {
    case 'telegram':
    case 'vk':
    case 'max':
      out.write(`${stripHtml(rendered.text)}\n`);
      break;
    case 'alice':
      out.write(`text: ${rendered.speech}\ntts: ${rendered.tts}\n`);
      break;
    case 'alexa':
      out.write(`text: ${rendered.speech}\nssml: ${rendered.ssml}\n`);
      break;
  }
  return 0;
}
