import http from 'node:http';
import { Client } from 'pg';
import { signJournalBody } from '../webhooks/journal-signature';
import { createScratchDatabase, fmt, percentile, requireEnv, runPool, startServerProcess } from './bench-support';

// npm run bench:ingest — journal ingestion against real PostgreSQL, next to a bare multi-row
// INSERT of the same rows into a bare table on the same server in the same run.
// Target: ingestion ≥ 30 % of the bare-insert rate; server peak RSS under 300 MB.

const TOTAL = Number(process.env.BENCH_EVENTS ?? 100_000);
const BATCH = 500;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const STUDENTS = 2_000;
const SECRET = 'bench-journal-secret-0123456789';
const SUBJECTS = ['math', 'rus', 'lit', 'eng', 'hist', 'bio', 'geo', 'phys'];

function schoolSetup() {
  const at = '2026-12-01T09:00:00+03:00';
  const events: unknown[] = [
    {
      id: 'setup-school',
      type: 'school.upserted',
      occurredAt: at,
      data: { schoolId: 'b', name: 'Школа', timezone: 'Europe/Moscow' },
    },
    { id: 'setup-class', type: 'class.upserted', occurredAt: at, data: { schoolId: 'b', classId: 'b-5a', name: '5А' } },
    ...SUBJECTS.map((s) => ({
      id: `setup-sub-${s}`,
      type: 'subject.upserted',
      occurredAt: at,
      data: { schoolId: 'b', subjectId: `b-${s}`, name: s },
    })),
  ];
  for (let i = 0; i < STUDENTS; i++) {
    events.push({
      id: `setup-st-${i}`,
      type: 'student.upserted',
      occurredAt: at,
      data: { schoolId: 'b', studentId: `b-st${i}`, classId: 'b-5a', lastName: 'Иванов', firstName: 'Иван' },
    });
  }
  return events;
}

function gradeRow(i: number) {
  return {
    gradeId: `g${i}`,
    studentId: `b-st${i % STUDENTS}`,
    subjectId: `b-${SUBJECTS[i % SUBJECTS.length]}`,
    date: `2026-${String(9 + (i % 4)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    value: String(2 + (i % 4)),
    weight: 1 + (i % 2),
    workType: i % 10 === 0 ? 'Контрольная работа' : 'Ответ на уроке',
  };
}

// node:http with keep-alive: the load generator should spend as little of the two cores as the
// baseline's pg client does, so the ratio compares the servers, not the clients.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

async function post(url: string, events: unknown[]): Promise<{ accepted: number; duplicates: number }> {
  const body = Buffer.from(JSON.stringify({ events }));
  const ts = Math.floor(Date.now() / 1000);
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(`${url}/webhooks/journal`, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        'content-length': body.length,
        'x-dnevnik-timestamp': String(ts),
        'x-dnevnik-signature': signJournalBody(SECRET, ts, body),
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
  if (status !== 200) throw new Error(`journal answered ${status}: ${text}`);
  return JSON.parse(text);
}

async function bareInsertRate(url: string, batches: ReturnType<typeof gradeRow>[][], table: string) {
  const clients = await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  await clients[0].query(
    `CREATE TABLE ${table} (id text PRIMARY KEY, student_id text, subject_id text, date date, value text, weight int, work_type text)`,
  );
  const started = performance.now();
  await runPool(batches, CONCURRENCY, async (rows, _index, worker) => {
    const client = clients[worker];
    const params: unknown[] = [];
    const tuples = rows.map((r, j) => {
      params.push(r.gradeId, r.studentId, r.subjectId, r.date, r.value, r.weight, r.workType);
      const b = j * 7;
      return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7})`;
    });
    await client.query(`INSERT INTO ${table} VALUES ${tuples.join(',')}`, params);
  });
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  return (batches.length * BATCH) / seconds;
}

async function main() {
  const adminUrl = requireEnv('DATABASE_URL');
  const db = await createScratchDatabase(adminUrl, 'dnevnik_bench_ingest');
  const server = await startServerProcess({ DATABASE_URL: db.url, JOURNAL_WEBHOOK_SECRET: SECRET });
  try {
    const setup = schoolSetup();
    for (let i = 0; i < setup.length; i += 1000) await post(server.url, setup.slice(i, i + 1000));

    const batches: ReturnType<typeof gradeRow>[][] = [];
    for (let i = 0; i < TOTAL; i += BATCH)
      batches.push(Array.from({ length: Math.min(BATCH, TOTAL - i) }, (_, j) => gradeRow(i + j)));
    const at = '2026-12-01T10:00:00+03:00';
    const eventBatches = batches.map((rows) =>
      rows.map((r) => ({ id: `ev-${r.gradeId}`, type: 'grade.upserted', occurredAt: at, data: r })),
    );

    // The baseline runs before and after ingestion, so a change in machine load during the run
    // shows up as a difference between the two instead of skewing the ratio unnoticed.
    const bareBefore = await bareInsertRate(db.url, batches, 'bare_grade_before');

    // Warm-up (JIT, connection pool, plan cache) on a small separate set of grades.
    await post(
      server.url,
      eventBatches[0].map((e) => ({
        ...e,
        id: `warm-${e.id}`,
        data: { ...e.data, gradeId: `warm-${e.data.gradeId}` },
      })),
    );

    const latencies: number[] = [];
    let accepted = 0;
    const started = performance.now();
    await runPool(eventBatches, CONCURRENCY, async (events) => {
      const t0 = performance.now();
      const result = await post(server.url, events);
      accepted += result.accepted;
      latencies.push(performance.now() - t0);
    });
    const seconds = (performance.now() - started) / 1000;
    const ingestRate = accepted / seconds;
    const peakRss = server.peakRssMb();

    const bareAfter = await bareInsertRate(db.url, batches, 'bare_grade_after');
    const bareRate = (bareBefore + bareAfter) / 2;
    latencies.sort((a, b) => a - b);
    const ratio = ingestRate / bareRate;
    const lines = [
      `bench:ingest — ${fmt(TOTAL)} grade events, batches of ${BATCH}, ${CONCURRENCY} concurrent requests, real PostgreSQL`,
      `  ingestion (HTTP → validate → transaction incl. history + outbox): ${fmt(ingestRate)} events/s  (${fmt(seconds, 1)} s; batch p50 ${fmt(percentile(latencies, 50), 1)} ms, p99 ${fmt(percentile(latencies, 99), 1)} ms)`,
      `  baseline: bare multi-row INSERT of the same rows into a bare table:  ${fmt(bareRate)} rows/s  (before ${fmt(bareBefore)}, after ${fmt(bareAfter)})`,
      `  ratio ingestion / bare insert: ${fmt(ratio * 100, 1)} %  (target ≥ 30 %) ${ratio >= 0.3 ? 'OK' : 'BELOW TARGET'}`,
      `  server (dnevnik serve) peak RSS: ${fmt(peakRss, 1)} MB  (target < 300 MB) ${peakRss < 300 ? 'OK' : 'ABOVE TARGET'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (accepted !== TOTAL) throw new Error(`accepted ${accepted} of ${TOTAL}`);
  } finally {
    agent.destroy();
    await server.stop();
    await db.drop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
