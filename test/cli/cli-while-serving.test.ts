import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDnevnik, startEmbeddedServer, type TEmbeddedServer } from '../helpers/dnevnik-cli';

// README "Command line": every command works while `npm start` holds the embedded database.
// PGlite is single-process, so the CLI has the server run the command; this checks it end to end.

describe('dnevnik commands while the server runs on the embedded database', () => {
  let dir: string;
  let server: TEmbeddedServer | undefined;
  let port: number;
  const env = () => ({ DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-serving-'));
    port = 20000 + Math.floor(Math.random() * 20000);
    server = await startEmbeddedServer({
      dataDir: path.join(dir, 'data'),
      env: { ...env(), PORT: String(port) },
      inheritEnv: false,
      deadlineMs: 90_000,
    });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Each command is killed after a minute; a test's own limit leaves room for its commands to run out.
  const RUN_MS = 60_000;
  const dnevnik = (args: string[]) => runDnevnik(args, { cwd: dir, env: env(), inheritEnv: false, timeoutMs: RUN_MS });

  test(
    'ask answers from the demo school the server loaded',
    async () => {
      const result = await dnevnik(['ask', '--user', 'demo-guardian-1', 'баланс']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/на карте/);
    },
    RUN_MS + 10_000,
  );

  test(
    'import writes through the server, relative paths resolved from where the command runs',
    async () => {
      fs.writeFileSync(
        path.join(dir, 'school.json'),
        JSON.stringify({
          events: [
            {
              id: 'srv-1',
              type: 'school.upserted',
              occurredAt: '2026-12-01T09:00:00+03:00',
              data: { schoolId: 'srv-s', name: 'Школа' },
            },
          ],
        }),
      );
      expect(JSON.parse((await dnevnik(['import', 'school.json'])).stdout)).toEqual({ accepted: 1, duplicates: 0 });
      expect(JSON.parse((await dnevnik(['import', 'school.json'])).stdout)).toEqual({ accepted: 0, duplicates: 1 });
    },
    2 * RUN_MS + 10_000,
  );

  test('the server refuses the CLI route without the token from DATA_DIR', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/internal/cli`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"argv":["migrate"]}',
    });
    expect(res.status).toBe(401);
  });

  test('the server file goes away with the server', async () => {
    await server!.stop();
    expect(fs.existsSync(path.join(dir, 'data', 'server.json'))).toBe(false);
  });
});
