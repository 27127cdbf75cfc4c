import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createPostgresDatabase, type TPostgresDatabase } from './test-database';

// Real processes for the alert restart tests: a scratch PostgreSQL database whose URL a child
// process can use too, and `dnevnik worker` started the way an operator starts it.

export type TScratchPostgres = TPostgresDatabase;

/** A migrated database of its own (a copy of the run's template, see test-database.ts). */
export function createScratchPostgres(adminUrl: string, prefix = 'dnevnik_alerts'): Promise<TScratchPostgres> {
  return createPostgresDatabase(adminUrl, prefix);
}

/** Another database of the same Redis server: a child worker uses the default queue name, so the test keeps it apart this way. */
export function redisDatabaseUrl(redisUrl: string, index: number): string {
  const url = new URL(redisUrl);
  url.pathname = `/${index}`;
  return url.toString();
}

export interface TWorkerChild {
  child: ChildProcess;
  output(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export function startWorkerChild(env: Record<string, string>): TWorkerChild {
  const root = path.join(__dirname, '..', '..');
  const child = spawn(process.execPath, [path.join(root, 'bin', 'dnevnik.js'), 'worker'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    output: () => output,
    kill9: async () => {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (running()) child.kill('SIGTERM');
      await exited;
    },
  };
}
