import { SingleBar, Presets } from 'cli-progress';
import { AppError } from '../core/errors';
import { BatchForbiddenError, BatchRejectedError, ingestValidEvents } from '../core/ingest/ingest-batch';
import { OPERATOR_SCOPE, type TIngestScope } from '../core/ingest/ingest-scope';
import { foreignSchoolFields } from '../core/ingest/tenancy';
import { validateEvents, type TEventError } from '../core/ingest/validate-batch';
import type { Runtime } from '../runtime/runtime';
import type { TCommandIo } from './command-context';
import { readEventsFile } from './read-events-file';

const BATCH = 1000;

/**
 * `dnevnik import <file>`: the same events as the API, checked whole first, applied in batches —
 * as the operator, or with `--key-id` as that school's key (its namespace, its school only).
 */
export async function importCommand(runtime: Runtime, file: string, options: { silent: boolean; progress: boolean; keyId?: string }, io: TCommandIo): Promise<number> {
  const scope = await importScope(runtime, options.keyId);
  const raw = readEventsFile(file);
  // A key's events naming another school are refused before anything is applied, whatever batch they fall in.
  const foreign = foreignSchoolFields(raw, scope);
  if (foreign.length > 0) {
    printErrors(io, foreign, 0);
    io.err.write(`${foreign.length} event(s) in ${file} name another school than the key's; nothing imported\n`);
    return 1;
  }
  const { events, errors } = validateEvents(raw);
  if (errors.length > 0) {
    printErrors(io, errors, 0);
    io.err.write(`${errors.length} invalid event(s) in ${file}; nothing imported\n`);
    return 1;
  }
  const bar = options.progress ? new SingleBar({ format: 'import [{bar}] {percentage}% | {value}/{total} events | {eta}s left' }, Presets.shades_classic) : undefined;
  bar?.start(events.length, 0);
  let accepted = 0;
  let duplicates = 0;
  try {
    for (let i = 0; i < events.length; i += BATCH) {
      const result = await ingestValidEvents(runtime.ingestStore, events.slice(i, i + BATCH), {
        defaultTimezone: runtime.config.TZ_DEFAULT,
        withOutbox: !options.silent,
        scope,
      });
      accepted += result.accepted;
      duplicates += result.duplicates;
      bar?.update(Math.min(i + BATCH, events.length));
    }
  } catch (err) {
    if (!(err instanceof BatchRejectedError || err instanceof BatchForbiddenError)) throw err;
    bar?.stop();
    printErrors(io, err.errors, done(accepted, duplicates));
    // Earlier batches are committed; re-running after a fix skips them as duplicates.
    io.err.write(`stopped: ${done(accepted, duplicates)} event(s) applied before the first invalid batch; fix the file and import it again\n`);
    return 1;
  } finally {
    bar?.stop();
  }
  io.out.write(`${JSON.stringify({ accepted, duplicates })}\n`);
  return 0;
}

const done = (accepted: number, duplicates: number) => accepted + duplicates;

function printErrors(io: TCommandIo, errors: TEventError[], offset: number) {
  for (const e of errors.slice(0, 20)) io.err.write(`event ${e.index + offset}${e.id ? ` (${e.id})` : ''}: ${e.message}\n`);
  if (errors.length > 20) io.err.write(`… and ${errors.length - 20} more\n`);
}

async function importScope(runtime: Runtime, keyId: string | undefined): Promise<TIngestScope> {
  if (keyId === undefined) return OPERATOR_SCOPE;
  const key = await runtime.journalKeys.resolve(keyId);
  if (!key) throw new AppError('not_found', `no live journal key "${keyId}" (dnevnik journal-keys list)`);
  return { kind: 'school', schoolId: key.schoolId, keyId };
}
