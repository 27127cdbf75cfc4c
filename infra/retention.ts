import { ACCESS_LOG_RETENTION_DAYS, type AccessLog } from '../core/access';
import type { PendingLinkStore } from '../core/linking';
import type { Logger } from './logger';

// Purges what outlives its use: access-log entries older than their retention (on start and then
// every few hours), and pending links (a checked code waiting for the consent answer) once their
// 15 minutes are up (every few minutes; an expired one is refused before it is purged anyway).
// Several worker processes may each run it: every purge is an idempotent DELETE.

const DAY_MS = 86_400_000;

export interface RetentionDeps {
  accessLog: AccessLog;
  pendingLinks?: Pick<PendingLinkStore, 'purgeExpiredPending'>;
  logger: Logger;
  intervalMs?: number;
  pendingIntervalMs?: number;
  now?: () => Date;
}

interface TPurge {
  run(): Promise<number>;
  done: string;
  failed: string;
  everyMs: number;
}

export function startRetention(deps: RetentionDeps): { close(): Promise<void> } {
  const now = deps.now ?? (() => new Date());
  const purges: TPurge[] = [
    {
      run: () => deps.accessLog.purge(new Date(now().getTime() - ACCESS_LOG_RETENTION_DAYS * DAY_MS)),
      done: 'access log entries past retention purged',
      failed: 'access log purge failed',
      everyMs: deps.intervalMs ?? 6 * 3_600_000,
    },
  ];
  const pending = deps.pendingLinks;
  if (pending) {
    purges.push({
      run: () => pending.purgeExpiredPending(now()),
      done: 'expired pending links purged',
      failed: 'pending link purge failed',
      everyMs: deps.pendingIntervalMs ?? 5 * 60_000,
    });
  }
  const running = new Set<Promise<void>>();
  const start = (purge: TPurge) => {
    const run = (async () => {
      try {
        const removed = await purge.run();
        if (removed > 0) deps.logger.info({ removed }, purge.done);
      } catch (err) {
        deps.logger.error({ err }, purge.failed);
      }
    })();
    running.add(run);
    void run.finally(() => running.delete(run));
  };
  const timers = purges.map((purge) => {
    start(purge);
    const timer = setInterval(() => start(purge), purge.everyMs);
    timer.unref();
    return timer;
  });
  return {
    async close() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running);
    },
  };
}
