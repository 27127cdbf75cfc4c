import { sendRamp } from './alerts-audit';
import { runScenario, telegramTarget } from './alerts-fanout';
import { startAlertsStub } from './alerts-support';
import { fmt } from './bench-support';

// bench:scale's alert half: bench:alerts' fan-out (the same school and grades, a scratch database
// per run) delivered by one and then by two `dnevnik worker` processes to the Telegram double in
// its own process at its limit (per bot a second, one a second per chat, 429 + retry_after).

export interface TAlertsScale {
  students: number;
  grades: number;
  perSecond: number;
  windowSeconds: number;
  journalSecret: string;
}

export interface TWorkersRun {
  workers: number;
  /** Seconds from the first send until a rolling second first held 90 % of the limit (NaN: never). */
  reachS: number;
  /** Messages a second over the middle 90 % of sends, ÷ the limit. */
  sustained: number;
  /** Most messages the double accepted in any rolling second. */
  peakPerSecond: number;
  tooMany: number;
  messages: number;
  lost: number;
  doubles: number;
  sendSpanS: number;
  wallS: number;
}

export async function alertsScale(
  options: TAlertsScale,
  adminUrl: string,
  redisUrl: string,
  workerCounts: number[],
): Promise<TWorkersRun[]> {
  const stub = await startAlertsStub(options.perSecond);
  const target = telegramTarget(stub, options.perSecond, options.windowSeconds, options.journalSecret);
  const runs: TWorkersRun[] = [];
  try {
    for (const workers of workerCounts) {
      const before = await stub.stats();
      const scenario = { name: `scale_${workers}w`, students: options.students, grades: options.grades, workers };
      const r = await runScenario({ ...scenario, crash: false }, adminUrl, redisUrl, target);
      const ramp = sendRamp(r.accepted, options.perSecond);
      runs.push({
        workers,
        reachS: ramp.reachS,
        sustained: r.rates.middle / options.perSecond,
        peakPerSecond: ramp.peakPerSecond,
        tooMany: r.stub.tooMany - before.tooMany,
        messages: r.audit.messages,
        lost: r.audit.lostItems,
        doubles: r.audit.duplicates,
        sendSpanS: r.rates.spanS,
        wallS: r.wallS,
      });
      process.stdout.write(`${workersLine(runs[runs.length - 1], options.perSecond)}\n`);
    }
  } finally {
    stub.stop();
  }
  return runs;
}

export function workersLine(r: TWorkersRun, perSecond: number): string {
  const reach = Number.isNaN(r.reachS) ? 'never' : `${fmt(r.reachS, 2)} s`;
  return [
    `  ${r.workers} worker${r.workers > 1 ? 's' : ' '}: 90 % of the limit after ${reach}`,
    `sustained ${fmt(r.sustained, 3)} × limit`,
    `max ${r.peakPerSecond} in any 1 s (limit ${perSecond})`,
    `429s ${fmt(r.tooMany)}`,
    `lost ${fmt(r.lost)}`,
    `double ${fmt(r.doubles)}`,
    `sending ${fmt(r.messages)} messages took ${fmt(r.sendSpanS, 0)} s, total ${fmt(r.wallS, 0)} s`,
  ].join(', ');
}
