import { type ChildProcess, fork, spawn } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { ALERTS_QUEUE } from '../infra/bullmq-queue';
import type { TAcceptedMessage, TelegramStub } from '../test/helpers/telegram-stub';
import { signJournalBody } from '../webhooks/journal-signature';
import type { TStubQuestion } from './alerts-telegram-stub';

// Processes of bench:alerts (and bench:max's alerts): the platform doubles and `dnevnik worker`s, each in its own process,
// plus the journal client and the Redis housekeeping of a run.

const root = path.join(__dirname, '..');

/** What a double counted: requests, 429s, 5xx, 403s, and the messages it accepted. */
export type TStubStats = TelegramStub['counts'] & { accepted: number };

export interface AlertsStub {
  apiRoot: string;
  stats(): Promise<TStubStats>;
  accepted(bot: string): Promise<TAcceptedMessage[]>;
  stop(): void;
}

/** bench:alerts' Telegram double: STUB_PER_SECOND per bot and one message a second per chat. */
export function startAlertsStub(perSecond: number): Promise<AlertsStub> {
  return forkStub('alerts-telegram-stub.ts', { STUB_PER_SECOND: String(perSecond) });
}

/** bench:max's MAX double: `perSecond` messages per rolling second for the one token it accepts. */
export function startMaxAlertsStub(perSecond: number, token: string): Promise<AlertsStub> {
  return forkStub('alerts-max-stub.ts', { STUB_PER_SECOND: String(perSecond), STUB_TOKEN: token });
}

/** A platform double in its own process, asked over IPC what it counted and accepted. */
async function forkStub(script: string, env: Record<string, string>): Promise<AlertsStub> {
  const child = fork(path.join(__dirname, script), [], {
    execArgv: ['-r', 'tsx/cjs'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  // Questions and answers over IPC, matched by id.
  const waiting = new Map<number, (answer: unknown) => void>();
  let asked = 0;
  child.on('message', (m) => {
    const { id, answer } = m as { id: number; answer: unknown };
    waiting.get(id)?.(answer);
    waiting.delete(id);
  });
  const ask = <T>(question: TStubQuestion) =>
    new Promise<T>((resolve) => {
      const id = ++asked;
      waiting.set(id, resolve as (answer: unknown) => void);
      child.send({ ...question, id });
    });
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    stats: () => ask<TStubStats>({ ask: 'stats' }),
    accepted: (bot) => ask<TAcceptedMessage[]>({ ask: 'accepted', bot }),
    stop: () => child.kill('SIGTERM'),
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  /** kill -9: no shutdown code runs. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** `dnevnik worker` as an operator starts it. */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'dnevnik.js'), 'worker'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', DEMO: 'false', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The same Redis server, another database: the run's queue and pacing keys stay apart from anything else there. */
export function benchRedisUrl(redisUrl: string, db: number): string {
  const url = new URL(redisUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

export interface BenchQueue {
  /** Worker processes connected to the alerts queue. */
  workers(): Promise<number>;
  close(): Promise<void>;
}

/** Empties the alerts queue of the bench database (jobs of an earlier, aborted run name message ids of a dropped database). */
export async function openBenchQueue(redisUrl: string): Promise<BenchQueue> {
  const connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(ALERTS_QUEUE, { connection });
  await queue.obliterate({ force: true });
  return {
    workers: async () => (await queue.getWorkers()).length,
    close: async () => {
      await queue.close();
      await connection.quit();
    },
  };
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** POST /webhooks/journal, signed as the school's system signs it. */
export async function postJournal(url: string, secret: string, events: unknown[]): Promise<void> {
  const body = JSON.stringify({ events });
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`${url}/webhooks/journal`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-dnevnik-timestamp': String(ts),
      'x-dnevnik-signature': signJournalBody(secret, ts, body),
    },
    body,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`journal answered ${res.status}: ${text.slice(0, 300)}`);
}
