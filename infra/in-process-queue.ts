import type { DeliveryQueue, TDeliveryJob } from '../core/alerts';

// The embedded mode's delivery queue, with the BullMQ queue's behaviour: a job id (message +
// attempt) is queued once while it waits or runs, delays are honoured, a throwing handler is
// retried after a short pause, and at most `concurrency` jobs run at once. Single process only:
// the database's delivery record, not this queue, is what survives a restart.

const RETRY_AFTER_ERROR_MS = 1_000;

interface TEntry {
  id: string;
  job: TDeliveryJob;
  readyAt: number;
}

export function createInProcessQueue(options: { onError?: (err: unknown) => void } = {}): DeliveryQueue {
  const waiting: TEntry[] = [];
  const known = new Set<string>();
  let handler: ((job: TDeliveryJob) => Promise<void>) | undefined;
  let concurrency = 1;
  let active = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const idle: (() => void)[] = [];

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (closed || !handler || waiting.length === 0) return;
    const next = Math.min(...waiting.map((e) => e.readyAt));
    timer = setTimeout(pump, Math.max(0, next - Date.now()));
  };

  const run = async (entry: TEntry) => {
    active++;
    try {
      await handler!(entry.job);
      known.delete(entry.id);
    } catch (err) {
      options.onError?.(err);
      if (!closed) waiting.push({ ...entry, readyAt: Date.now() + RETRY_AFTER_ERROR_MS });
    } finally {
      active--;
      if (active === 0) idle.splice(0).forEach((resolve) => resolve());
      pump();
    }
  };

  function pump() {
    const now = Date.now();
    while (!closed && handler && active < concurrency) {
      let pick = -1;
      for (let i = 0; i < waiting.length; i++) {
        if (waiting[i].readyAt <= now && (pick < 0 || waiting[i].readyAt < waiting[pick].readyAt)) pick = i;
      }
      if (pick < 0) break;
      const [entry] = waiting.splice(pick, 1);
      void run(entry);
    }
    schedule();
  }

  return {
    async enqueue(jobs) {
      for (const job of jobs) {
        const id = `m${job.messageId}-a${job.attempt}`;
        if (known.has(id)) continue;
        known.add(id);
        waiting.push({ id, job, readyAt: Date.now() + (job.delayMs ?? 0) });
      }
      pump();
    },
    async start(work, opts) {
      handler = work;
      concurrency = opts.concurrency;
      pump();
    },
    async depth() {
      return waiting.length;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (active > 0) await new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
