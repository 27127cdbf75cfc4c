import { parseUtterance, type TQuery } from '../../core/nlu';
import cases from './term-corpus.json';

// Term questions written apart from the cues (core/nlu/intent-cues.ts): phrasings the cues were
// not built from, so the rate says how the parser meets new ones. Each case checks the intent,
// subject, child, the period said and (for "what is needed") the target mark.

const NOW = '2026-12-02T10:00:00+03:00';
const THRESHOLD = 0.85;
type TCase = { text: string; expect: Pick<TQuery, 'intent' | 'subject' | 'child' | 'term' | 'target'> };

describe('term questions, held out', () => {
  it('covers every term intent in both languages', () => {
    for (const intent of ['average', 'final-grades', 'needed', 'topics']) {
      const of = (cases as TCase[]).filter((c) => c.expect.intent === intent);
      expect(of.some((c) => /[а-я]/i.test(c.text))).toBe(true);
      expect(of.some((c) => !/[а-я]/i.test(c.text))).toBe(true);
    }
  });

  it(`reads at least ${THRESHOLD * 100}% exactly`, () => {
    const misses: string[] = [];
    for (const c of cases as TCase[]) {
      const got = parseUtterance(c.text, { now: NOW });
      const want = { target: null, ...c.expect };
      const seen = {
        intent: got.intent,
        subject: got.subject,
        child: got.child,
        term: got.term ?? null,
        target: got.target ?? null,
      };
      if (
        JSON.stringify(seen) !==
        JSON.stringify({
          intent: want.intent,
          subject: want.subject,
          child: want.child,
          term: want.term,
          target: want.target,
        })
      )
        misses.push(`  "${c.text}": got ${JSON.stringify(seen)}`);
    }
    process.stdout.write(`term corpus: ${cases.length - misses.length}/${cases.length}\n${misses.join('\n')}\n`);
    expect((cases.length - misses.length) / cases.length).toBeGreaterThanOrEqual(THRESHOLD);
  });
});
