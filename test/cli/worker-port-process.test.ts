import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// A real `dnevnik worker` with WORKER_PORT: its probes answer on that port, and SIGTERM closes
// the port and then the worker, exiting 0.

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'dnevnik.js');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function status(url: string): Promise<number | undefined> {
  try {
    return (await fetch(url)).status;
  } catch {
    return undefined;
  }
}

test('dnevnik worker serves its probes on WORKER_PORT and stops on SIGTERM', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-worker-port-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DEMO: 'false',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    HOST: '127.0.0.1',
    WORKER_PORT: String(port),
  };
  // The embedded database, one process: no Redis either.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [BIN, 'worker'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (log += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 90_000;
    while ((await status(`http://127.0.0.1:${port}/healthz`)) !== 200) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`worker did not listen:\n${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await status(`http://127.0.0.1:${port}/readyz`)).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('# TYPE dnevnik_reminder_scans_total counter');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await status(`http://127.0.0.1:${port}/healthz`)).toBeUndefined();
    expect(log).toContain('worker health and metrics listening');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 150_000);
