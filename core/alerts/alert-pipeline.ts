import { DEFAULT_TESTS_EVENING } from '../settings/subscription-settings-port';
import type { AlertObserver, AlertStore, ChatSender, Clock, DeliveryQueue, RateLimiter } from './alert-ports';
import { composeMessage } from './compose-messages';
import { createDeliveryHandler, DEFAULT_DELIVERY_OPTIONS, type DeliveryOptions } from './deliver-message';
import { planAlerts, wantsAlert } from './plan-alerts';
import { planTestsTomorrow, TESTS_SCAN_EVERY_MS } from './plan-coming';
import { NO_PASS_LATEST_MS, NO_PASS_SCAN_EVERY_MS, planMissingPasses } from './plan-no-pass';

// The worker: five loops over the database (outbox → items, due items → messages, stranded
// messages → queue, the "no pass by the first lesson" scan and the evening scan of tomorrow's
// tests → items) and the queue consumer
// that sends. Every worker process runs all of it; the store serialises planning and composing,
// claims serialise sending, and the scan's items carry a key the database keeps unique.

export interface PipelineOptions {
  windowMs?: number;
  planBatch: number;
  composeBatch: number;
  /** Pause of an idle loop; a busy loop goes again at once. */
  idleMs: number;
  sweepEveryMs: number;
  /** How often each worker looks for pupils with no pass by the first lesson (the store keeps it once). */
  noPassEveryMs: number;
  /** How often each worker looks for tomorrow's tests whose evening reminder is due (kept once by the store). */
  testsEveryMs: number;
  concurrency: number;
  delivery: DeliveryOptions;
}

export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = {
  planBatch: 500,
  composeBatch: 500,
  idleMs: 500,
  sweepEveryMs: 10_000,
  noPassEveryMs: NO_PASS_SCAN_EVERY_MS,
  testsEveryMs: TESTS_SCAN_EVERY_MS,
  concurrency: 8,
  delivery: DEFAULT_DELIVERY_OPTIONS,
};

export interface PipelineDeps {
  store: AlertStore;
  queue: DeliveryQueue;
  limiter: RateLimiter;
  senders: ChatSender[];
  clock: Clock;
  observer: AlertObserver;
  onError: (err: unknown, where: string) => void;
}

export interface AlertPipeline {
  /** One pass of planning and composing (tests, and the loops). */
  tick(): Promise<{ facts: number; messages: number }>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Hands messages written outside the planner (teacher reminders) to the delivery queue. */
  deliver(messageIds: string[]): Promise<void>;
}

export function createAlertPipeline(deps: PipelineDeps, partial: Partial<PipelineOptions> = {}): AlertPipeline {
  const options = { ...DEFAULT_PIPELINE_OPTIONS, ...partial };
  const { store, queue, clock, observer } = deps;
  const deliver = createDeliveryHandler({
    ...deps,
    senders: new Map(deps.senders.map((s) => [s.channel, s])),
    options: options.delivery,
  });
  let running = false;
  const loops: Promise<void>[] = [];

  const plan = async () => {
    const result = await store.planNext(options.planBatch, (input) =>
      planAlerts(input, { windowMs: options.windowMs }),
    );
    if (result.items > 0) observer.planned(result.items);
    return result.facts;
  };

  const compose = async () => {
    const ids = await store.composeDue(clock.now(), options.composeBatch, composeMessage);
    if (ids.length > 0) {
      observer.composed(ids.length);
      await queue.enqueue(ids.map((messageId) => ({ messageId, attempt: 0 })));
    }
    return ids.length;
  };

  const scanNoPass = async () => {
    if (!store.scanMissingPasses) return 0;
    const now = clock.now();
    const items = await store.scanMissingPasses(now, NO_PASS_LATEST_MS, (found, recipients) =>
      planMissingPasses(found, recipients, now),
    );
    if (items > 0) observer.planned(items);
    // Never "busy": the next scan waits its period, whatever this one found.
    return 0;
  };

  const scanTests = async () => {
    if (!store.scanTestsTomorrow) return 0;
    const now = clock.now();
    const items = await store.scanTestsTomorrow(now, DEFAULT_TESTS_EVENING, (found, recipients) =>
      planTestsTomorrow(found, recipients, now, (r) => wantsAlert(r, 'tests'), DEFAULT_TESTS_EVENING),
    );
    if (items > 0) observer.planned(items);
    return 0;
  };

  const sweep = async () => {
    const jobs = await store.findStranded(clock.now(), options.delivery.leaseMs, options.sweepEveryMs * 3, 1000);
    if (jobs.length > 0) await queue.enqueue(jobs);
    return 0;
  };

  const loop = (where: string, work: () => Promise<number>, everyMs: number) =>
    (async () => {
      while (running) {
        let busy = 0;
        try {
          busy = await work();
        } catch (err) {
          deps.onError(err, where);
        }
        // Sleep in short slices so stop() does not wait for a long idle period.
        const until = clock.now().getTime() + (busy === 0 ? everyMs : 0);
        while (running && clock.now().getTime() < until)
          await clock.sleep(Math.min(options.idleMs, until - clock.now().getTime()));
      }
    })();

  return {
    async tick() {
      await scanNoPass();
      await scanTests();
      let facts = 0;
      for (let n = await plan(); n > 0; n = await plan()) facts += n;
      let messages = 0;
      for (let n = await compose(); n > 0; n = await compose()) messages += n;
      return { facts, messages };
    },
    async start() {
      if (running) return;
      running = true;
      await queue.start(deliver, { concurrency: options.concurrency });
      loops.push(
        loop('plan', plan, options.idleMs),
        loop('compose', compose, options.idleMs),
        loop('sweep', sweep, options.sweepEveryMs),
        loop('no-pass', scanNoPass, options.noPassEveryMs),
        loop('tests', scanTests, options.testsEveryMs),
      );
    },
    async deliver(messageIds) {
      if (messageIds.length > 0) await queue.enqueue(messageIds.map((messageId) => ({ messageId, attempt: 0 })));
    },
    async stop() {
      running = false;
      await Promise.all(loops.splice(0));
      await queue.close();
    },
  };
}
