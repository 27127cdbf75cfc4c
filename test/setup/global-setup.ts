import { startTestRun } from './test-run';

// Names this run (test-run.ts). Builds nothing: the template database and the PGlite snapshot
// are made by the first test file that needs them, so a run of pure unit tests pays for neither.
export default function globalSetup(): void {
  startTestRun();
}
