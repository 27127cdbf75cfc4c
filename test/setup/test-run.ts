import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

// One test run's identity, shared by jest's workers through their environment (set by
// global-setup.ts before the workers start): what the run builds once for all its test files —
// the PostgreSQL template database, the PGlite snapshot — is named by it, and global-teardown.ts
// removes exactly that, never another run's (several may share one PostgreSQL server).

const RUN_ID = 'DNEVNIK_TEST_RUN';
const CACHE_DIR = 'DNEVNIK_TEST_CACHE';

export interface TTestRun {
  /** Lower-case letters and digits: safe in a database name. */
  id: string;
  /** A directory of this run's own. */
  cacheDir: string;
}

/** Called once per run, before the workers start; a run without it (another jest config) gets one per process. */
export function startTestRun(): TTestRun {
  const id = randomBytes(5).toString('hex');
  process.env[RUN_ID] = id;
  process.env[CACHE_DIR] = path.join(os.tmpdir(), `dnevnik-test-run-${id}`);
  return testRun();
}

export function testRun(): TTestRun {
  if (!process.env[RUN_ID] || !process.env[CACHE_DIR]) startTestRun();
  return { id: process.env[RUN_ID]!, cacheDir: process.env[CACHE_DIR]! };
}

/** Template databases of the run start with this. */
export const templatePrefix = (runId: string) => `dnevnik_tpl_${runId}`;
