import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDnevnik, startEmbeddedServer, type TDnevnikResult, type TEmbeddedServer } from '../helpers/dnevnik-cli';

// `dnevnik codes --demo-reviewer` as an operator types it, on the embedded database: run by the
// server that holds it, and by the CLI itself once the server has stopped — the same lines either
// way (only the code and its expiry differ), before the demo school is loaded and after.

const RUN_MS = 120_000;

/** The output with the code's digits and the expiry's time replaced: what must not differ between two runs. */
const shape = (r: TDnevnikResult) => ({
  code: r.code,
  stdout: r.stdout.replace(/\d{4} \d{4} \d{4}/g, '<code>').replace(/(expires: +)\S+/g, '$1<time>'),
  stderr: r.stderr,
});

describe('dnevnik codes --demo-reviewer, with and without a server', () => {
  let dir: string;
  let server: TEmbeddedServer | undefined;
  const env = () => ({ DATA_DIR: path.join(dir, 'data'), DEMO: 'false', LOG_LEVEL: 'warn' });
  const dnevnik = (args: string[]) => runDnevnik(args, { cwd: dir, env: env(), inheritEnv: false, timeoutMs: RUN_MS });

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-reviewer-cli-'));
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test(
    'no demo school: one line and exit 1, from the CLI and from the server alike; then one code both ways',
    async () => {
      const aloneEmpty = await dnevnik(['codes', '--demo-reviewer']);
      expect(aloneEmpty.code).toBe(1);
      expect(aloneEmpty.stdout).toBe('');
      expect(aloneEmpty.stderr).toMatch(/^dnevnik codes: this database has no demo school[^\n]*\n$/);

      server = await startEmbeddedServer({
        dataDir: path.join(dir, 'data'),
        env: { ...env(), PORT: '0' },
        inheritEnv: false,
        deadlineMs: RUN_MS,
      });
      expect(shape(await dnevnik(['codes', '--demo-reviewer']))).toEqual(shape(aloneEmpty));

      const seeded = await dnevnik(['seed-demo', '--today', '2026-12-02']);
      expect(seeded.code).toBe(0);
      const served = await dnevnik(['codes', '--demo-reviewer', '--days', '3']);
      expect(served.stderr).toBe('');
      expect(served.code).toBe(0);
      expect(served.stdout).toMatch(/^demo reviewer code: \d{4} \d{4} \d{4}\n {2}links: +a parent of /);

      await server.stop();
      server = undefined;
      const alone = await dnevnik(['codes', '--demo-reviewer', '--days', '3']);
      expect(shape(alone)).toEqual(shape(served));
      // Two codes, both live: the second did not replace the first.
      expect(alone.stdout.match(/\d{4} \d{4} \d{4}/)![0]).not.toBe(served.stdout.match(/\d{4} \d{4} \d{4}/)![0]);
    },
    6 * RUN_MS,
  );
});
