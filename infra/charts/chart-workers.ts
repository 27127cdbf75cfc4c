import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TWorkerReply, TWorkerRequest } from './chart-worker';
import type { TPng } from './rasterise';
import type { TChartJob } from './render-chart';

// Charts are drawn off the event loop: a 20-subject grid takes 70–80 ms of
// CPU, which on the main thread would hold up every chat and webhook meanwhile. A few threads
// (one by default: a chart is asked for now and then, and a thread costs 30–80 MB) are started
// on the first job, reused, and let the process exit while idle. A thread that dies or overruns
// its time is replaced on the next job; only the job it held fails.

export interface ChartWorkersOptions {
  /** Threads at most; jobs beyond them wait their turn. */
  threads?: number;
  /** A drawing still going after this long (counted once a ready thread has it) fails, and its thread is stopped. */
  timeoutMs?: number;
}

export interface ChartWorkers {
  render(job: TChartJob): Promise<TPng>;
  /** A round trip to a thread that draws nothing (starting one if none runs); resolves to its thread id. */
  ping(): Promise<number>;
  /** Fails the waiting jobs and stops the threads. */
  close(): Promise<void>;
  /** Which worker script the threads run: the compiled one in dist/, or the TypeScript source through tsx. */
  readonly entry: string;
}

type TReply = Exclude<TWorkerReply, { ready: true }>;

interface TTask {
  id: number;
  job: TChartJob | null;
  resolve(reply: TReply): void;
  reject(err: Error): void;
}

interface TThread {
  worker: Worker;
  ready: boolean;
  task: TTask | null;
  timer: NodeJS.Timeout | null;
}

// From dist/ the compiled worker runs as it is. From the sources (tsx, jest) the thread first
// registers tsx, a runtime dependency, as bin/dnevnik.js does for the CLI.
const FROM_SOURCES = __filename.endsWith('.ts');
const ENTRY = path.join(__dirname, FROM_SOURCES ? 'chart-worker.ts' : 'chart-worker.js');

function startThread(): Worker {
  if (!FROM_SOURCES) return new Worker(ENTRY);
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))});require(${JSON.stringify(ENTRY)});`;
  return new Worker(code, { eval: true });
}

export function createChartWorkers(options: ChartWorkersOptions = {}): ChartWorkers {
  const size = Math.max(1, options.threads ?? 1);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const threads: TThread[] = [];
  const queue: TTask[] = [];
  let nextId = 1;
  let closed = false;

  const release = (thread: TThread): TTask | null => {
    const task = thread.task;
    if (thread.timer) clearTimeout(thread.timer);
    thread.task = null;
    thread.timer = null;
    return task;
  };

  const drop = (thread: TThread, why: Error) => {
    const i = threads.indexOf(thread);
    if (i < 0) return;
    threads.splice(i, 1);
    release(thread)?.reject(why);
    // A thread that could not even start (a missing module, say) would fail the same way again:
    // the waiting jobs fail with it rather than start thread after thread.
    if (!thread.ready) for (const task of queue.splice(0)) task.reject(why);
    dispatch();
  };

  const spawn = () => {
    const thread: TThread = { worker: startThread(), ready: false, task: null, timer: null };
    thread.worker.on('message', (reply: TWorkerReply) => {
      if ('ready' in reply) thread.ready = true;
      else {
        const task = release(thread);
        if (task?.id === reply.id) task.resolve(reply);
        else task?.reject(new Error('the chart thread answered another job'));
      }
      thread.worker.unref();
      dispatch();
    });
    thread.worker.on('error', (err) => drop(thread, err));
    thread.worker.on('exit', (code) => drop(thread, new Error(`the chart thread stopped (exit code ${code})`)));
    threads.push(thread);
  };

  function dispatch() {
    while (queue.length && !closed) {
      const thread = threads.find((t) => t.ready && !t.task);
      if (!thread) {
        // Start another thread while there is room; the job waits for it (or for a busy one) to be free.
        if (threads.length < size && !threads.some((t) => !t.ready)) spawn();
        return;
      }
      const task = queue.shift() as TTask;
      thread.task = task;
      thread.worker.ref();
      if (task.job) {
        thread.timer = setTimeout(() => {
          drop(thread, new Error(`the chart was not drawn within ${timeoutMs} ms`));
          void thread.worker.terminate();
        }, timeoutMs);
      }
      thread.worker.postMessage({ id: task.id, job: task.job } satisfies TWorkerRequest);
    }
  }

  const send = (job: TChartJob | null) =>
    new Promise<TReply>((resolve, reject) => {
      if (closed) return reject(new Error('the chart renderer is closed'));
      queue.push({ id: nextId++, job, resolve, reject });
      dispatch();
    });

  return {
    entry: ENTRY,
    async render(job) {
      const reply = await send(job);
      if ('error' in reply) throw new Error(`the chart could not be drawn: ${reply.error}`);
      if (!('png' in reply)) throw new Error('the chart thread answered without a picture');
      return { png: reply.png, width: reply.width, height: reply.height };
    },
    async ping() {
      const reply = await send(null);
      if (!('pong' in reply)) throw new Error('the chart thread did not answer the ping');
      return reply.pong;
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('the chart renderer is closed'));
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
