#!/usr/bin/env node
// The TypeScript sources run directly through tsx (a runtime dependency): no build step to forget.
require('tsx/cjs');
require('../cli/index.ts')
  .run(process.argv.slice(2))
  .then((code) => process.exit(code ?? 0))
  .catch((err) => {
    process.stderr.write(`dnevnik: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
