import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDnevnik, startEmbeddedServer, type TDnevnikResult, type TEmbeddedServer } from '../helpers/dnevnik-cli';

// A mistake on the command line gets the same answer whether the command runs in the CLI's own
// process or, while a server holds the embedded database, in that server: the same stderr, byte
// for byte, and the same exit code — never a 500 or a message of the server's own.

const BAD_INVOCATIONS: string[][] = [
  ['ask', '--usr', 'x', 'оценки'],
  ['ask', '--user', 'nobody', 'оценки'],
  ['import', 'broken.csv'],
  ['import', 'missing.json'],
  ['import', 'invalid.json'],
  ['import', '--key-id', 'no-such-key', 'school.json'],
  ['import', '--bogus', 'school.json'],
  ['import'],
  ['seed-demo', '--today', '2026-13-45'],
];

const SCHOOL = {
  id: 'err-1',
  type: 'school.upserted',
  occurredAt: '2026-12-01T09:00:00+03:00',
  data: { schoolId: 'err-s', name: 'Школа' },
};

describe('bad invocations, with and without a server', () => {
  let dir: string;
  let server: TEmbeddedServer | undefined;
  const env = () => ({ DATA_DIR: path.join(dir, 'data'), DEMO: 'false', LOG_LEVEL: 'warn' });
  const RUN_MS = 120_000;
  const dnevnik = (args: string[]) => runDnevnik(args, { cwd: dir, env: env(), inheritEnv: false, timeoutMs: RUN_MS });
  const without: TDnevnikResult[] = [];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-errors-'));
    fs.writeFileSync(path.join(dir, 'broken.csv'), 'id,type,occurredAt,schoolId,name\n"e1,school.upserted\n');
    fs.writeFileSync(path.join(dir, 'school.json'), JSON.stringify({ events: [SCHOOL] }));
    fs.writeFileSync(
      path.join(dir, 'invalid.json'),
      JSON.stringify({
        events: [SCHOOL, { ...SCHOOL, id: 'err-2', occurredAt: 'yesterday' }, { id: 'err-3', type: 'nope' }],
      }),
    );
  });

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test(
    'without a server',
    async () => {
      for (const args of BAD_INVOCATIONS) without.push(await dnevnik(args));
      for (const result of without) {
        expect(result.code).not.toBe(0);
        expect(result.stderr).not.toBe('');
        expect(result.stdout).toBe('');
      }
    },
    BAD_INVOCATIONS.length * RUN_MS,
  );

  test(
    'with a server: the same stderr and exit codes',
    async () => {
      server = await startEmbeddedServer({
        dataDir: path.join(dir, 'data'),
        env: { ...env(), PORT: '0', LOG_LEVEL: 'info' },
        inheritEnv: false,
        deadlineMs: RUN_MS,
      });
      const served: TDnevnikResult[] = [];
      for (const args of BAD_INVOCATIONS) served.push(await dnevnik(args));
      const shown = (results: TDnevnikResult[]) =>
        results.map((r, i) => ({
          args: BAD_INVOCATIONS[i].join(' '),
          code: r.code,
          stderr: r.stderr,
          stdout: r.stdout,
        }));
      expect(shown(served)).toEqual(shown(without));
      // The server ran every one of them (it logs each command it is given).
      expect(server.log().match(/"msg":"cli command"/g)).toHaveLength(BAD_INVOCATIONS.length);
    },
    RUN_MS + BAD_INVOCATIONS.length * RUN_MS,
  );
});
