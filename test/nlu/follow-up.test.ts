import fc from 'fast-check';
import {
  continueQuery,
  currentContext,
  parseTurn,
  parseUtterance,
  QUERY_CONTEXT_TTL_MS,
  type TQuery,
} from '../../core/nlu';

// How one turn reads after another: what a follow-up keeps, what it changes, and what is not a
// follow-up at all. The dialogues end to end are in test/dialogue/.

const NOW = '2026-12-02T13:00:00+03:00'; // a Wednesday
const TZ = 'Europe/Moscow';
const turn = (text: string, previous: TQuery | null = null) => parseTurn(text, { now: NOW, tz: TZ, previous });
const q = (over: Partial<TQuery>): TQuery => ({
  intent: 'grades',
  date: null,
  dateTo: null,
  subject: null,
  child: null,
  ...over,
});

describe('parseTurn', () => {
  const gradesWeekDasha = q({ date: '2026-11-26', dateTo: '2026-12-02', child: 'Даша' });

  it.each<[string, TQuery, Partial<TQuery>]>([
    ['а по физике?', gradesWeekDasha, { intent: 'grades', subject: 'Физика', child: 'Даша', date: '2026-11-26' }],
    ['а вчера?', gradesWeekDasha, { intent: 'grades', date: '2026-12-01', dateTo: null, child: 'Даша' }],
    ['а у Артёма?', gradesWeekDasha, { intent: 'grades', child: 'Артём', date: '2026-11-26', dateTo: '2026-12-02' }],
    ['а домашка?', gradesWeekDasha, { intent: 'homework', child: 'Даша', date: '2026-11-26', dateTo: '2026-12-02' }],
    ['Маша?', gradesWeekDasha, { intent: 'grades', child: 'Маша' }],
    [
      'по алгебре',
      q({ intent: 'homework', date: '2026-12-03' }),
      { intent: 'homework', subject: 'Алгебра', date: '2026-12-03' },
    ],
    // Friday looks back for grades and ahead for homework, as in a whole question.
    ['and for Friday?', q({ intent: 'grades' }), { intent: 'grades', date: '2026-11-27' }],
    ['and for Friday?', q({ intent: 'homework' }), { intent: 'homework', date: '2026-12-04' }],
    ['what about physics?', q({ intent: 'schedule', date: '2026-12-03' }), { intent: 'schedule', subject: 'Физика' }],
    ['and grades?', q({ intent: 'homework', subject: 'Физика' }), { intent: 'grades', subject: 'Физика' }],
  ])('«%s» after %j', (text, previous, expected) => {
    const read = turn(text, previous);
    expect(read.fragment).toBe(false);
    expect(read.query).toMatchObject(expected);
  });

  it('finds a child by position, never taking a date or a lesson for one', () => {
    expect(turn('а у второго?', gradesWeekDasha).childPosition).toEqual({ kind: 'ordinal', n: 2 });
    expect(turn('а у второго ребёнка?', gradesWeekDasha).childPosition).toEqual({ kind: 'ordinal', n: 2 });
    expect(turn('у первой дочки', gradesWeekDasha).childPosition).toEqual({ kind: 'ordinal', n: 1 });
    expect(turn('а у другого?', gradesWeekDasha).childPosition).toEqual({ kind: 'other' });
    expect(turn('what about the second one?', gradesWeekDasha).childPosition).toEqual({ kind: 'ordinal', n: 2 });
    expect(turn('and the other kid?', gradesWeekDasha).childPosition).toEqual({ kind: 'other' });
    for (const text of [
      'оценки второго декабря',
      'расписание про второй урок',
      'что на третьем уроке',
      'the second lesson',
    ])
      expect({ text, position: turn(text).childPosition }).toEqual({ text, position: null });
    // The child named by position replaces the one before, and the answers resolve it.
    expect(turn('а у второго?', gradesWeekDasha).query.child).toBeNull();
  });

  it('starts afresh on a whole question, whatever came before', () => {
    for (const text of ['какие оценки сегодня', 'что задали на завтра по физике', "what's the homework for tomorrow"]) {
      expect(turn(text, gradesWeekDasha).query).toEqual(parseUtterance(text, { now: NOW, tz: TZ }));
    }
    // Not a diary question: the previous one does not turn it into one.
    expect(turn('подпиши меня на оценки', gradesWeekDasha).query.intent).toBe('subscribe');
    expect(turn('помощь', gradesWeekDasha).query.intent).toBe('help');
  });

  it('asks back for a fragment with nothing before it, and completes it with the intent then named', () => {
    const fragment = turn('а по физике?');
    expect(fragment).toMatchObject({ fragment: true, query: { intent: 'unknown', subject: 'Физика' } });
    expect(turn('а у Маши?').fragment).toBe(true);
    expect(turn('and yesterday?').fragment).toBe(true);
    // Without an opener, a bare subject or date is still read as it always was.
    expect(turn('физика завтра')).toMatchObject({ fragment: false, query: { intent: 'homework' } });
    expect(turn('оценки', fragment.query)).toMatchObject({
      fragment: false,
      query: { intent: 'grades', subject: 'Физика' },
    });
    // Another slot while the intent is still open keeps asking, with both slots kept.
    expect(turn('а вчера?', fragment.query)).toMatchObject({
      fragment: true,
      query: { intent: 'unknown', subject: 'Физика', date: '2026-12-01' },
    });
  });

  it('never throws and never follows up a non-diary question, whatever the text and the previous turn', () => {
    const previous = fc.option(
      fc.record({
        intent: fc.constantFrom('grades', 'homework', 'schedule', 'balance', 'unknown', 'help') as fc.Arbitrary<
          TQuery['intent']
        >,
        date: fc.constant(null),
        dateTo: fc.constant(null),
        subject: fc.option(fc.constantFrom('Физика', 'Алгебра')),
        child: fc.option(fc.constantFrom('Маша', 'Петя')),
      }),
    );
    const words = fc.array(
      fc.constantFrom(
        'а',
        'и',
        'по',
        'физике',
        'вчера',
        'у',
        'второго',
        'Маши',
        'оценки',
        'what',
        'about',
        'and',
        '?',
        'забудь',
        'меня',
      ),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          words.map((w) => w.join(' ')),
        ),
        previous,
        (text, prev) => {
          const read = turn(text, prev);
          if (read.fragment) expect(read.query.intent).toBe('unknown');
          // A request that is not about the diary ("забудь меня") is never bent into a follow-up.
          const alone = parseUtterance(text, { now: NOW, tz: TZ });
          if (!['grades', 'homework', 'schedule', 'balance', 'unknown'].includes(alone.intent))
            expect(read.query).toEqual(alone);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('continueQuery and currentContext', () => {
  it('replaces only the named slots', () => {
    const previous = q({ intent: 'homework', date: '2026-12-03', subject: 'Физика', child: 'Маша' });
    expect(continueQuery(previous, q({ intent: 'homework', subject: 'Алгебра' }))).toEqual({
      ...previous,
      subject: 'Алгебра',
    });
    expect(continueQuery(previous, q({ intent: 'homework', date: '2026-12-07', dateTo: '2026-12-13' }))).toEqual({
      ...previous,
      date: '2026-12-07',
      dateTo: '2026-12-13',
    });
  });

  it('forgets a question older than ten minutes, or one from the future', () => {
    const at = new Date('2026-12-02T10:00:00Z');
    const stored = { context: q({}), at };
    expect(currentContext(stored, new Date(at.getTime() + QUERY_CONTEXT_TTL_MS))).toEqual(q({}));
    expect(currentContext(stored, new Date(at.getTime() + QUERY_CONTEXT_TTL_MS + 1))).toBeNull();
    expect(currentContext(stored, new Date(at.getTime() - 1_000))).toBeNull();
    expect(currentContext(null, at)).toBeNull();
  });
});
