import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// CONTRACT section 5: every command works while `npm start` holds the embedded database.
// PGlite is single-process, so the CLI has the server run the command; this checks it end to end.

const root = path.join(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'dnevnik.js');

describe('dnevnik commands while the server runs on the embedded database', () => {
  let dir: string;
  let server: ChildProcess;
  let port: number;
  const env = () => ({ PATH: process.env.PATH, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn', NODE_OPTIONS: '' });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-serving-'));
    port = 20000 + Math.floor(Math.random() * 20000);
    server = spawn(process.execPath, [bin, 'serve'], { cwd: root, env: { ...env(), PORT: String(port) }, stdio: 'ignore' });
    const deadline = Date.now() + 90_000;
    while (!fs.existsSync(path.join(dir, 'data', 'server.json'))) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 120_000);

  afterAll(async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const dnevnik = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, env: env(), encoding: 'utf8', timeout: 60_000 });

  test('ask answers from the demo school the server loaded', () => {
    const result = dnevnik(['ask', '--user', 'demo-guardian-1', 'баланс']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/на карте/);
  });

  test('import writes through the server, relative paths resolved from where the command runs', () => {
    fs.writeFileSync(
      path.join(dir, 'school.json'),
      JSON.stringify({ events: [{ id: 'srv-1', type: 'school.upserted', occurredAt: '2026-12-01T09:00:00+03:00', data: { schoolId: 'srv-s', name: 'Школа' } }] }),
    );
    expect(JSON.parse(dnevnik(['import', 'school.json']).stdout)).toEqual({ accepted: 1, duplicates: 0 });
    expect(JSON.parse(dnevnik(['import', 'school.json']).stdout)).toEqual({ accepted: 0, duplicates: 1 });
  });

  test('the server refuses the CLI route without the token from DATA_DIR', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/internal/cli`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"argv":["migrate"]}' });
    expect(res.status).toBe(401);
  });

  test('the server file goes away with the server', async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    expect(fs.existsSync(path.join(dir, 'data', 'server.json'))).toBe(false);
  });
});
