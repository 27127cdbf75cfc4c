#!/usr/bin/env node
// `prisma generate` only needs a path to a schema engine, never runs it; the real binary would be
// downloaded from the internet, which installs here cannot reach. Point it at a stub instead.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(__dirname, 'no-schema-engine.sh'),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
