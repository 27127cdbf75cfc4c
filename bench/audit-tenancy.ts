import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import {
  changedTables,
  SCHOOL_A,
  SCHOOL_B,
  type TWriter,
  tableFingerprints,
  tenancyCases,
  tenancySetup,
} from '../test/tenancy/tenancy-cases';
import { signJournalBody } from '../webhooks/journal-signature';
import { createScratchDatabase, fmt, requireEnv, startServerProcess } from './bench-support';

// npm run audit:tenancy — two schools with their own journal keys (made by the `dnevnik
// journal-keys` command, a second process on the server's database) and the operator, against a
// server process on real PostgreSQL. The cases are generated from every event type × every
// reference field (test/tenancy/tenancy-cases.ts), alone and hidden inside valid batches, tried by
// each key, AUDIT_TENANCY_ROUNDS times with fresh ids. Target: accepted 0, rows changed 0, 5xx 0.

const ROUNDS = Number(process.env.AUDIT_TENANCY_ROUNDS ?? 10);
const OPERATOR_SECRET = 'audit-operator-secret-0123456789';
const root = path.join(__dirname, '..');

// Asynchronous: a blocked event loop would let the server close the bench's idle keep-alive
// connection unnoticed, and the next request would find it dead.
async function createKey(env: Record<string, string>, school: string): Promise<{ keyId: string; secret: string }> {
  const args = [path.join(root, 'bin', 'dnevnik.js'), 'journal-keys', 'create', '--school', school, '--format', 'json'];
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as { keyId: string; secret: string };
}

async function main() {
  const db = await createScratchDatabase(requireEnv('DATABASE_URL'), 'dnevnik_tenancy');
  const env = {
    DATABASE_URL: db.url,
    DEMO: 'false',
    JOURNAL_WEBHOOK_SECRET: OPERATOR_SECRET,
    JOURNAL_KEY_SEAL_KEY: 'audit-seal-key-0123456789abcdef0123',
  };
  const server = await startServerProcess({ ...env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
  let crashed = false;
  server.child.once('exit', (code, signal) => {
    crashed = code !== 0 && code !== null;
    if (process.env.AUDIT_DEBUG) process.stderr.write(`server exited: ${code} ${signal}\n`);
  });
  const client = new Client({ connectionString: db.url });
  await client.connect();
  const query = async <T>(sql: string) => (await client.query(sql)).rows as T[];
  try {
    const keys = { A: await createKey(env, SCHOOL_A), B: await createKey(env, SCHOOL_B) };
    const post = async (by: TWriter, events: unknown[]) => {
      const body = JSON.stringify({ events });
      const timestamp = Math.floor(Date.now() / 1000);
      const secret = by === 'operator' ? OPERATOR_SECRET : keys[by].secret;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-dnevnik-timestamp': String(timestamp),
        'x-dnevnik-signature': signJournalBody(secret, timestamp, body),
      };
      if (by !== 'operator') headers['x-dnevnik-key-id'] = keys[by].keyId;
      try {
        return (await fetch(`${server.url}/webhooks/journal`, { method: 'POST', headers, body })).status;
      } catch (err) {
        if (process.env.AUDIT_DEBUG) process.stderr.write(`${String((err as Error).cause ?? err)}\n`);
        return 0;
      }
    };
    const setup = tenancySetup();
    for (const by of ['A', 'B', 'operator'] as const) {
      const status = await post(by, setup[by]);
      if (status !== 200) throw new Error(`setup batch of ${by} answered ${status}`);
    }

    const before = await tableFingerprints(query);
    const cases = tenancyCases(ROUNDS);
    const tally = new Map<TWriter, { tried: number; statuses: Map<number, number>; unexpected: number }>();
    const examples: string[] = [];
    const started = performance.now();
    for (const c of cases) {
      const status = await post(c.by, c.events);
      const t = tally.get(c.by) ?? { tried: 0, statuses: new Map(), unexpected: 0 };
      tally.set(c.by, t);
      t.tried++;
      t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);
      if (status !== c.expect) {
        t.unexpected++;
        if (examples.length < 10) examples.push(`${c.name}: ${status}, expected ${c.expect}`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const healthy =
      !crashed &&
      (await fetch(`${server.url}/healthz`)
        .then((r) => r.ok)
        .catch(() => false));
    const changed = changedTables(before, await tableFingerprints(query));

    let tried = 0;
    let accepted = 0;
    let fiveHundreds = 0;
    const lines = [
      `audit:tenancy — two schools with their own keys and the operator, against a server process on PostgreSQL, ${ROUNDS} round(s), ${fmt(seconds, 1)} s`,
    ];
    for (const [by, t] of tally) {
      const count = (test: (s: number) => boolean) =>
        [...t.statuses].filter(([s]) => test(s)).reduce((n, [, k]) => n + k, 0);
      tried += t.tried;
      accepted += count((s) => s >= 200 && s < 300);
      fiveHundreds += count((s) => s >= 500 || s === 0);
      const statuses = [...t.statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${fmt(n)}`)
        .join(' ');
      lines.push(
        `  ${(by === 'operator' ? 'operator' : `key of ${by}`).padEnd(9)} tried ${fmt(t.tried).padStart(6)}   ${statuses}   not the expected status: ${t.unexpected}`,
      );
    }
    lines.push(
      `  total tried ${fmt(tried)} (${fmt(cases.length / ROUNDS)} cases a round); accepted ${accepted}; 5xx or no answer ${fiveHundreds}; crashes ${healthy ? 0 : 1}; rows changed: ${changed.length === 0 ? 0 : changed.join(', ')}`,
    );
    if (examples.length > 0) lines.push(`  unexpected: ${examples.join('; ')}`);
    const met = accepted === 0 && fiveHundreds === 0 && healthy && changed.length === 0;
    lines.push(`  target: accepted 0, rows changed 0, 5xx 0 — ${met ? 'MET' : 'NOT MET'}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    if (!met) process.exitCode = 1;
  } finally {
    await client.end();
    await server.stop().catch(() => undefined);
    await db.drop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
