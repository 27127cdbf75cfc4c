import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { TCommandContext } from '../../cli/command-context';
import { parseCommand } from '../../cli/parse-command';
import { runRuntimeCommand } from '../../cli/runtime-commands';
import { createCliExecutor } from '../../cli/server-executor';
import { runDnevnik } from '../helpers/dnevnik-cli';

// Bad arguments get one clear line and a non-zero exit, before any database is opened: NUL or a
// lone surrogate (a shell cannot pass them, but the running server's CLI route and callers
// in-process can), an impossible --today, an option the command does not know. Never a stack
// trace, and in the server never a 500.

/** A command context whose database must not be reached, writing to strings. */
function offline() {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: TCommandContext = {
    io: { out: { write: (c) => out.push(String(c)) }, err: { write: (c) => err.push(String(c)) }, interactive: false },
    withRuntime: () => Promise.reject(new Error('the database was opened')),
  };
  return { ctx, out, err: () => err.join('') };
}

const oneLine = (text: string) => expect(text).toMatch(/^dnevnik[^\n]*\n$/);

describe('dnevnik: arguments refused with one line', () => {
  it.each([
    ['ask', ['--user', 'a\u0000b', 'оценки'], /^dnevnik ask: argument 2 contains a NUL character/],
    [
      'ask',
      ['--user', 'demo-guardian-1', 'оценки \uD800'],
      /^dnevnik ask: argument 3 contains a lone UTF-16 surrogate/,
    ],
    ['codes', ['--student', 'st\u0000-1'], /^dnevnik codes: argument 2 contains a NUL character/],
    ['import', ['events\u0000.json'], /^dnevnik import: argument 1 contains a NUL character/],
    [
      'seed-demo',
      ['--today', '2026-13-45'],
      /^dnevnik seed-demo: --today must be a calendar date YYYY-MM-DD, not "2026-13-45"/,
    ],
    ['seed-demo', ['--today', '9999-99-99'], /^dnevnik seed-demo: --today must be a calendar date/],
    ['ask', ['--bogus', 'x'], /^dnevnik ask: Unknown option '--bogus' \(dnevnik --help lists the options\)/],
    ['codes', ['--student'], /^dnevnik codes: Option '--student <value>' argument missing/],
    ['seed-demo', ['--today'], /^dnevnik seed-demo: Option '--today <value>' argument missing/],
    ['seed-demo', ['extra'], /^dnevnik seed-demo: Unexpected argument 'extra'/],
    [
      'journal-status',
      ['--school', 's1', '--date', '2026-13-45'],
      /^dnevnik journal-status: --date must be a calendar date YYYY-MM-DD, not "2026-13-45"/,
    ],
    [
      'journal-status',
      ['--school', 's1', '--date', '2026-W49-3'],
      /^dnevnik journal-status: --date must be a calendar date/,
    ],
    // A bad date is named even when something else is missing too.
    [
      'journal-status',
      ['--date', '2026-12-32'],
      /^dnevnik journal-status: --date must be a calendar date YYYY-MM-DD, not "2026-12-32"/,
    ],
    [
      'ask',
      ['--now', '2026-02-30T10:00:00+03:00', 'оценки'],
      /^dnevnik ask: --now must be an ISO date-time such as 2026-12-02T13:00:00\+03:00, not "2026-02-30T10:00:00\+03:00"/,
    ],
    [
      'ask',
      ['--user', 'demo-guardian-1', '--now', 'tomorrow', 'оценки'],
      /^dnevnik ask: --now must be an ISO date-time/,
    ],
  ])('%s %j', async (name, args, message) => {
    const { ctx, err } = offline();
    await expect(runRuntimeCommand(name, args, ctx)).resolves.toBe(1);
    oneLine(err());
    expect(err()).toMatch(message);
  });

  it('is the same when the running server executes the command (its CLI route answers, not a 500)', async () => {
    const execute = createCliExecutor(() => {
      throw new Error('the database was reached');
    });
    for (const argv of [
      ['ask', '--bogus'],
      ['codes', '--student', 'x\u0000'],
      ['seed-demo', '--today', '2026-02-30'],
    ]) {
      let stderr = '';
      const code = await execute(
        { argv, interactive: false },
        { stdout: () => undefined, stderr: (text) => (stderr += text), progress: () => undefined },
      );
      expect(code).toBe(1);
      oneLine(stderr);
    }
  });

  it('dnevnik parse: an option it does not know, or an argument with NUL, is one line and exit 2', async () => {
    for (const args of [['--bogus'], ['оценки\u0000сегодня'], ['--tz', '\uD800'], ['--now', '2026-12-32', 'оценки']]) {
      const stderr = new PassThrough();
      let said = '';
      stderr.on('data', (d) => (said += String(d)));
      const code = await parseCommand(args, { stdin: new PassThrough(), stdout: new PassThrough(), stderr });
      expect(code).toBe(2);
      oneLine(said);
    }
  });
});

describe('dnevnik, spawned', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-input-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('parse: a stdin line with NUL is named on stderr, the others parsed, and the exit code is 1', async () => {
    const r = await runDnevnik(['parse', '--now', '2026-12-02T13:00:00+03:00'], {
      stdin: 'оценки\u0000сегодня\nоценки сегодня\n',
      env: { DATA_DIR: dataDir },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('dnevnik parse: line 1 contains a NUL character (\\u0000)\n');
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).intent),
    ).toEqual(['grades']);
  });

  it('seed-demo --today 2026-13-45: one line, exit 1, and no database made', async () => {
    const r = await runDnevnik(['seed-demo', '--today', '2026-13-45'], { env: { DATA_DIR: dataDir } });
    expect(r.code).toBe(1);
    oneLine(r.stderr);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('an unknown option: one line, exit 1', async () => {
    for (const args of [
      ['ask', '--bogus', 'x'],
      ['codes', '--student', 's1', '--bogus'],
      ['parse', '--bogus'],
    ]) {
      const r = await runDnevnik(args, { env: { DATA_DIR: dataDir } });
      expect(r.code).not.toBe(0);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/Unknown option '--bogus'/);
    }
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
