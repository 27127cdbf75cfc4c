import { parseUtterance, type TQuery } from '../../core/nlu';
import cases from './coming-corpus.json';

// Questions about tests and school events coming, written apart from the cues
// (core/nlu/intent-cues.ts): phrasings the cues were not built from, so the rate says how the
// parser meets new ones. Each case checks the intent, subject and child.

const NOW = '2026-12-02T10:00:00+03:00';
const THRESHOLD = 0.85;
type TCase = { text: string; expect: Pick<TQuery, 'intent' | 'subject' | 'child'> };

describe('tests and school events, held out', () => {
  it('covers both intents in both languages', () => {
    for (const intent of ['tests', 'events']) {
      const of = (cases as TCase[]).filter((c) => c.expect.intent === intent);
      expect(of.some((c) => /[а-я]/i.test(c.text))).toBe(true);
      expect(of.some((c) => !/[а-я]/i.test(c.text))).toBe(true);
    }
  });

  it(`reads at least ${THRESHOLD * 100}% exactly`, () => {
    const misses: string[] = [];
    for (const c of cases as TCase[]) {
      const got = parseUtterance(c.text, { now: NOW });
      const seen = { intent: got.intent, subject: got.subject, child: got.child };
      if (JSON.stringify(seen) !== JSON.stringify(c.expect)) misses.push(`  "${c.text}": got ${JSON.stringify(seen)}`);
    }
    process.stdout.write(`coming corpus: ${cases.length - misses.length}/${cases.length}\n${misses.join('\n')}\n`);
    expect((cases.length - misses.length) / cases.length).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
