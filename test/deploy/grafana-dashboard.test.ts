import fs from 'node:fs';
import path from 'node:path';
import type { Registry } from 'prom-client';
import { createAlertMetrics } from '../../infra/alert-metrics';
import { registerDbPoolMetrics } from '../../infra/db-pool-metrics';
import { createMetrics } from '../../infra/metrics';
import { createReminderMetrics } from '../../infra/reminder-metrics';

// deploy/grafana-dashboard.json asks only for series the app exports, and shows each family the
// issue names: a renamed metric breaks this test, not a dashboard nobody looks at until an incident.

interface TPanel {
  type: string;
  title: string;
  targets?: { expr: string }[];
}

const dashboard = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'deploy', 'grafana-dashboard.json'), 'utf8'),
) as { schemaVersion: number; templating: { list: { type: string; query: string }[] }; panels: TPanel[] };

/** Every series name the app's registries can hold, as web and worker processes build them. */
async function exportedNames(): Promise<Set<string>> {
  const metrics = createMetrics();
  const registry: Registry = metrics.registry;
  createAlertMetrics(registry, { depth: async () => 0, oldestDueAgeMs: async () => 0 });
  createReminderMetrics(registry);
  registerDbPoolMetrics(registry, { poolStats: () => ({ total: 0, idle: 0, waiting: 0, max: 10 }) });
  const names = new Set<string>();
  for (const metric of await registry.getMetricsAsJSON()) {
    names.add(metric.name);
    const type = String(metric.type);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(metric.name + s);
    if (type === 'summary') for (const s of ['_sum', '_count']) names.add(metric.name + s);
  }
  return names;
}

const PROMQL_WORDS = new Set([
  'sum',
  'max',
  'min',
  'avg',
  'rate',
  'increase',
  'histogram_quantile',
  'time',
  'by',
  'without',
]);

/** The names in an expression once label matchers, ranges, strings and grouping labels are removed. */
function identifiers(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without)\s*\([^)]*\)/g, '');
  return (bare.match(/[A-Za-z_:][A-Za-z0-9_:]*/g) ?? []).filter((word) => !PROMQL_WORDS.has(word));
}

const panels = dashboard.panels.filter((p) => p.type !== 'row');
const expressions = panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));

test('is a Grafana dashboard with a Prometheus data source variable', () => {
  expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
  expect(dashboard.templating.list).toContainEqual(
    expect.objectContaining({ type: 'datasource', query: 'prometheus' }),
  );
  expect(expressions.length).toBeGreaterThan(10);
});

test('every expression names only metrics the app exports', async () => {
  const names = await exportedNames();
  for (const expr of expressions) {
    for (const word of identifiers(expr)) {
      if (!names.has(word)) throw new Error(`${word} (in ${expr}) is not exported by the app`);
    }
  }
});

test.each([
  'dnevnik_http_requests_total',
  'dnevnik_http_request_duration_seconds_bucket',
  'dnevnik_alert_messages_sent_total',
  'dnevnik_alert_messages_failed_total',
  'dnevnik_alert_send_retries_total',
  'dnevnik_alerts_queue_depth',
  'dnevnik_alerts_queue_oldest_age_seconds',
  'dnevnik_reminder_scans_total',
  'dnevnik_reminder_last_scan_timestamp_seconds',
  'dnevnik_db_pool_connections',
  'dnevnik_db_pool_waiting',
  'dnevnik_event_inbox_depth',
  'dnevnik_event_inbox_oldest_age_seconds',
  'dnevnik_process_resident_memory_bytes',
  'dnevnik_process_cpu_seconds_total',
])('%s has a panel', (family) => {
  expect(expressions.some((expr) => identifiers(expr).includes(family))).toBe(true);
});

test('5xx and 429 have panels of their own', () => {
  expect(expressions.some((e) => e.includes('dnevnik_http_requests_total{status=~"5.."}'))).toBe(true);
  expect(expressions.some((e) => e.includes('dnevnik_alert_send_retries_total{reason="429"}'))).toBe(true);
});
