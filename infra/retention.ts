import { ACCESS_LOG_RETENTION_DAYS, type AccessLog } from '../core/access';
import type { Logger } from './logger';

// Purges access-log entries older than their retention, on start and then every few hours.
// Several worker processes may each run it: the purge is an idempotent DELETE.

const DAY_MS = 86_400_000;

export interface RetentionDeps {
  accessLog: AccessLog;
  logger: Logger;
  intervalMs?: number;
  now?: () => Date;
}

export function startRetention(deps: RetentionDeps): { close(): Promise<void> } {
  const now = deps.now ?? (() => new Date());
  let running: Promise<void> = Promise.resolve();
  const purge = () => {
    running = (async () => {
      try {
        const removed = await deps.accessLog.purge(new Date(now().getTime() - ACCESS_LOG_RETENTION_DAYS * DAY_MS));
        if (removed > 0) deps.logger.info({ removed }, 'access log entries past retention purged');
      } catch (err) {
        deps.logger.error({ err }, 'access log purge failed');
      }
    })();
  };
  purge();
  const timer = setInterval(purge, deps.intervalMs ?? 6 * 3_600_000);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
