import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import express from 'express';
import { createCalendarFeeds } from '../core/calendar-feed';
import { consentText } from '../core/linking';
import { createIcalFeedRenderer } from '../infra/ical-feed-renderer';
import { createLogger } from '../infra/logger';
import { createMetrics } from '../infra/metrics';
import type { Database } from '../prisma/db/database';
import { applyMigrations } from '../prisma/db/migrate';
import { loadDemoSchool } from '../prisma/demo/load-demo';
import { createCalendarFeedStore } from '../prisma/stores/calendar-feed/calendar-feed-store';
import { createIngestStore } from '../prisma/stores/ingest/ingest-store';
import { createServer } from '../webhooks/app';
import { calendarRoute } from '../webhooks/calendar-route';
import { onEachDatabase, runBenchmark } from './bench-databases';
import { fmt, percentile } from './bench-support';

// npm run bench:calendar — a child's calendar feed over HTTP with a whole school year of lessons:
// the demo school generated for 20 May with every week since September. Each fetch finds the feed,
// writes its access-log entry and compares the version; a full answer also sends the file (rendered
// once, then from the cache while nothing changes), a 304 sends nothing. A cold render (no cache)
// is shown for scale. Next to bare Express GET routes in the same process and run: one answering
// "ok" and one sending the feed's own gzip bytes.
// Target: p99 < 100 ms warm, access-log write included.

const TZ = 'Europe/Moscow';
const TODAY = '2027-05-20';
const NOW = new Date(`${TODAY}T13:00:00+03:00`);
const WEEKS_OF_THE_YEAR = 37;
const PARENT = 'demo-guardian-1';

async function listen(app: express.Express): Promise<{ url: string; close: () => void }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

type TTimes = { p50: number; p99: number };

/**
 * Each request kind timed after a warm-up, the kinds taking turns request by request: a machine
 * busy with something else for a moment (PGlite tidying up after the load, another process) slows
 * them alike instead of whichever series ran then.
 */
async function timedTogether(count: number, kinds: (() => Promise<unknown>)[]): Promise<TTimes[]> {
  for (let i = 0; i < Math.min(200, count); i++) for (const one of kinds) await one();
  const times = kinds.map(() => [] as number[]);
  for (let i = 0; i < count; i++) {
    for (const [k, one] of kinds.entries()) {
      const t = performance.now();
      await one();
      times[k].push(performance.now() - t);
    }
  }
  return times.map((series) => {
    series.sort((a, b) => a - b);
    return { p50: percentile(series, 50), p99: percentile(series, 99) };
  });
}

// node:http rather than fetch: the time to the last byte as the server sends it, without a
// client unpacking and decoding half a megabyte in the same process (which fetch does, and which
// is the calendar app's time, not ours). Kept-alive connections, as a polling client has.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(url: string, headers: Record<string, string>, status: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { 'accept-encoding': 'gzip', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        res.statusCode === status
          ? resolve(Buffer.concat(chunks))
          : reject(
              new Error(`GET ${url.replace(/calendar\/.*/, 'calendar/…')}: ${res.statusCode}, expected ${status}`),
            ),
      );
    });
    req.on('error', reject);
  });
}

async function measureOn(db: Database, label: string, count: number) {
  await db.sql.session((sql) => applyMigrations(sql));
  const started = performance.now();
  await loadDemoSchool({
    ingestStore: createIngestStore(db),
    timezone: TZ,
    today: TODAY,
    weeksBefore: WEEKS_OF_THE_YEAR,
    prisma: db.prisma,
  });
  const [link] = await db.sql.query<{ studentId: string }>(
    `SELECT "studentId" FROM "StudentLink" WHERE "personId" = $1 ORDER BY "studentId" LIMIT 1`,
    [PARENT],
  );
  // The demo people hold the playground's demo consent; a feed serves only the current text's, as accepted in a chat.
  const { version, hash } = consentText('ru', 'telegram');
  await db.sql.query(
    `INSERT INTO "Consent" (id, "personId", "textVersion", "textHash", channel) VALUES ('bench-consent', $1, $2, $3, 'telegram')`,
    [PARENT, version, hash],
  );
  const pepper = randomBytes(32);
  const make = (cacheSize?: number) =>
    createCalendarFeeds({
      store: createCalendarFeedStore(db),
      renderer: createIcalFeedRenderer(),
      pepper,
      now: () => NOW,
      cacheSize,
    });
  const feeds = make();
  const [{ token }] = await feeds.issue(PARENT, [link.studentId]);
  const serve = (routers: express.Router[]) =>
    listen(
      createServer({
        logger: createLogger('silent'),
        metrics: createMetrics({ defaultMetrics: false }),
        readiness: {},
        routers,
      }),
    );
  const warm = await serve([calendarRoute(feeds)]);
  const cold = await serve([calendarRoute(make(0))]);
  const path = `/calendar/${token}.ics`;
  // The baselines: a bare route answering "ok", and one sending the feed's very bytes (gzip) with
  // no work at all — a feed cannot be sent faster than its bytes.
  const bytes = await get(warm.url + path, {}, 200);
  const bareApp = express();
  bareApp.get('/bare', (_req, res) => void res.type('text/plain').send('ok'));
  bareApp.get('/bytes', (_req, res) => void res.type('text/calendar').set('Content-Encoding', 'gzip').send(bytes));
  const bare = await listen(bareApp);

  try {
    const text = gunzipSync(bytes).toString();
    const events = text.match(/BEGIN:VEVENT/g)?.length ?? 0;
    const etag = (await fetch(warm.url + path)).headers.get('etag')!;
    process.stdout.write(
      `${label.padEnd(9)} a school year loaded in ${fmt((performance.now() - started) / 1000, 1)} s; the feed: ${fmt(events)} events, ${fmt(Buffer.byteLength(text) / 1024)} KiB (${fmt(bytes.length / 1024)} KiB gzip)\n`,
    );
    const logged = async () =>
      Number(
        (await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "AccessLog" WHERE channel = 'calendar'`))[0].n,
      );
    const before = await logged();
    const rounds = Math.max(20, Math.floor(count / 10));
    const [baseline, sameBytes, full, notModified] = await timedTogether(count, [
      () => get(`${bare.url}/bare`, {}, 200),
      () => get(`${bare.url}/bytes`, {}, 200),
      () => get(warm.url + path, {}, 200),
      () => get(warm.url + path, { 'if-none-match': etag }, 304),
    ]);
    const [rendered] = await timedTogether(rounds, [() => get(cold.url + path, {}, 200)]);
    const written = (await logged()) - before;
    const figures = (r: TTimes) => `p50 ${fmt(r.p50, 2).padStart(7)} ms  p99 ${fmt(r.p99, 2).padStart(7)} ms`;
    const line = (name: string, r: TTimes, base: TTimes, baseName: string, target = true) =>
      `  ${name.padEnd(42)} ${figures(r)}  ${fmt(r.p99 / base.p99, 1).padStart(5)}× ${baseName} at p99${target ? `  (target p99 < 100 ms: ${r.p99 < 100 ? 'met' : 'MISSED'})` : ''}\n`;
    process.stdout.write(`  ${'bare GET route ("ok")'.padEnd(42)} ${figures(baseline)}\n`);
    process.stdout.write(`  ${"bare GET route (the feed's gzip bytes)".padEnd(42)} ${figures(sameBytes)}\n`);
    process.stdout.write(line('feed, 200 (warm: rendered file cached)', full, sameBytes, 'the same bytes'));
    process.stdout.write(line('feed, 304 (If-None-Match)', notModified, baseline, 'the bare route'));
    process.stdout.write(line('feed, 200 rendered on every fetch', rendered, sameBytes, 'the same bytes', false));
    const expected = 2 * count + 2 * Math.min(200, count) + rounds + Math.min(200, rounds);
    process.stdout.write(
      `  access-log entries written: ${fmt(written)} (one per feed fetch: ${written === expected ? 'yes' : `NO, expected ${fmt(expected)}`})\n`,
    );
  } finally {
    warm.close();
    cold.close();
    bare.close();
  }
}

/** On PGlite, and on PostgreSQL when DATABASE_URL is set. */
export const measureCalendar = (count: number) =>
  onEachDatabase('bench_calendar', (db, label) => measureOn(db, label, count));

if (process.argv[1]?.endsWith('calendar.ts'))
  runBenchmark(() => measureCalendar(Number(process.env.BENCH_FEEDS ?? 1_000)));
