import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'dnevnik.js');

export type TDnevnikResult = { code: number | null; stdout: string; stderr: string };

export interface TDnevnikEnvOptions {
  /** Variables for the process (DATA_DIR, DEMO, LOG_LEVEL …). */
  env?: Record<string, string>;
  /**
   * true (the default): the test's own environment with LOG_LEVEL=warn, then `env`, minus
   * DATABASE_URL (so the embedded database of the DATA_DIR given is used) and NODE_OPTIONS (jest's
   * flags). false: `env` is the whole environment, with only PATH added.
   */
  inheritEnv?: boolean;
}

export interface TRunDnevnikOptions extends TDnevnikEnvOptions {
  /** Where the command runs (relative file arguments are resolved from here); the repository root by default. */
  cwd?: string;
  /** Written to stdin, which is then closed (closed at once when not given). */
  stdin?: string;
  /** SIGKILL the process after this many milliseconds (it then resolves with code null); no limit when not given. */
  timeoutMs?: number;
}

function childEnv({ env = {}, inheritEnv = true }: TDnevnikEnvOptions): NodeJS.ProcessEnv {
  if (!inheritEnv) return { PATH: process.env.PATH, ...env };
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env };
  delete merged.DATABASE_URL;
  delete merged.NODE_OPTIONS;
  return merged;
}

/** The real `dnevnik` command, run to its end: its exit code and what it printed. */
export function runDnevnik(args: string[], options: TRunDnevnikOptions = {}): Promise<TDnevnikResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: childEnv(options) });
    let stdout = '';
    let stderr = '';
    const timer =
      options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    // Decoded as a stream: a multi-byte character split between two chunks stays whole.
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

export interface TEmbeddedServer {
  child: ChildProcess;
  /** Everything the server printed so far, stdout and stderr interleaved. */
  log(): string;
  /** The port from DATA_DIR/server.json. */
  port: number;
  /** SIGTERM, then wait for the process to exit; nothing to do when it has already exited. */
  stop(): Promise<void>;
}

export interface TStartEmbeddedServerOptions extends TDnevnikEnvOptions {
  /** The DATA_DIR the server holds (set as DATA_DIR in its environment). */
  dataDir: string;
  /** The dnevnik arguments that start the server; `serve` by default. */
  command?: string[];
  cwd?: string;
  /** How long to wait for DATA_DIR/server.json; 90 seconds by default. */
  deadlineMs?: number;
}

function readPort(serverFile: string): number | undefined {
  try {
    const port = (JSON.parse(fs.readFileSync(serverFile, 'utf8')) as { port?: unknown }).port;
    return Number.isInteger(port) ? (port as number) : undefined;
  } catch {
    return undefined; // not written yet, or written only in part
  }
}

/**
 * A real `dnevnik serve` on the embedded database of `dataDir`, resolved once it has written
 * DATA_DIR/server.json (it then listens, and CLI commands on that DATA_DIR are run by it). Fails
 * with the server's log when it exits before that or the deadline passes (the process is killed).
 */
export async function startEmbeddedServer(options: TStartEmbeddedServerOptions): Promise<TEmbeddedServer> {
  const { dataDir, command = ['serve'], deadlineMs = 90_000 } = options;
  const child = spawn(process.execPath, [BIN, ...command], {
    cwd: options.cwd ?? ROOT,
    env: childEnv({ ...options, env: { ...options.env, DATA_DIR: dataDir } }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (log += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
  let spawnError: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // A process that could not be started emits no 'exit'.
    child.on('error', (err) => {
      spawnError = err;
      if (child.pid === undefined) resolve();
    });
  });
  // After 'exit' the pipes may still hold the last lines of the log.
  const drained = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const running = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;

  const serverFile = path.join(dataDir, 'server.json');
  const deadline = Date.now() + deadlineMs;
  let port = readPort(serverFile);
  while (port === undefined) {
    if (!running() || Date.now() > deadline) {
      if (running()) child.kill('SIGKILL');
      await exited;
      await Promise.race([drained, new Promise((r) => setTimeout(r, 1000))]);
      throw new Error(`server did not start${spawnError ? ` (${spawnError.message})` : ''}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
    port = readPort(serverFile);
  }

  return {
    child,
    log: () => log,
    port,
    stop: async () => {
      if (running()) child.kill('SIGTERM');
      await exited;
    },
  };
}
