#!/usr/bin/env node
// Compiles the TypeScript that the server and the CLI run into CommonJS under dist/ (postinstall,
// `npm run build`), so a command does not pay for compiling it again on every start.
//
// The compiler is esbuild, the one tsx runs on: dist/ holds the code tsx would have produced, and
// bin/dnevnik.js can fall back to tsx without a change in behaviour. It is already in every install
// (tsx, a runtime dependency, needs it), it is a dependency here too so that `npm ci --omit=dev`
// can build, and it compiles the whole tree in a second or two. TypeScript's own transpiler takes
// about ten times as long at every install; @swc/core would add a second native compiler to
// production installs, with output that differs from tsx's. Nothing is type-checked here:
// `npm run typecheck` does that.
//
// Beside the code, dist/ gets a copy of every other file under the compiled folders (the migrations'
// SQL, core/nlu/subjects.json), so that paths taken relative to __dirname find the same files as in
// the sources. dist/.build.json records a fingerprint of the inputs; bin/dnevnik.js compares it
// with the sources before running dist/, and a difference means dist/ is stale.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
// Everything that `dnevnik` and main.ts reach; scripts/, bench/ and test/ run through tsx or jest.
const SOURCES = ['main.ts', 'core', 'prisma', 'infra', 'bots', 'skills', 'webhooks', 'cli', 'runtime'];
// Files outside SOURCES whose change changes what dist/ holds.
const BUILD_INPUTS = ['tsconfig.json', path.join('scripts', 'build.js')];
const STAMP = '.build.json';

/** Every file under SOURCES and BUILD_INPUTS: its path relative to `root` and its stat, sorted by path. */
function inputFiles(root) {
  const files = [];
  const walk = (rel) => {
    let stat;
    try {
      stat = fs.statSync(path.join(root, rel));
    } catch {
      return; // removed while we looked
    }
    if (!stat.isDirectory()) {
      files.push({ rel, stat });
      return;
    }
    for (const entry of fs.readdirSync(path.join(root, rel))) walk(path.join(rel, entry));
  };
  for (const rel of [...SOURCES, ...BUILD_INPUTS]) walk(rel);
  return files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/**
 * Names, sizes and modification times of all inputs, hashed: an edited, added, removed or renamed
 * file changes it, whatever its time says. Cheap enough (a few hundred stat calls) for every CLI start.
 */
function inputsFingerprint(root = ROOT, files = inputFiles(root)) {
  const hash = crypto.createHash('sha256');
  for (const { rel, stat } of files) {
    hash.update(`${rel.split(path.sep).join('/')}\t${stat.size}\t${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Why `distDir` cannot stand for the sources under `root`, or null when it can. */
function staleReason(root, distDir) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(distDir, STAMP), 'utf8'));
  } catch {
    return `${path.relative(root, distDir) || distDir} has not been built`;
  }
  if (stamp.fingerprint !== inputsFingerprint(root)) return 'the sources changed after the last build';
  return null;
}

async function build({ root = ROOT, outDir = path.join(root, 'dist') } = {}) {
  const esbuild = require('esbuild');
  const started = Date.now();
  const inputs = inputFiles(root);
  // Taken before compiling: a file edited while the build runs leaves dist/ stale, not wrongly fresh.
  const fingerprint = inputsFingerprint(root, inputs);
  const files = inputs.map(({ rel }) => rel).filter((rel) => !BUILD_INPUTS.includes(rel));
  const code = files.filter((rel) => rel.endsWith('.ts') && !rel.endsWith('.d.ts'));
  const assets = files.filter((rel) => !rel.endsWith('.ts'));

  // Built beside dist/ and swapped in at the end: a process running from dist/ meanwhile never
  // sees half of it, and a build that fails leaves the previous one (or none) in place.
  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: code,
      outdir: tmp,
      outbase: '.',
      bundle: false,
      format: 'cjs',
      platform: 'node',
      // The oldest Node that package.json's engines allows; the options below are tsx's own.
      target: 'node20',
      tsconfig: path.join(root, 'tsconfig.json'),
      keepNames: true,
      sourcemap: 'linked',
      sourcesContent: false, // the .ts files are beside dist/; maps stay small and quick to load
      logLevel: 'warning',
    });
    for (const rel of assets) {
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      fs.copyFileSync(path.join(root, rel), path.join(tmp, rel));
    }
    fs.writeFileSync(
      path.join(tmp, STAMP),
      `${JSON.stringify({ fingerprint, files: code.length, esbuild: esbuild.version }, null, 2)}\n`,
    );
    swapIn(tmp, outDir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { files: code.length, assets: assets.length, ms: Date.now() - started };
}

function swapIn(tmp, outDir) {
  const old = `${outDir}.old-${process.pid}`;
  // Another build may swap its own output in between the two renames; then try again.
  for (let attempt = 0; ; attempt += 1) {
    try {
      fs.renameSync(outDir, old);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    try {
      fs.renameSync(tmp, outDir);
      break;
    } catch (err) {
      if (attempt >= 3 || !['ENOTEMPTY', 'EEXIST'].includes(err.code)) throw err;
    }
  }
  fs.rmSync(old, { recursive: true, force: true });
}

module.exports = { build, inputsFingerprint, staleReason, SOURCES };

if (require.main === module) {
  const i = process.argv.indexOf('--outdir');
  const outDir = i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : undefined;
  build({ outDir }).then(
    ({ files, assets, ms }) =>
      process.stdout.write(
        `Compiled ${files} TypeScript files (and copied ${assets} others) to ${path.relative(process.cwd(), outDir ?? path.join(ROOT, 'dist')) || '.'} in ${ms} ms\n`,
      ),
    (err) => {
      process.stderr.write(`build: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
