import { Gauge, type Registry } from 'prom-client';

// The platforms' event inboxes (VK, MAX) in /metrics: events received and not yet processed, and
// how long the oldest has waited. Only a process that processes an inbox watches it, so a worker
// process never connects to an inbox's Redis queue just to be scraped.

interface TWatchedInbox {
  depth(): Promise<number>;
  oldestAgeMs(): Promise<number>;
}

export interface InboxMetrics {
  watch(name: string, inbox: TWatchedInbox): void;
}

export function createInboxMetrics(registry: Registry): InboxMetrics {
  const inboxes = new Map<string, TWatchedInbox>();
  new Gauge({
    name: 'dnevnik_event_inbox_depth',
    help: 'Platform events received and not yet processed, by inbox (vk, max)',
    labelNames: ['inbox'],
    registers: [registry],
    async collect() {
      for (const [inbox, watched] of inboxes) this.set({ inbox }, await watched.depth().catch(() => -1));
    },
  });
  new Gauge({
    name: 'dnevnik_event_inbox_oldest_age_seconds',
    help: 'Seconds since the oldest unprocessed platform event arrived, by inbox (0: none)',
    labelNames: ['inbox'],
    registers: [registry],
    async collect() {
      for (const [inbox, watched] of inboxes) {
        this.set(
          { inbox },
          await watched.oldestAgeMs().then(
            (ms) => ms / 1000,
            () => -1,
          ),
        );
      }
    },
  });
  return { watch: (name, inbox) => void inboxes.set(name, inbox) };
}
