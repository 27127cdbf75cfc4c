import type { TLang } from '../../core/i18n';
import { parseUtterance, type TQuery } from '../../core/nlu';
import corpus from './corpus.json';

interface TCase {
  text: string;
  lang?: TLang;
  now: string;
  tz?: string;
  expect: TQuery;
}

const FIELDS = ['intent', 'date', 'dateTo', 'subject', 'child'] as const;
const THRESHOLD = 0.97;
const cases = corpus as TCase[];

function pct(n: number, of: number): string {
  return `${((100 * n) / of).toFixed(1)}%`;
}

describe('nlu corpus', () => {
  it('has a large, mostly Russian corpus with a real English share', () => {
    const english = cases.filter((c) => !/[а-яё]/i.test(c.text) && /[a-z]{3}/i.test(c.text) && !c.text.startsWith('/'));
    expect(cases.length).toBeGreaterThanOrEqual(350);
    expect(english.length).toBeGreaterThanOrEqual(90);
    expect(cases.length - english.length).toBeGreaterThan(english.length);
  });

  it(`parses at least ${THRESHOLD * 100}% of the corpus exactly`, () => {
    const fieldHits = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<(typeof FIELDS)[number], number>;
    const misses: string[] = [];
    let exact = 0;
    for (const c of cases) {
      const got = parseUtterance(c.text, { lang: c.lang, now: c.now, tz: c.tz });
      let all = true;
      for (const f of FIELDS) {
        if (got[f] === c.expect[f]) fieldHits[f]++;
        else all = false;
      }
      if (all) exact++;
      else {
        const diff = FIELDS.filter((f) => got[f] !== c.expect[f])
          .map((f) => `${f}: got ${JSON.stringify(got[f])}, want ${JSON.stringify(c.expect[f])}`)
          .join('; ');
        misses.push(`  "${c.text}" (now ${c.now}) — ${diff}`);
      }
    }
    const report = [
      `nlu corpus: ${exact}/${cases.length} exact (${pct(exact, cases.length)})`,
      '  per field: ' + FIELDS.map((f) => `${f} ${pct(fieldHits[f], cases.length)}`).join(', '),
      ...(misses.length ? ['  misses:', ...misses] : []),
    ].join('\n');
    // Printed rather than logged so the figures show up in CI output even when the test passes.
    process.stdout.write(report + '\n');
    expect(exact / cases.length).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
