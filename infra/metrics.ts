import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { createInboxMetrics, type InboxMetrics } from './inbox-metrics';

// One registry per running app, so tests can build several apps without "metric already registered".
export interface TMetrics {
  registry: Registry;
  httpRequests: Counter<'route' | 'status'>;
  httpDuration: Histogram<'route'>;
  ingestEvents: Counter<'result'>;
  ingestBatchDuration: Histogram;
  /** The VK and MAX inboxes, watched by the process that processes them. */
  inboxes: InboxMetrics;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): TMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'dnevnik_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'dnevnik_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'dnevnik_http_request_duration_seconds',
      help: 'HTTP request duration by route',
      labelNames: ['route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    ingestEvents: new Counter({
      name: 'dnevnik_ingest_events_total',
      help: 'Journal events by result (accepted, duplicate, rejected)',
      labelNames: ['result'],
      registers: [registry],
    }),
    ingestBatchDuration: new Histogram({
      name: 'dnevnik_ingest_batch_duration_seconds',
      help: 'Time to validate and apply one journal batch',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    inboxes: createInboxMetrics(registry),
  };
}
