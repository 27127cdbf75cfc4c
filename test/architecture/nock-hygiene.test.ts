import fs from 'node:fs';
import path from 'node:path';

// nock patches http(s) when it is loaded, and jest shares core modules between the files one worker
// runs: a file that leaves the patch in place makes the next file's nock answer twice or not at all
// (the Alexa certificate test then failed with "Cannot convert undefined or null to object", the VK
// suites saw doubled bodies). Every test file that loads nock, itself or through a helper, unpatches
// it with nock.restore().

const testRoot = path.join(__dirname, '..');
const importsOf = (source: string) =>
  [...source.matchAll(/^import[^;]*?from '([^']+)';/gms)].map((m) => m[1]).filter((s) => s !== 'nock');
const loadsNockDirectly = (source: string) => /^import[^;]*?from 'nock';/m.test(source);

/** The test files that load nock (directly or through helpers) without calling nock.restore(). */
function filesLeavingNockPatched(files: Map<string, string>): string[] {
  const loadsNock = new Map<string, boolean>();
  const visit = (file: string, seen: Set<string>): boolean => {
    if (loadsNock.has(file)) return loadsNock.get(file)!;
    const source = files.get(file);
    if (source === undefined || seen.has(file)) return false;
    seen.add(file);
    const result =
      loadsNockDirectly(source) ||
      importsOf(source)
        .filter((spec) => spec.startsWith('.'))
        .some((spec) => visit(`${path.join(path.dirname(file), spec)}.ts`, seen));
    loadsNock.set(file, result);
    return result;
  };
  return [...files.keys()]
    .filter((f) => f.endsWith('.test.ts') && visit(f, new Set()))
    .filter((f) => !files.get(f)!.includes('nock.restore()'))
    .sort();
}

function readTestTree(dir: string, files = new Map<string, string>()): Map<string, string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) readTestTree(full, files);
    else if (entry.name.endsWith('.ts')) files.set(full, fs.readFileSync(full, 'utf8'));
  }
  return files;
}

test('every test file that loads nock unpatches http(s) when it ends', () => {
  expect(filesLeavingNockPatched(readTestTree(testRoot)).map((f) => path.relative(testRoot, f))).toEqual([]);
});

test('a file that loads nock through a helper and never restores it is caught', () => {
  const files = new Map([
    ['/t/helpers/stub.ts', "import nock from 'nock';\nexport const stub = () => nock('https://x');\n"],
    ['/t/helpers/harness.ts', "import { stub } from './stub';\nexport const harness = stub;\n"],
    ['/t/a/leaky.test.ts', "import { harness } from '../helpers/harness';\ntest('x', () => harness());\n"],
    [
      '/t/a/tidy.test.ts',
      "import nock from 'nock';\nimport { harness } from '../helpers/harness';\nafterAll(() => nock.restore());\n",
    ],
    ['/t/a/plain.test.ts', "import path from 'node:path';\ntest('x', () => path);\n"],
  ]);
  expect(filesLeavingNockPatched(files)).toEqual(['/t/a/leaky.test.ts']);
});
