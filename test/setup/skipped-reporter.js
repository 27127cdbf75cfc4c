const fs = require('node:fs');
const path = require('node:path');

// Printed once at the end of a run, just above jest's totals: how many tests were skipped and
// why, so "passed" is not read as "all of it ran". Suites skip themselves when a service they
// need is absent (describe.skip chosen at load time, which records no reason); the reason is
// recognised here by what a skipped test is called, and counts only when that service really is
// absent in this run. Registered in jest.config.js beside the default reporter; it writes to
// stderr, so `--json` output on stdout stays clean.

/** What a suite needs, how its tests are recognised (file path and titles), and when it is absent. */
const NEEDS = [
  {
    what: 'PostgreSQL',
    matches: /\bpostgres(ql)?\b/i,
    absent: (env) => (env.DATABASE_URL ? null : 'DATABASE_URL not set'),
  },
  { what: 'Redis', matches: /\bredis\b/i, absent: (env) => (env.REDIS_URL ? null : 'REDIS_URL not set') },
  // The playground's browser suites look for chromium at this path (test/playground/).
  {
    what: 'browser',
    matches: /playground-(browser|phone)\.test/,
    absent: (_env, exists) => (exists('/usr/bin/chromium') ? null : 'no /usr/bin/chromium'),
  },
];

const SKIPPED = new Set(['pending', 'skipped', 'disabled']);

/**
 * The skipped tests of a run, grouped by reason: [{ count, label }], largest first.
 * `results` is jest's aggregated result; `env` and `exists` are this run's environment and file check.
 */
function summarizeSkipped(results, { rootDir, env = process.env, exists = fs.existsSync, testNamePattern } = {}) {
  const groups = new Map();
  const add = (label, file) => {
    const group = groups.get(label) ?? { count: 0, files: new Set() };
    group.count += 1;
    group.files.add(file);
    groups.set(label, group);
  };
  const nameFilter = testNamePattern ? new RegExp(testNamePattern, 'i') : null;
  for (const file of results.testResults ?? []) {
    const relative = rootDir ? path.relative(rootDir, file.testFilePath) : file.testFilePath;
    for (const test of file.testResults ?? []) {
      if (test.status === 'todo') {
        add('todo', relative);
        continue;
      }
      if (!SKIPPED.has(test.status)) continue;
      const name = [...test.ancestorTitles, test.title].join(' ');
      if (nameFilter && !nameFilter.test(name)) {
        add(`not matching -t ${testNamePattern}`, relative);
        continue;
      }
      const reasons = NEEDS.filter((need) => need.matches.test(`${relative} ${name}`)).map((need) => ({
        what: need.what,
        why: need.absent(env, exists),
      }));
      const missing = reasons.filter((r) => r.why);
      if (missing.length > 0)
        add(`${missing.map((r) => r.what).join(' + ')} tests (${missing.map((r) => r.why).join(', ')})`, relative);
      else add('skipped in the code', relative);
    }
  }
  return [...groups.entries()]
    .map(([label, { count, files }]) => ({
      count,
      label:
        label === 'skipped in the code'
          ? `${label}: ${[...files].sort().join(', ')}`
          : count === 1
            ? label.replace(' tests (', ' test (')
            : label,
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

class SkippedReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const groups = summarizeSkipped(results, {
      rootDir: this.globalConfig.rootDir,
      testNamePattern: this.globalConfig.testNamePattern,
    });
    if (groups.length === 0) return;
    // One line per reason, each starting "skipped:", so a log can be searched for them.
    process.stderr.write(groups.map((g) => `skipped: ${g.count} ${g.label}\n`).join(''));
  }
}

SkippedReporter.summarizeSkipped = summarizeSkipped;
module.exports = SkippedReporter;
