import { closestIds, noSuchIdLine } from '../../cli/unknown-id';

// "did you mean": the ids a slip of a character or two away, or holding what was typed.

const STUDENTS = ['stu-9v-20', 'stu-9v-21', 'stu-9v-3', 'stu-5a-1', 'stu-10b-12', 's2-st1', 's2-st2'];

describe('closestIds', () => {
  it.each([
    ['stu-9v-2', ['stu-9v-3', 'stu-9v-20', 'stu-9v-21']],
    // Only the nearest: a swap of two characters is one edit, the others two or more.
    ['stu-9v-02', ['stu-9v-20']],
    ['stu-v9-20', ['stu-9v-20']],
    ['stu-9v-20 ', ['stu-9v-20']],
    ['STU-5A-1', ['stu-5a-1']],
    ['s2-st', ['s2-st1', 's2-st2']],
    ['s2-st9', ['s2-st1', 's2-st2']],
  ])('%s → %j', (typed, expected) => {
    expect(closestIds(typed, STUDENTS)).toEqual(expected);
  });

  it('finds an id given without its prefix, or with another one', () => {
    const classes = ['cls-5a', 'cls-7b', 'cls-9v', 'cls-10a'];
    expect(closestIds('9v', classes)).toEqual(['cls-9v']);
    expect(closestIds('demo-9v', classes)).toEqual(['cls-9v']);
    expect(closestIds('10A', classes)).toEqual(['cls-10a']);
    expect(closestIds('demo-11g', classes)).toEqual([]);
  });

  it('offers nothing when nothing is close, and at most three', () => {
    expect(closestIds('nobody', STUDENTS)).toEqual([]);
    expect(closestIds('x', STUDENTS)).toEqual([]);
    expect(closestIds('', STUDENTS)).toEqual([]);
    expect(closestIds('stu-', STUDENTS)).toHaveLength(3);
  });

  it('keeps to the allowed edits for a short id: one', () => {
    expect(closestIds('s3', ['s1', 's2', 'demo-school', 's12'])).toEqual(['s1', 's2']);
    expect(closestIds('ab', ['xy', 'a'])).toEqual(['a']);
  });
});

describe('noSuchIdLine', () => {
  it('names the kind and the id, then the suggestions', () => {
    expect(noSuchIdLine('student', 'stu-9v-2', ['stu-9v-20', 'stu-9v-21'])).toBe(
      'no student "stu-9v-2" — did you mean stu-9v-20, stu-9v-21?',
    );
    expect(noSuchIdLine('school', 'x', [])).toBe('no school "x"');
  });
});
