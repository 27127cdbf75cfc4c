import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { seedFamilies } from '../test/helpers/alert-fixtures';
import { auditRun, pipelineState } from './alerts-audit';
import { setupEvents } from './alerts-school';
import {
  type AlertsStub,
  openBenchQueue,
  postJournal,
  startWorkerProcess,
  type WorkerProcess,
  waitFor,
} from './alerts-support';
import { createScratchDatabase, fmt, percentile, startServerProcess } from './bench-support';

// The morning rush of bench:alerts: pupils pass the turnstiles as a school's morning goes — a
// trickle, then most of them in the minutes before the bell — and each pass is posted to POST
// /webhooks/journal the moment it happens (a turnstile system pushes every second), so the run
// lasts as long as the morning it replays. Two guardians of each pupil have arrival alerts on;
// one of the two worker processes is killed with SIGKILL halfway through.
// Target: p99 of pass → send ≤ (the messages ahead of it when its pass came ÷ the platform limit)
// + 5 s; 0 lost; duplicates at most the sends in flight at the kill.

export interface TRushOptions {
  pupils: number;
  guardians: number;
  /** How long the morning lasts, in seconds (a real one: 600). */
  seconds: number;
  perSecond: number;
  secret: string;
}

const SLACK_MS = 5_000;

/** When each pupil passes, in ms from the start: 40 % spread over the morning, 60 % in its last 30 %. */
function passTimes(pupils: number, seconds: number): number[] {
  const ms = seconds * 1000;
  return Array.from({ length: pupils }, (_, i) => {
    const u = ((i * 7919) % pupils) / pupils;
    return i % 5 < 2 ? Math.floor(u * ms) : Math.floor(ms * 0.7 + u * ms * 0.3);
  }).sort((a, b) => a - b);
}

/** Per message, its latency above what the messages queued ahead of it cost at the limit. */
function excessOverBacklog(rows: { ingestedAt: number; sentAt: number }[], perSecond: number): number[] {
  const sorted = [...rows].sort((a, b) => a.ingestedAt - b.ingestedAt);
  return sorted.map((m, i) => {
    // Ahead of it: messages that came before it and were still unsent when it came.
    let ahead = 0;
    for (let j = 0; j < i; j++) if (sorted[j].sentAt > m.ingestedAt) ahead++;
    return m.sentAt - m.ingestedAt - (ahead / perSecond) * 1000;
  });
}

export async function runMorningRush(
  options: TRushOptions,
  adminUrl: string,
  redisUrl: string,
  stub: AlertsStub,
): Promise<{ lines: string[]; failed: boolean }> {
  const started = performance.now();
  const db = await createScratchDatabase(adminUrl, 'dnevnik_bench_alerts_rush');
  const queue = await openBenchQueue(redisUrl);
  const pg = new Client({ connectionString: db.url });
  const botId = String(randomInt(1_000_000_000, 2_000_000_000));
  const workerEnv = {
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    TELEGRAM_BOT_TOKEN: `${botId}:bench`,
    TELEGRAM_API_ROOT: stub.apiRoot,
  };
  const workers: WorkerProcess[] = [];
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  const before = await stub.stats();
  try {
    server = await startServerProcess({ DATABASE_URL: db.url, JOURNAL_WEBHOOK_SECRET: options.secret });
    const serverUrl = server.url;
    await pg.connect();
    const setup = setupEvents(options.pupils);
    for (let i = 0; i < setup.length; i += 1000) await postJournal(serverUrl, options.secret, setup.slice(i, i + 1000));
    const studentIds = Array.from({ length: options.pupils }, (_, i) => `b-st${i}`);
    await seedFamilies(async (sql, params) => (await pg.query(sql, params)).rows, {
      studentIds,
      guardiansOf: () => options.guardians,
      chatIdOf: (i, g) => String(600_000_000 + i * 10 + g),
      types: ['arrival'],
    });
    await pg.query('ANALYZE');
    for (let w = 0; w < 2; w++) workers.push(startWorkerProcess(workerEnv));
    await waitFor('workers', async () => (await queue.workers()) >= 2, 60_000);

    const times = passTimes(options.pupils, options.seconds);
    const t0 = Date.now();
    const postMs: number[] = [];
    let next = 0;
    let killed: { inFlight: number; sent: number } | null = null;
    while (next < times.length) {
      const now = Date.now() - t0;
      if (!killed && now >= (options.seconds * 1000) / 2) {
        await workers[0].kill9();
        const s = await pipelineState(pg);
        killed = { inFlight: s.sending, sent: s.sent };
      }
      const due: unknown[] = [];
      const at = new Date().toISOString();
      while (next < times.length && times[next] <= now) {
        due.push({
          id: `pass-${next}`,
          type: 'pass.recorded',
          occurredAt: at,
          data: { passId: `ps${next}`, studentId: studentIds[next], at, direction: 'in', place: 'Главный вход' },
        });
        next++;
      }
      if (due.length > 0) {
        const p = performance.now();
        await postJournal(serverUrl, options.secret, due);
        postMs.push(performance.now() - p);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 - ((Date.now() - t0) % 1000))));
    }
    const expected = options.pupils * options.guardians;
    await waitFor(
      'all sent',
      async () => {
        const s = await pipelineState(pg);
        return s.unplannedFacts === 0 && s.uncomposedItems === 0 && s.messages >= expected && s.open === 0;
      },
      900_000,
      500,
    );
    await new Promise((r) => setTimeout(r, 2000));
    const accepted = await stub.accepted(botId);
    const audit = await auditRun(pg, accepted, expected, expected);
    const { rows } = await pg.query<{ ingestedAt: number; sentAt: number }>(
      `SELECT (extract(epoch FROM "ingestedAt") * 1000)::float8 AS "ingestedAt", (extract(epoch FROM "sentAt") * 1000)::float8 AS "sentAt"
       FROM "AlertMessage" WHERE status = 'sent'`,
    );
    const excess = excessOverBacklog(rows, options.perSecond).sort((a, b) => a - b);
    const latency = rows.map((r) => r.sentAt - r.ingestedAt).sort((a, b) => a - b);
    const post = postMs.sort((a, b) => a - b);
    const stats = await stub.stats();
    const tooMany = stats.tooMany - before.tooMany;
    const excessP99 = percentile(excess, 99);
    const inFlight = killed?.inFlight ?? 0;
    const ok = audit.lostItems === 0 && audit.duplicates <= inFlight && excessP99 <= SLACK_MS;
    const lines = [
      `morning rush: ${fmt(options.pupils)} pupils' arrival passes over ${fmt(options.seconds)} s (60 % in its last 30 %), ${fmt(expected)} subscribed guardians, 2 worker processes, one killed with SIGKILL halfway; wall ${fmt((performance.now() - started) / 1000, 0)} s`,
      `  passes posted as they happen: ${fmt(post.length)} posts, p50 ${fmt(percentile(post, 50), 1)} ms, p99 ${fmt(percentile(post, 99), 1)} ms`,
      `  arrival alerts: ${fmt(audit.items)} planned, ${fmt(audit.messages)} messages, ${fmt(audit.accepted)} accepted by the stub; 429s ${fmt(tooMany)}`,
      `  pass → send: p50 ${fmt(percentile(latency, 50) / 1000, 2)} s, p99 ${fmt(percentile(latency, 99) / 1000, 2)} s, max ${fmt((latency.at(-1) ?? NaN) / 1000, 2)} s`,
      `  above the backlog at ${options.perSecond}/s (messages ahead ÷ limit): p50 ${fmt(percentile(excess, 50) / 1000, 2)} s, p99 ${fmt(excessP99 / 1000, 2)} s (target ≤ 5 s) ${excessP99 <= SLACK_MS ? 'OK' : 'MISSED'}`,
      `  kill: ${fmt(killed?.sent ?? 0)} sent before it, ${fmt(inFlight)} in flight; lost ${fmt(audit.lostItems)} (target 0), duplicates ${fmt(audit.duplicates)} (target ≤ ${fmt(inFlight)}) ${audit.lostItems === 0 && audit.duplicates <= inFlight ? 'OK' : 'FAILED'}${Object.keys(audit.notSent).length ? `; not sent: ${JSON.stringify(audit.notSent)}` : ''}`,
    ];
    return { lines, failed: !ok };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await pg.end().catch(() => undefined);
    await server?.stop();
    await queue.close();
    await db.drop();
  }
}
