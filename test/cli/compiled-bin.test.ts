import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// bin/dnevnik.js runs dist/ (compiled at install by scripts/build.js) while it is as new as the
// sources, and the TypeScript through tsx when it is missing or stale. Both paths must answer alike.
// They run in a copy of the layout (bin/, scripts/build.js, the sources, node_modules linked): the
// copy's dist/ can be built, removed and outdated without touching the repository's own, which other
// tests' processes may be running from.

const ROOT = path.join(__dirname, '..', '..');
const { SOURCES } = require('../../scripts/build.js') as { SOURCES: string[] };
const NOW = '2026-12-02T13:00:00+03:00';
const UTTERANCES = [
  'оценки',
  'что задали Маше на завтра по математике',
  'расписание на пятницу',
  'оценки за неделю',
  'баланс карты',
  'привет',
  "what's my math homework for tomorrow",
];

let copy: string;

function dnevnik(args: string[], stdin = '') {
  // The probe reports which entry point the process loaded: the compiled one or the TypeScript one.
  const ranFile = path.join(copy, 'ran.txt');
  fs.rmSync(ranFile, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(copy, 'data'), LOG_LEVEL: 'warn' };
  delete env.NODE_OPTIONS; // jest's flags
  delete env.DATABASE_URL;
  const r = spawnSync(
    process.execPath,
    ['--require', path.join(copy, 'probe.js'), path.join(copy, 'bin', 'dnevnik.js'), ...args],
    {
      cwd: copy,
      env: { ...env, PROBE_FILE: ranFile },
      input: stdin,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    ran: fs.existsSync(ranFile) ? fs.readFileSync(ranFile, 'utf8') : 'nothing',
  };
}

const build = () =>
  spawnSync(process.execPath, [path.join(copy, 'scripts', 'build.js')], {
    cwd: copy,
    encoding: 'utf8',
    timeout: 120_000,
  });

beforeAll(() => {
  copy = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-compiled-')));
  for (const rel of [
    ...SOURCES,
    'tsconfig.json',
    'package.json',
    path.join('scripts', 'build.js'),
    path.join('bin', 'dnevnik.js'),
  ]) {
    fs.cpSync(path.join(ROOT, rel), path.join(copy, rel), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  fs.writeFileSync(
    path.join(copy, 'probe.js'),
    `process.on('exit', () => {
      const loaded = Object.keys(require.cache);
      const ran = loaded.some((f) => f.endsWith('/dist/cli/index.js')) ? 'dist' : loaded.some((f) => f.endsWith('/cli/index.ts')) ? 'tsx' : 'nothing';
      require('node:fs').writeFileSync(process.env.PROBE_FILE, ran);
    });\n`,
  );
  const built = build();
  expect({ status: built.status, stderr: built.stderr }).toMatchObject({ status: 0 });
});

afterAll(() => {
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

describe('bin/dnevnik.js', () => {
  it('runs the compiled parse, which prints the same JSON as the TypeScript', () => {
    const stdin = `${UTTERANCES.join('\n')}\n`;
    const compiled = dnevnik(['parse', '--now', NOW, '--tz', 'Europe/Moscow'], stdin);
    const oneArg = dnevnik(['parse', '--now', NOW, 'что задали Маше на завтра по математике']);
    expect(compiled.ran).toBe('dist');
    expect(compiled).toMatchObject({ code: 0, stderr: '' });
    const lines = compiled.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(UTTERANCES.length);
    expect(lines[0]).toMatchObject({ intent: 'grades' });
    expect(oneArg).toMatchObject({
      ran: 'dist',
      code: 0,
      stdout: '{"intent":"homework","date":"2026-12-03","dateTo":null,"subject":"Математика","child":"Маша"}\n',
    });

    fs.renameSync(path.join(copy, 'dist'), path.join(copy, 'dist-aside'));
    try {
      const typescript = dnevnik(['parse', '--now', NOW, '--tz', 'Europe/Moscow'], stdin);
      expect(typescript.ran).toBe('tsx');
      expect(typescript).toMatchObject({ code: 0, stderr: '' });
      expect(typescript.stdout).toBe(compiled.stdout);
    } finally {
      fs.renameSync(path.join(copy, 'dist-aside'), path.join(copy, 'dist'));
    }
  });

  it('never runs a dist/ older than the sources: an edit sends it to tsx until the next build', () => {
    expect(dnevnik(['parse', 'оценки']).ran).toBe('dist');

    // As an editor saving a file: same content, a new modification time.
    const edited = path.join(copy, 'core', 'nlu', 'subjects.json');
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(edited, later, later);
    const stale = dnevnik(['parse', 'оценки']);
    expect(stale).toMatchObject({ ran: 'tsx', code: 0, stderr: '' });

    expect(build()).toMatchObject({ status: 0 });
    const rebuilt = dnevnik(['parse', 'оценки']);
    expect(rebuilt).toMatchObject({ ran: 'dist', code: 0, stdout: stale.stdout });
  });
});
