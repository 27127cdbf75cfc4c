import { parseArgs } from 'node:util';
import { AppError } from '../core/errors';
import type { TEventError } from '../core/ingest';
import {
  BatchForbiddenError,
  BatchRejectedError,
  foreignSchoolFields,
  ingestValidEvents,
  OPERATOR_SCOPE,
  type TIngestScope,
} from '../core/ingest';
import type { Runtime } from '../runtime/runtime';
import type { TCommandIo } from './command-context';
import { CHUNK, validateInChunks, yieldToEventLoop } from './import-chunks';
import { readEventsFile } from './read-events-file';

export const IMPORT_USAGE =
  'usage: dnevnik import <file.json|file.csv> [--key-id <keyId>] [--silent] [--no-progress]\n';

const IMPORT_OPTIONS = {
  silent: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  'key-id': { type: 'string' },
} as const;

export interface TImportArgs {
  file: string;
  silent: boolean;
  /** false with --no-progress; the bar needs a terminal too. */
  progress: boolean;
  keyId?: string;
}

/** Options → arguments; null unless exactly one file is named. An option it does not know throws (one line, runRuntimeCommand). */
export function readImportArgs(args: string[]): TImportArgs | null {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: IMPORT_OPTIONS });
  if (positionals.length !== 1) return null;
  return {
    file: positionals[0],
    silent: Boolean(values.silent),
    progress: !values['no-progress'],
    keyId: values['key-id'],
  };
}

/** Where the file is in `args` (-1: nowhere): the first argument that is no option's value. */
export function importFileIndex(args: string[]): number {
  const { tokens } = parseArgs({ args, allowPositionals: true, strict: false, tokens: true, options: IMPORT_OPTIONS });
  return tokens.find((t) => t.kind === 'positional')?.index ?? -1;
}

/**
 * The events of the file, read before any database is opened. A CSV the parser gives up on is one
 * line naming the file, like a file that cannot be read.
 */
export function readImportFile(file: string): unknown[] {
  try {
    return readEventsFile(file);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('CSV_'))
      throw new AppError('bad_request', `${file}: ${(err as Error).message}`);
    throw err;
  }
}

/**
 * `dnevnik import <file>`: the same events as the API, checked whole first, applied in batches —
 * as the operator, or with `--key-id` as that school's key (its namespace, its school only). Both
 * go a chunk at a time with a turn of the event loop in between (cli/import-chunks.ts).
 */
export async function importCommand(
  runtime: Runtime,
  file: string,
  raw: unknown[],
  options: { silent: boolean; progress: boolean; keyId?: string },
  io: TCommandIo,
): Promise<number> {
  const scope = await importScope(runtime, options.keyId);
  // A key's events naming another school are refused before anything is applied, whatever batch they fall in.
  const foreign = foreignSchoolFields(raw, scope);
  if (foreign.length > 0) {
    printErrors(io, foreign, 0);
    io.err.write(`${foreign.length} event(s) in ${file} name another school than the key's; nothing imported\n`);
    return 1;
  }
  const { events, errors } = await validateInChunks(raw);
  if (errors.length > 0) {
    printErrors(io, errors, 0);
    io.err.write(`${errors.length} invalid event(s) in ${file}; nothing imported\n`);
    return 1;
  }
  const bar = options.progress && io.interactive ? io.progress?.('import', 'events', events.length) : undefined;
  let accepted = 0;
  let duplicates = 0;
  try {
    for (let i = 0; i < events.length; i += CHUNK) {
      const result = await ingestValidEvents(runtime.ingestStore, events.slice(i, i + CHUNK), {
        defaultTimezone: runtime.config.TZ_DEFAULT,
        withOutbox: !options.silent,
        scope,
      });
      accepted += result.accepted;
      duplicates += result.duplicates;
      bar?.update(Math.min(i + CHUNK, events.length));
      await yieldToEventLoop();
    }
  } catch (err) {
    if (!(err instanceof BatchRejectedError || err instanceof BatchForbiddenError)) throw err;
    bar?.stop();
    printErrors(io, err.errors, done(accepted, duplicates));
    // Earlier batches are committed; re-running after a fix skips them as duplicates.
    io.err.write(
      `stopped: ${done(accepted, duplicates)} event(s) applied before the first invalid batch; fix the file and import it again\n`,
    );
    return 1;
  } finally {
    bar?.stop();
  }
  io.out.write(`${JSON.stringify({ accepted, duplicates })}\n`);
  return 0;
}

const done = (accepted: number, duplicates: number) => accepted + duplicates;

function printErrors(io: TCommandIo, errors: TEventError[], offset: number) {
  for (const e of errors.slice(0, 20))
    io.err.write(`event ${e.index + offset}${e.id ? ` (${e.id})` : ''}: ${e.message}\n`);
  if (errors.length > 20) io.err.write(`… and ${errors.length - 20} more\n`);
}

async function importScope(runtime: Runtime, keyId: string | undefined): Promise<TIngestScope> {
  if (keyId === undefined) return OPERATOR_SCOPE;
  const key = await runtime.journalKeys.resolve(keyId);
  if (!key) throw new AppError('not_found', `no live journal key "${keyId}" (dnevnik journal-keys list)`);
  return { kind: 'school', schoolId: key.schoolId, keyId };
}
