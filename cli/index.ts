import { parseArgs } from 'node:util';
import { AppError } from '../core/errors';
import { ConfigError, parseConfig } from '../infra/config';
import { createLogger } from '../infra/logger';
import { openRuntime, serve, shutdownOnSignals, type Runtime } from '../main';
import { loadDemoSchool } from '../prisma/demo/load-demo';
import { migrationStatus } from '../prisma/migrate';
import { importCommand } from './import-command';

// `dnevnik <command>` (CONTRACT section 5). Every command uses the same database as the server.

const USAGE = `usage: dnevnik <command> [options]

  import <file.json|file.csv> [--silent] [--no-progress]   apply journal events (as POST /webhooks/journal)
  migrate                                                   apply pending database migrations
  seed-demo [--today YYYY-MM-DD]                            load the demo school
  serve                                                     HTTP server only
`;

type TCommand = (args: string[]) => Promise<number>;

async function withRuntime(work: (runtime: Runtime) => Promise<number>, options: { skipDemo?: boolean } = {}): Promise<number> {
  const config = parseConfig();
  const runtime = await openRuntime(config, { logger: createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr as never), skipDemo: options.skipDemo ?? true });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

const COMMANDS: Record<string, TCommand> = {
  async import(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { silent: { type: 'boolean' }, 'no-progress': { type: 'boolean' } } });
    if (positionals.length !== 1) {
      process.stderr.write('usage: dnevnik import <file.json|file.csv> [--silent] [--no-progress]\n');
      return 1;
    }
    return withRuntime((runtime) =>
      importCommand(runtime, positionals[0], { silent: Boolean(values.silent), progress: !values['no-progress'] && Boolean(process.stderr.isTTY) }),
    );
  },

  async migrate() {
    // openRuntime applies pending migrations; report where the database stands afterwards.
    return withRuntime(async (runtime) => {
      const status = await runtime.db.sql.session((sql) => migrationStatus(sql));
      process.stdout.write(`${status.applied.length} migration(s) applied, ${status.pending.length} pending (${runtime.db.kind})\n`);
      return status.pending.length === 0 ? 0 : 1;
    });
  },

  async 'seed-demo'(args) {
    const { values } = parseArgs({ args, options: { today: { type: 'string' } } });
    return withRuntime(async (runtime) => {
      const result = await loadDemoSchool({ ingestStore: runtime.ingestStore, timezone: runtime.config.TZ_DEFAULT, today: values.today });
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    });
  },

  async serve() {
    const runtime = await openRuntime(parseConfig());
    const server = await serve(runtime);
    shutdownOnSignals(runtime, server);
    await new Promise(() => undefined);
    return 0;
  },
};

export async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`dnevnik: unknown command "${name}"\n${USAGE}`);
    return 1;
  }
  try {
    return await command(args);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    if (err instanceof AppError) {
      process.stderr.write(`dnevnik: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
