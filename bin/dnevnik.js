#!/usr/bin/env node
// Runs the CLI compiled at install into dist/ (scripts/build.js): compiling the TypeScript on each
// start took seconds. When dist/ is missing or out of date with the sources (a .ts file edited, a
// migration added, a checkout), the sources run through tsx instead: slower, never stale. Nothing
// is rebuilt here, so a command never writes into the tree (nor races another one doing so);
// `npm run build` brings the speed back.
const path = require('node:path');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const stale = require('../scripts/build.js').staleReason(root, dist);

let cli;
if (stale) {
  // A person at a terminal is told why the command is slow; scripts and pipes are not disturbed.
  if (process.stderr.isTTY)
    process.stderr.write(
      `dnevnik: ${stale}; running the TypeScript through tsx (slower). npm run build compiles it again.\n`,
    );
  require('tsx/cjs');
  cli = require('../cli/index.ts');
} else {
  // Stack traces name the .ts lines, as they do under tsx.
  process.setSourceMapsEnabled(true);
  cli = require('../dist/cli/index.js');
}

cli
  .run(process.argv.slice(2))
  .then((code) => process.exit(code ?? 0))
  .catch((err) => {
    process.stderr.write(`dnevnik: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
