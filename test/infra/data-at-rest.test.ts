import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { makeDataDirPrivate } from '../../infra/private-data-dir';
import { openRuntime } from '../../main';

// DATA_DIR holds the embedded database (pupils' names in its tables and WAL) and secrets: no
// other local user may read any of it, on a fresh install and on one made by older versions.

/** Every entry under `root` (itself included) with a group or other permission bit, as "mode path". */
function looseEntries(root: string): string[] {
  const found: string[] = [];
  const walk = (entry: string) => {
    const stat = fs.lstatSync(entry);
    if (stat.mode & 0o077) found.push(`${(stat.mode & 0o777).toString(8)} ${path.relative(root, entry) || '.'}`);
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) walk(path.join(entry, name));
  };
  walk(root);
  return found;
}

function logSink() {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  return { lines, sink: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

const WARN = 40;

describe('DATA_DIR is owner-only', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-at-rest-'));
    dataDir = path.join(dir, 'data');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function openAndClose() {
    const log = logSink();
    const config = parseConfig({
      DATA_DIR: dataDir,
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      LINK_CODE_PEPPER: 'p'.repeat(40),
    });
    const runtime = await openRuntime(config, { logger: createLogger('warn', log.sink), skipDemo: true });
    const whileOpen = looseEntries(dataDir);
    await runtime.close();
    return { log, whileOpen };
  }

  test('a fresh embedded database: no file or directory readable by group or others, and no warning', async () => {
    const { log, whileOpen } = await openAndClose();
    expect(fs.existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
    expect(whileOpen).toEqual([]);
    expect(looseEntries(dataDir)).toEqual([]);
    expect(log.lines.filter((l) => l.level >= WARN)).toEqual([]);
  }, 120_000);

  test('an install left open by an older version is closed at start, with one warning line', async () => {
    // What PGlite and mkdir left before: 0666 files in 0777 directories.
    let entries = 0;
    const loosen = (entry: string) => {
      entries++;
      const stat = fs.lstatSync(entry);
      fs.chmodSync(entry, stat.isDirectory() ? 0o777 : 0o666);
      if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) loosen(path.join(entry, name));
    };
    fs.writeFileSync(path.join(dataDir, 'server.json'), '{}');
    loosen(dataDir);

    const { log } = await openAndClose();
    expect(looseEntries(dataDir)).toEqual([]);
    const warnings = log.lines.filter((l) => l.level >= WARN);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      dataDir,
      fixed: entries,
      msg: expect.stringMatching(/DATA_DIR was open to other local users/),
    });
    expect(JSON.stringify(warnings[0])).not.toContain('server.json');

    // Closed now: the next start has nothing to say.
    expect((await openAndClose()).log.lines.filter((l) => l.level >= WARN)).toEqual([]);
  }, 120_000);
});

describe('makeDataDirPrivate', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-private-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('creates DATA_DIR owner-only, whatever the umask', () => {
    const previous = process.umask(0o000);
    try {
      expect(makeDataDirPrivate(path.join(dir, 'a', 'data'), { create: true })).toEqual({ fixed: 0, exposed: false });
    } finally {
      process.umask(previous);
    }
    expect(fs.statSync(path.join(dir, 'a', 'data')).mode & 0o777).toBe(0o700);
  });

  test('does not create DATA_DIR unless asked (PostgreSQL), and closes one that exists', () => {
    expect(makeDataDirPrivate(path.join(dir, 'missing'), { create: false })).toBeNull();
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false);
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'link-code-pepper'), 'x', { mode: 0o644 });
    expect(makeDataDirPrivate(dir, { create: false })).toEqual({ fixed: 2, exposed: true });
    expect(looseEntries(dir)).toEqual([]);
  });

  test('a loose file inside an owner-only directory is closed without counting as exposed', () => {
    fs.chmodSync(dir, 0o700);
    fs.mkdirSync(path.join(dir, 'pglite'), { mode: 0o700 });
    fs.writeFileSync(path.join(dir, 'pglite', 'pg_internal.init'), 'x');
    fs.chmodSync(path.join(dir, 'pglite', 'pg_internal.init'), 0o644);
    expect(makeDataDirPrivate(dir, { create: false })).toEqual({ fixed: 1, exposed: false });
    expect(looseEntries(dir)).toEqual([]);
  });

  test('symbolic links are not followed out of DATA_DIR', () => {
    const outside = path.join(dir, 'outside.txt');
    fs.writeFileSync(outside, 'x');
    fs.chmodSync(outside, 0o644);
    const data = path.join(dir, 'data');
    fs.mkdirSync(data, { mode: 0o700 });
    fs.symlinkSync(outside, path.join(data, 'link'));
    makeDataDirPrivate(data, { create: false });
    expect(fs.statSync(outside).mode & 0o777).toBe(0o644);
  });

  test('a shared directory (sticky bit, like /tmp) is refused, not locked', () => {
    fs.chmodSync(dir, 0o1777);
    expect(() => makeDataDirPrivate(dir, { create: false })).toThrow(/DATA_DIR .* is a shared directory/);
    expect(fs.statSync(dir).mode & 0o7777).toBe(0o1777);
  });
});
