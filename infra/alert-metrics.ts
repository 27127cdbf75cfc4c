import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { AlertObserver } from '../core/alerts';

// The alerts pipeline in /metrics: queue depth and age, alerts planned/composed/sent/failed,
// retries (a platform's 429 is reason="429"), and the end-to-end latency from ingestion (outbox
// row) to the platform's "ok".

export interface TQueueGauges {
  depth(): Promise<number>;
  /** See AlertStore.oldestDueAgeMs; the gauge is left out when the store cannot tell. */
  oldestDueAgeMs?: () => Promise<number>;
}

export function createAlertMetrics(registry: Registry, queue: TQueueGauges): AlertObserver {
  new Gauge({
    name: 'dnevnik_alerts_queue_depth',
    help: 'Delivery jobs waiting or delayed',
    registers: [registry],
    async collect() {
      this.set(await queue.depth().catch(() => -1));
    },
  });
  const oldest = queue.oldestDueAgeMs;
  if (oldest) {
    new Gauge({
      name: 'dnevnik_alerts_queue_oldest_age_seconds',
      help: 'How long the longest-waiting due alert message has waited to be sent (0: none)',
      registers: [registry],
      async collect() {
        this.set(
          await oldest().then(
            (ms) => ms / 1000,
            () => -1,
          ),
        );
      },
    });
  }
  const planned = new Counter({
    name: 'dnevnik_alerts_planned_total',
    help: 'Alert items planned (one per alert and chat)',
    registers: [registry],
  });
  const composed = new Counter({
    name: 'dnevnik_alert_messages_composed_total',
    help: 'Messages composed from due alert items',
    registers: [registry],
  });
  const sent = new Counter({
    name: 'dnevnik_alert_messages_sent_total',
    help: 'Messages the platform accepted',
    labelNames: ['channel'],
    registers: [registry],
  });
  const failed = new Counter({
    name: 'dnevnik_alert_messages_failed_total',
    help: 'Messages not delivered, by reason',
    labelNames: ['channel', 'reason'],
    registers: [registry],
  });
  const retried = new Counter({
    name: 'dnevnik_alert_send_retries_total',
    help: 'Sends to be tried again, by reason',
    labelNames: ['channel', 'reason'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'dnevnik_alert_latency_seconds',
    help: 'From ingestion of the earliest alert in a message to its sending',
    labelNames: ['channel'],
    buckets: [1, 5, 15, 30, 60, 120, 180, 300, 600, 1800, 3600, 4 * 3600, 12 * 3600, 24 * 3600],
    registers: [registry],
  });
  return {
    planned: (n) => planned.inc(n),
    composed: (n) => composed.inc(n),
    sent: (channel, ms) => {
      sent.inc({ channel });
      latency.observe({ channel }, ms / 1000);
    },
    failed: (channel, reason) => failed.inc({ channel, reason }),
    retried: (channel, reason) => retried.inc({ channel, reason }),
  };
}
