import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors';
import { migrationStatus } from '../prisma/db/migrate';
import { loadDemoSchool } from '../prisma/demo/load-demo';
import { argsErrorLine, unprintableArgument } from './argv-checks';
import { ASK_USAGE, askCommand, readAskArgs } from './ask-command';
import { CODES_USAGE, codesCommand, readCodesArgs } from './codes-command';
import type { TCommandContext, TRuntimeCommand } from './command-context';
import { calendarDateOption, OptionValueError } from './date-options';
import { IMPORT_USAGE, importCommand, importFileIndex, readImportArgs, readImportFile } from './import-command';
import { journalKeysCommand } from './journal-keys-command';
import { journalStatusCommand } from './journal-status-command';
import { listCommand } from './list-command';
import { privacyCommand } from './privacy-command';

// The commands that use the database. They run in the CLI process, or — when a server holds the
// embedded database (PGlite is single-process) — inside that server, on its own connection.

export const RUNTIME_COMMANDS: Record<string, TRuntimeCommand> = {
  async import(args, ctx) {
    const parsed = readImportArgs(args);
    if (!parsed) {
      ctx.io.err.write(IMPORT_USAGE);
      return 1;
    }
    // Read before the database is opened: a file that cannot be read or parsed opens nothing.
    const raw = readImportFile(parsed.file);
    return ctx.withRuntime((runtime) => importCommand(runtime, parsed.file, raw, parsed, ctx.io));
  },

  async migrate(_args, ctx) {
    // Opening the runtime applies pending migrations; report where the database stands afterwards.
    return ctx.withRuntime(async (runtime) => {
      const status = await runtime.db.sql.session((sql) => migrationStatus(sql));
      ctx.io.out.write(
        `${status.applied.length} migration(s) applied, ${status.pending.length} pending (${runtime.db.kind})\n`,
      );
      return status.pending.length === 0 ? 0 : 1;
    });
  },

  async 'seed-demo'(args, ctx) {
    const { values } = parseArgs({ args, options: { today: { type: 'string' } } });
    // Checked before the database is opened (and migrated) for nothing.
    if (values.today !== undefined) calendarDateOption('--today', values.today);
    return ctx.withRuntime(async (runtime) => {
      const result = await loadDemoSchool({
        ingestStore: runtime.ingestStore,
        timezone: runtime.config.TZ_DEFAULT,
        today: values.today,
        prisma: runtime.db.prisma,
      });
      ctx.io.out.write(`${JSON.stringify(result)}\n`);
      return 0;
    });
  },

  async ask(args, ctx) {
    const parsed = readAskArgs(args);
    if (typeof parsed === 'string') {
      ctx.io.err.write(`dnevnik ask: ${parsed}\n${ASK_USAGE}`);
      return 1;
    }
    return ctx.withRuntime((runtime) =>
      askCommand(runtime, parsed, ctx.io.out as NodeJS.WritableStream, ctx.io.err as NodeJS.WritableStream),
    );
  },

  privacy: (args, ctx) => privacyCommand(args, ctx),

  'journal-status': (args, ctx) => journalStatusCommand(args, ctx),

  'journal-keys': (args, ctx) => journalKeysCommand(args, ctx),

  list: (args, ctx) => listCommand(args, ctx),

  async codes(args, ctx) {
    const parsed = readCodesArgs(args);
    if (typeof parsed === 'string') {
      ctx.io.err.write(`dnevnik codes: ${parsed}\n${CODES_USAGE}`);
      return 1;
    }
    return ctx.withRuntime((runtime) =>
      codesCommand(runtime, parsed, ctx.io.out as NodeJS.WritableStream, ctx.io.err as NodeJS.WritableStream),
    );
  },
};

/**
 * Runs a database command, turning expected errors into a message and exit code 1: arguments with
 * NUL or a lone surrogate, options the command does not know and option values it cannot take (a
 * date that is no date) are one line, not a stack trace (or, in the running server, a 500).
 */
export async function runRuntimeCommand(name: string, args: string[], ctx: TCommandContext): Promise<number> {
  const unprintable = unprintableArgument(args);
  if (unprintable) {
    ctx.io.err.write(`dnevnik ${name}: ${unprintable}\n`);
    return 1;
  }
  try {
    return await RUNTIME_COMMANDS[name](args, ctx);
  } catch (err) {
    if (err instanceof OptionValueError) {
      ctx.io.err.write(`dnevnik ${name}: ${err.message}\n`);
      return 1;
    }
    if (err instanceof AppError) {
      ctx.io.err.write(`dnevnik: ${err.message}\n`);
      return 1;
    }
    const refused = argsErrorLine(err);
    if (refused) {
      ctx.io.err.write(`dnevnik ${name}: ${refused}\n`);
      return 1;
    }
    throw err;
  }
}

/**
 * File arguments made absolute, so a server started elsewhere reads and writes the files the
 * user meant (the server runs on the same machine: it is reached on loopback only). Done when the
 * command runs in the CLI's own process too, so that its messages name the file the same way.
 */
export function absolutePathArgs(name: string, args: string[], cwd: string): string[] {
  const out = [...args];
  for (let i = 0; i < out.length; i++) {
    if (out[i] === '--out' && out[i + 1]) out[i + 1] = path.resolve(cwd, out[i + 1]);
    else if (out[i].startsWith('--out=')) out[i] = `--out=${path.resolve(cwd, out[i].slice(6))}`;
  }
  if (name === 'import') {
    const fileIndex = importFileIndex(out);
    if (fileIndex >= 0) out[fileIndex] = path.resolve(cwd, out[fileIndex]);
  }
  return out;
}

/** A database command's name (not one of Object's own properties, such as `constructor`). */
export function isRuntimeCommand(name: string): boolean {
  return Object.hasOwn(RUNTIME_COMMANDS, name);
}
