import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodePng } from './decode-png';

// The server runs the code compiled into dist/ by scripts/build.js, and there the worker thread
// must start from the compiled chart-worker.js, with no TypeScript loader. The charts' sources
// (core/ and infra/charts/) are compiled here by the same build into a scratch copy, whose
// node_modules is the repository's, and drawn from it in a plain Node process.

const ROOT = path.join(__dirname, '..', '..');
const { build } = require('../../scripts/build.js') as {
  build(options: { root: string; outDir: string }): Promise<{ files: number }>;
};

let copy: string;

beforeAll(async () => {
  copy = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-charts-')));
  for (const rel of ['core', path.join('infra', 'charts'), 'tsconfig.json']) {
    fs.cpSync(path.join(ROOT, rel), path.join(copy, rel), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  await build({ root: copy, outDir: path.join(copy, 'dist') });
}, 120_000);

afterAll(() => {
  fs.rmSync(copy, { recursive: true, force: true });
});

it('draws a chart from the compiled code, the worker thread running the compiled script', () => {
  const script = `
    const charts = require(${JSON.stringify(path.join(copy, 'dist', 'infra', 'charts', 'index.js'))});
    const renderer = charts.createTermChartRenderer();
    const entry = charts.createChartWorkers().entry;
    renderer
      .subject({
        childName: 'Маша',
        lang: 'ru',
        period: { name: '2-я четверть', from: '2026-11-05', to: '2026-12-27' },
        subject: { name: 'Алгебра', grades: [{ date: '2026-11-10', value: '5', weight: 1 }, { date: '2026-11-17', value: '4', weight: 2 }] },
      })
      .then(async (out) => {
        process.stdout.write(JSON.stringify({ entry, caption: out.caption, png: Buffer.from(out.png).toString('base64') }));
        await renderer.close();
      });
  `;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS; // jest's flags
  const r = spawnSync(process.execPath, ['-e', script], { cwd: copy, env, encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { entry: string; caption: string; png: string };
  expect(out.entry).toBe(path.join(copy, 'dist', 'infra', 'charts', 'chart-worker.js'));
  expect(out.caption).toBe('Алгебра, 2-я четверть: 2 оценки, средний балл 4,33');
  expect(decodePng(Buffer.from(out.png, 'base64')).width).toBe(780);
});
