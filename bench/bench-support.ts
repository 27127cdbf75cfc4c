import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

// Shared pieces of the benchmarks: scratch databases, a server in its own process (so its
// memory can be measured), and small statistics.

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(
      `${name} is not set: this benchmark needs the real server (run it under .ci/run or scripts/test-services.sh)\n`,
    );
    process.exit(2);
  }
  return value;
}

export async function createScratchDatabase(adminUrl: string, prefix: string) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Peak resident memory of the server so far (VmHWM), in MB. */
  peakRssMb(): number;
  /** CPU time (user + system) the server has used so far, in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** The V8 flags `npm start` runs the server with (package.json), so a benchmark measures the server as deployed. */
function startNodeFlags(root: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** `command` is a `dnevnik` command: `serve` is HTTP only, `start` adds the alerts worker. */
export async function startServerProcess(
  env: Record<string, string>,
  command: 'serve' | 'start' = 'serve',
): Promise<ServerProcess> {
  const port = await freePort();
  const root = path.join(__dirname, '..');
  const nodeArgs = [...startNodeFlags(root), ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'bin', 'dnevnik.js'), command], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', DEMO: 'false', ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    peakRssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    cpuSeconds: () => {
      // /proc/<pid>/stat: fields 14 and 15 (after the command in parentheses) are utime and stime in clock ticks.
      const fields = fs
        .readFileSync(`/proc/${child.pid}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `work` over `items` with at most `concurrency` in flight; `worker` says which lane runs it. */
export async function runPool<T>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number, worker: number) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i, worker);
      }
    }),
  );
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Calls counted per platform method, as "sendMessage 1,234, getMe 1". */
export const fmtCounts = (counts: Map<string, number>) =>
  [...counts.entries()].map(([method, n]) => `${method} ${fmt(n)}`).join(', ');

/**
 * The baseline every webhook is measured against: a bare Express app in its own process whose
 * POST routes only parse the JSON body and answer `reply` (text) — no secret, no database.
 */
export async function startBareRoute(paths: string[], reply = ''): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const routes = paths
    .map(
      (p) =>
        `a.post(${JSON.stringify(p)},e.json({limit:'1mb'}),(q,r)=>r.type('text/plain').send(${JSON.stringify(reply)}));`,
    )
    .join('');
  const code = `const e=require('express');const a=e();${routes}a.listen(${port},'127.0.0.1',()=>process.send('up'));`;
  const child = spawn(process.execPath, ['-e', code], {
    cwd: process.cwd(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise((resolve) => child.once('message', resolve));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

export interface TLoadResult {
  rate: number;
  p50: number;
  p99: number;
}

/**
 * Posts each body to `url` with `concurrency` requests in flight; any answer but 200 stops the run.
 * Several urls take the bodies in turn, as a round-robin load balancer hands them out.
 */
export async function postAll(
  url: string | string[],
  bodies: string[],
  concurrency: number,
  headers: Record<string, string> = {},
  onResponse?: (text: string) => void,
): Promise<TLoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const urls = typeof url === 'string' ? [url] : url;
  await runPool(bodies, concurrency, async (body, i) => {
    const to = urls[i % urls.length];
    const t0 = performance.now();
    const res = await fetch(to, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${to} answered ${res.status}: ${text.slice(0, 200)}`);
    latencies.push(performance.now() - t0);
    onResponse?.(text);
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: bodies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Access-log rows so far: one per pupil an answer showed, so the count tells real answers from refusals and prompts. */
export async function accessLogRows(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AccessLog"`);
  await client.end();
  return rows[0].n;
}
