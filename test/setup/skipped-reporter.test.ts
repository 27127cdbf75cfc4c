// The end-of-run list of skipped tests: grouped by the service that was absent, each counted once.
const { summarizeSkipped } = require('./skipped-reporter.js') as {
  summarizeSkipped: (
    results: unknown,
    options: {
      rootDir?: string;
      env?: Record<string, string | undefined>;
      exists?: (file: string) => boolean;
      testNamePattern?: string;
    },
  ) => { count: number; label: string }[];
};

const file = (testFilePath: string, tests: [string[], string, string][]) => ({
  testFilePath,
  testResults: tests.map(([ancestorTitles, title, status]) => ({ ancestorTitles, title, status })),
});

const RESULTS = {
  testResults: [
    file('/repo/test/linking/link-flow.test.ts', [
      [['linking on pglite'], 'links', 'passed'],
      [['linking on postgres'], 'links', 'pending'],
      [['linking on postgres'], 'refuses', 'pending'],
    ]),
    file('/repo/test/alerts/delivery.test.ts', [
      [['alert delivery, BullMQ on Redis with two workers'], 'delivers', 'pending'],
    ]),
    file('/repo/test/reminders/reminder-processes.test.ts', [
      [['teacher reminders across worker processes (PostgreSQL + Redis)'], 'fires once', 'pending'],
    ]),
    file('/repo/test/playground/playground-phone.test.ts', [[['playground on a phone'], 'fits', 'pending']]),
    file('/repo/test/misc/some.test.ts', [
      [['something'], 'later', 'pending'],
      [['something'], 'one day', 'todo'],
    ]),
  ],
};

describe('skipped-tests reporter', () => {
  it('names the absent service for each group, largest first, and the rest as skipped in the code', () => {
    expect(summarizeSkipped(RESULTS, { rootDir: '/repo', env: {}, exists: () => false })).toEqual([
      { count: 2, label: 'PostgreSQL tests (DATABASE_URL not set)' },
      { count: 1, label: 'browser test (no /usr/bin/chromium)' },
      { count: 1, label: 'PostgreSQL + Redis test (DATABASE_URL not set, REDIS_URL not set)' },
      { count: 1, label: 'Redis test (REDIS_URL not set)' },
      { count: 1, label: 'skipped in the code: test/misc/some.test.ts' },
      { count: 1, label: 'todo' },
    ]);
  });

  it('blames no service that is there; nothing to say when nothing was skipped', () => {
    const labels = summarizeSkipped(RESULTS, {
      rootDir: '/repo',
      env: { DATABASE_URL: 'postgresql://x', REDIS_URL: 'redis://x' },
      exists: () => true,
    }).map((g) => g.label);
    expect(labels).toEqual([
      'skipped in the code: test/alerts/delivery.test.ts, test/linking/link-flow.test.ts, test/misc/some.test.ts, test/playground/playground-phone.test.ts, test/reminders/reminder-processes.test.ts',
      'todo',
    ]);
    expect(
      summarizeSkipped({ testResults: [file('/repo/test/a.test.ts', [[[], 'a', 'passed']])] }, { env: {} }),
    ).toEqual([]);
  });

  it('tests left out by -t are said to be so', () => {
    expect(
      summarizeSkipped(RESULTS, { rootDir: '/repo', env: {}, exists: () => false, testNamePattern: 'pglite' })[0],
    ).toEqual({ count: 6, label: 'not matching -t pglite' });
  });
});
