import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The dependency rule (docs/architecture.md), checked by dependency-cruiser: the real tree passes, and a
// tree that breaks the rule is caught (so the check can fail).

const root = path.join(__dirname, '..', '..');
const depcruise = path.join(root, 'node_modules', '.bin', 'depcruise');
const config = path.join(root, '.dependency-cruiser.js');

function cruise(cwd: string, targets: string[]) {
  return spawnSync(depcruise, ['--config', config, ...targets], { cwd, encoding: 'utf8', timeout: 120_000 });
}

test('the project keeps the dependency rule', () => {
  const existing = ['core', 'bots', 'skills', 'webhooks', 'infra', 'prisma', 'cli', 'runtime', 'main.ts'].filter((p) =>
    fs.existsSync(path.join(root, p)),
  );
  const result = cruise(root, existing);
  expect(result.stdout + result.stderr).toContain('no dependency violations found');
  expect(result.status).toBe(0);
});

test('a framework import in core/, a prisma/ import in bots/ and a reach past a core index are caught', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-deps-'));
  try {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    fs.copyFileSync(path.join(root, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
    for (const d of ['core/diary', 'bots/telegram', 'prisma']) fs.mkdirSync(path.join(dir, d), { recursive: true });
    fs.writeFileSync(path.join(dir, 'core/diary/diary-types.ts'), 'export const day = 1;\n');
    fs.writeFileSync(path.join(dir, 'core/diary/index.ts'), "export { day } from './diary-types';\n");
    fs.writeFileSync(
      path.join(dir, 'prisma/reader.ts'),
      "import { day } from '../core/diary/diary-types';\nimport { day as same } from '../core/diary';\nexport const read = day + same;\n",
    );
    fs.writeFileSync(path.join(dir, 'core/answer.ts'), "import express from 'express';\nexport const app = express;\n");
    fs.writeFileSync(path.join(dir, 'prisma/repo.ts'), 'export const repo = 1;\n');
    fs.writeFileSync(
      path.join(dir, 'bots/telegram/bot.ts'),
      "import { repo } from '../../prisma/repo';\nexport const bot = repo;\n",
    );
    const result = cruise(dir, ['core', 'bots', 'prisma']);
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toMatch(/core-is-framework-free: core\/answer\.ts → \S*node_modules\/express/);
    expect(output).toMatch(/channels-import-only-core: bots\/telegram\/bot\.ts → prisma\/repo\.ts/);
    // Through the index is fine; past it is not.
    expect(output).toMatch(/core-through-its-index: prisma\/reader\.ts → core\/diary\/diary-types\.ts/);
    expect(output).not.toMatch(/core-through-its-index: prisma\/reader\.ts → core\/diary\/index\.ts/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
