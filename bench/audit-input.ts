import { Client } from 'pg';
import { startMaxStub } from '../test/helpers/max-stub';
import { startPlatformStub } from '../test/helpers/platform-stub';
import { webhookReplyCall } from '../test/helpers/telegram-stub';
import { BRAKE_TABLES, HOSTILE_ENV, hostileCases } from '../test/hostile/hostile-cases';
import { createScratchDatabase, fmt, fmtCounts, requireEnv, startServerProcess } from './bench-support';

// npm run audit:input — the hostile-input cases of test/hostile, many times over, against a
// server process (`dnevnik serve`, every channel on, real PostgreSQL, Redis when REDIS_URL is
// set), its Telegram and VK calls answered by a local stub, its MAX calls by the MAX stub. Reports per route how many requests
// were tried and how they were answered, whether the server crashed, and how many rows changed.
// Target: thousands tried, 0 × 5xx, 0 crashes, 0 rows changed.

const PER_ROUTE = Number(process.env.AUDIT_PER_ROUTE ?? 600);

async function rowCounts(url: string): Promise<Map<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    const counts = new Map<string, number>();
    for (const { name } of tables.rows)
      counts.set(name, Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`)).rows[0].n));
    return counts;
  } finally {
    await client.end();
  }
}

async function main() {
  const db = await createScratchDatabase(requireEnv('DATABASE_URL'), 'dnevnik_audit');
  const platform = await startPlatformStub();
  const max = await startMaxStub({ token: HOSTILE_ENV.MAX_BOT_TOKEN });
  const redisUrl = process.env.REDIS_URL;
  const redis: Record<string, string> = redisUrl ? { REDIS_URL: redisUrl } : {};
  const server = await startServerProcess({
    ...HOSTILE_ENV,
    ...redis,
    DATABASE_URL: db.url,
    DEMO: 'true',
    TELEGRAM_API_ROOT: platform.telegramApiRoot,
    VK_API_BASE_URL: platform.vkApiBase,
    MAX_API_BASE_URL: max.apiBaseUrl,
    LINK_CODE_PEPPER: 'audit-pepper-0123456789abcdef0123456789',
  });
  let crashed = false;
  server.child.once('exit', (code) => (crashed = code !== 0 && code !== null));
  try {
    const before = await rowCounts(db.url);
    const cases = hostileCases(PER_ROUTE);
    const tally = new Map<
      string,
      { tried: number; ok: number; refused: number; errors: number; statuses: Map<number, number> }
    >();
    const fiveHundreds: string[] = [];
    const started = performance.now();
    // Telegram's polite replies mostly ride in the webhook response (a webhook reply), not in a request to the double.
    const inWebhookResponses = new Map<string, number>();
    for (const c of cases) {
      const t = tally.get(c.route) ?? { tried: 0, ok: 0, refused: 0, errors: 0, statuses: new Map() };
      tally.set(c.route, t);
      t.tried++;
      let status = 0;
      try {
        const res = await fetch(`${server.url}${c.path}`, {
          method: 'POST',
          headers: { 'content-type': c.contentType ?? 'application/json', ...c.headers },
          body: c.body,
        });
        const text = await res.text();
        status = res.status;
        const method = c.route === 'telegram' ? webhookReplyCall(text)?.method : undefined;
        if (method) inWebhookResponses.set(method, (inWebhookResponses.get(method) ?? 0) + 1);
      } catch {
        status = 0; // connection refused or reset: counted as an error (a crash shows below)
      }
      t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);
      if (status >= 200 && status < 300) t.ok++;
      else if (status >= 400 && status < 500) t.refused++;
      else {
        t.errors++;
        if (fiveHundreds.length < 10) fiveHundreds.push(`${c.route} / ${c.name}: ${status}`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    // Let queued VK and MAX updates drain before counting rows.
    await new Promise((r) => setTimeout(r, 1000));
    const healthy =
      !crashed &&
      (await fetch(`${server.url}/healthz`)
        .then((r) => r.ok)
        .catch(() => false));
    const after = await rowCounts(db.url);
    const diff = [...after.entries()]
      .filter(([table, n]) => before.get(table) !== n)
      .map(([table, n]) => ({ table, text: `${table} ${before.get(table) ?? 0}→${n}` }));
    const changed = diff.filter((d) => !BRAKE_TABLES.includes(d.table)).map((d) => d.text);
    const braked = diff.filter((d) => BRAKE_TABLES.includes(d.table)).map((d) => d.text);
    let total = 0;
    let errors = 0;
    const lines = [
      `audit:input — hostile requests against a server process (every channel on, real PostgreSQL${process.env.REDIS_URL ? ' + Redis' : ''}), ${fmt(seconds, 1)} s`,
    ];
    for (const [route, t] of tally) {
      total += t.tried;
      errors += t.errors;
      const statuses = [...t.statuses.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      lines.push(
        `  ${route.padEnd(9)} tried ${fmt(t.tried).padStart(6)}   2xx ${fmt(t.ok).padStart(6)}   4xx ${fmt(t.refused).padStart(6)}   5xx/other ${t.errors}   (${statuses})`,
      );
    }
    lines.push(
      `  total tried ${fmt(total)}; 5xx or no answer: ${errors}${errors ? ` (${fiveHundreds.join('; ')})` : ''}; crashes: ${healthy ? 0 : 1}; rows changed: ${changed.length === 0 ? 0 : changed.join(', ')}`,
    );
    if (braked.length > 0)
      lines.push(
        `  by design: ${braked.join(', ')} — wrong link codes among the junk, logged as failed tries for the guessing brake`,
      );
    lines.push(
      `  target: thousands tried, 0 × 5xx, 0 crashes, 0 rows changed — ${total >= 1000 && errors === 0 && healthy && changed.length === 0 ? 'MET' : 'NOT MET'}`,
    );
    lines.push(
      `  platform calls made by the polite replies: ${fmtCounts(platform.counts)}; in Telegram webhook responses: ${fmtCounts(inWebhookResponses) || 'none'}; MAX messages ${fmt(max.accepted.length)}, callback answers ${fmt(max.answers.length)}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await server.stop().catch(() => undefined);
    await platform.close();
    await max.close();
    await db.drop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
