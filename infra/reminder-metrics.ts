import { Counter, Gauge, type Registry } from 'prom-client';

// Teacher reminder scans in /metrics. A scan that never happens raises no error, so the time of
// the last one per outcome is what an alert can watch ("no successful scan for 10 minutes").

/** scanned: this process scanned; skipped: another process held the scan lock; failed: it threw. */
export type TReminderScanOutcome = 'scanned' | 'skipped' | 'failed';

export function createReminderMetrics(registry: Registry): (outcome: TReminderScanOutcome) => void {
  const scans = new Counter({
    name: 'dnevnik_reminder_scans_total',
    help: 'Teacher reminder runs by outcome (scanned, skipped: another process scanned, failed)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const last = new Gauge({
    name: 'dnevnik_reminder_last_scan_timestamp_seconds',
    help: 'Unix time of the last teacher reminder run, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  return (outcome) => {
    scans.inc({ outcome });
    last.set({ outcome }, Date.now() / 1000);
  };
}
