import { ConfigError, parseConfig, type TConfig } from '../infra/config';
import { readServerFile } from '../infra/server-file';
import type { Runtime } from '../runtime/runtime';
import { closeServer } from '../webhooks/listen';
import { unprintableArgument } from './argv-checks';
import type { TCommandIo } from './command-context';
import { failureLine } from './failure-line';
import { parseCommand } from './parse-command';
import { terminalProgress } from './progress-bar';
import { runInServer } from './remote';
import { absolutePathArgs, isRuntimeCommand, runRuntimeCommand } from './runtime-commands';
import { webhooksCommand } from './webhooks-command';

// `dnevnik <command>` (README "Command line"). Every command uses the same database as the server;
// while a server holds the embedded database, database commands run inside it.

const USAGE = `usage: dnevnik <command> [options]

  import <file.json|file.csv> [--key-id <keyId>] [--silent] [--no-progress]
                                                            apply journal events (as POST /webhooks/journal; as the operator, or as a school's key)
  migrate                                                   apply pending database migrations
  seed-demo [--today YYYY-MM-DD]                            load the demo school
  parse [--lang ru|en] [--now ISO] [--tz ZONE] ["<text>"]   the parsed query as one JSON line (stdin: one per line)
  list schools|classes|students|teachers|people [--school <id>] [--class <id>] [--format text|csv]
                                                            the ids the other commands take, with names (every school)
  ask --user <id> [--channel telegram|vk|max|alice|alexa] [--now ISO] "<text>"   the reply that channel would give
  codes (--student <id> [--role guardian|student] | --class <id> | --teacher <id>) [--format text|csv|pdf] [--out file] [--days 14]
                                                            one-time link codes with their Telegram/MAX/VK links (PDF: letters with QR codes)
  codes --demo-reviewer [--days 14]                         one reusable code for a store's moderators: a demo pupil's parent
  privacy report [--days 30]                                what /forget destroyed, when (no identifiers)
  privacy access --student <id> [--days 365]                who saw a student's data, when, through which channel
  journal-status --school <id> [--date YYYY-MM-DD] [--format text|csv]
                                                            per teacher: the day's lessons with a complete or incomplete journal entry
  journal-keys create --school <id> [--format text|json] | list [--format text|json] | revoke <keyId> | reseal
                                                            a school's own keys for the journal API (the secret is printed once)
  webhooks set|show|delete                                  register the bots' webhooks for PUBLIC_URL (Telegram, VK) and show what each platform reports
  start                                                     HTTP server and alerts worker in one process (npm start)
  serve                                                     HTTP server only
  worker                                                    alerts worker only (several may share one Redis)
`;

const terminal: TCommandIo = {
  out: process.stdout,
  err: process.stderr,
  interactive: Boolean(process.stderr.isTTY),
  progress: terminalProgress,
};

// main.ts (and with it Prisma, Express, the bots) loads only for commands that need it: `parse` starts fast.
// (require, not import(): the CLI runs through tsx's CommonJS hook.)
const loadMain = (): typeof import('../main') => require('../main');

async function withLocalRuntime<T>(config: TConfig, name: string, work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const { openRuntime } = loadMain();
  const { createLogger }: typeof import('../infra/logger') = require('../infra/logger');
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr as never);
  const runtime = await openRuntime(config, {
    logger,
    skipDemo: true,
    command: `dnevnik ${name}`,
    migrate: name === 'migrate',
  });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

/**
 * In the server that holds the embedded database when it answers; otherwise here — where, should
 * a server (or another command) hold the database without answering, DATA_DIR's lock refuses it
 * with one line naming the holder.
 */
async function runDatabaseCommand(name: string, args: string[]): Promise<number> {
  const config = parseConfig();
  const resolved = absolutePathArgs(name, args, process.cwd());
  const server = config.embedded ? readServerFile(config.DATA_DIR) : null;
  const answered = server ? await runInServer(server, [name, ...resolved], terminal) : null;
  if (answered !== null) return answered;
  return runRuntimeCommand(name, resolved, {
    io: terminal,
    withRuntime: (work) => withLocalRuntime(config, name, work),
  });
}

/** Runs until SIGINT/SIGTERM; `withWorker`/`withHttp` choose the parts. */
async function runServer(name: string, parts: { http: boolean; worker: boolean }): Promise<number> {
  const main = loadMain();
  const { openRuntime, serve, shutdownOnSignals, startAlertWorker, startTelegram, startVk, startMax } = main;
  const config = parseConfig();
  const runtime = await openRuntime(config, { skipDemo: !parts.http, command: `dnevnik ${name}` });
  if (parts.worker) await startAlertWorker(runtime);
  if (!parts.http) {
    // WORKER_PORT, when set; closed first on a signal, so probes see the worker go before its queues do.
    const probes = await main.serveWorkerPort(runtime);
    await main.serveMetricsPort(runtime);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    if (probes) await closeServer(probes);
    await runtime.close();
    return 0;
  }
  await main.serveMetricsPort(runtime);
  const server = await serve(runtime);
  await startTelegram(runtime);
  await startVk(runtime);
  await startMax(runtime);
  shutdownOnSignals(runtime, server);
  await new Promise(() => undefined);
  return 0;
}

const LOCAL_COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  parse: (args) => parseCommand(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }),
  webhooks: (args) => webhooksCommand(args, parseConfig(), { out: process.stdout, err: process.stderr }),
  start: () => runServer('start', { http: true, worker: true }),
  serve: () => runServer('serve', { http: true, worker: false }),
  worker: () => runServer('worker', { http: false, worker: true }),
};

export async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 1;
  }
  const unprintable = unprintableArgument(argv);
  if (unprintable) {
    process.stderr.write(`dnevnik: ${unprintable}\n`);
    return 1;
  }
  try {
    if (Object.hasOwn(LOCAL_COMMANDS, name)) return await LOCAL_COMMANDS[name](args);
    if (isRuntimeCommand(name)) return await runDatabaseCommand(name, args);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    // DATA_DIR held by another process, or an error no command expected: the line the running
    // server would send back for it (cli/server-executor.ts).
    process.stderr.write(failureLine(err));
    return 1;
  }
  process.stderr.write(`dnevnik: unknown command "${name}"\n${USAGE}`);
  return 1;
}
