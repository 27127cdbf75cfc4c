import { continueQuery, parseTurn, parseUtterance, ZQuerySchema } from '../../core/nlu';

// Follow-ups to term questions keep the period and the target unless they name new ones, and a
// query stored before term questions existed (a voice session) still reads.

const NOW = '2026-12-02T13:00:00+03:00';
const TZ = 'Europe/Moscow';
const turn = (text: string, previous: ReturnType<typeof parseUtterance>) =>
  parseTurn(text, { now: NOW, tz: TZ, previous });

describe('term follow-ups', () => {
  const average = parseUtterance('средний балл по алгебре за четверть', { now: NOW, tz: TZ });

  it('reads the question itself', () => {
    expect(average).toMatchObject({
      intent: 'average',
      subject: 'Алгебра',
      term: { kind: 'quarter', which: 'current' },
    });
  });

  it('keeps the intent and the period for «а по физике?» and "and in Russian?"', () => {
    expect(turn('а по физике?', average).query).toMatchObject({
      intent: 'average',
      subject: 'Физика',
      term: { kind: 'quarter', which: 'current' },
    });
    expect(turn('and in russian?', average).query).toMatchObject({ intent: 'average', subject: 'Русский язык' });
  });

  it('changes only the period for «а за прошлую четверть?»', () => {
    expect(turn('а за прошлую четверть?', average).query).toMatchObject({
      intent: 'average',
      subject: 'Алгебра',
      term: { kind: 'quarter', which: 'previous' },
    });
  });

  it('reads «чтобы» as "what is needed" even with the period between it and the verb', () => {
    const read = (text: string) => parseUtterance(text, { now: NOW, tz: TZ });
    expect(read('что нужно, чтобы за год вышла пятёрка по алгебре')).toMatchObject({
      intent: 'needed',
      subject: 'Алгебра',
      term: { kind: 'year', which: 'current' },
      target: '5',
    });
    expect(read('чтобы за четверть вышла четвёрка по физике')).toMatchObject({ intent: 'needed', target: '4' });
    expect(read('что надо, чтобы была пятёрка по русскому')).toMatchObject({ intent: 'needed', target: '5' });
    // A fixed mark stays what it was.
    expect(read('какая оценка вышла за четверть по физике')).toMatchObject({ intent: 'final-grades' });
  });

  it('keeps the target of a "what is needed" question for another subject', () => {
    const needed = parseUtterance('что нужно, чтобы вышла четвёрка по химии', { now: NOW, tz: TZ });
    expect(needed).toMatchObject({ intent: 'needed', target: '4' });
    expect(turn('а по биологии?', needed).query).toMatchObject({ intent: 'needed', subject: 'Биология', target: '4' });
    expect(continueQuery(needed, { ...needed, subject: 'Физика', target: null })).toMatchObject({
      intent: 'needed',
      subject: 'Физика',
      target: '4',
    });
  });

  it('starts afresh on a whole diary question after a term one', () => {
    expect(turn('что задали на завтра', average).query.intent).toBe('homework');
  });

  it('reads a stored query without the term fields, and refuses a malformed one', () => {
    expect(
      ZQuerySchema.safeParse({ intent: 'average', date: null, dateTo: null, subject: null, child: null }).success,
    ).toBe(true);
    expect(
      ZQuerySchema.safeParse({
        intent: 'needed',
        date: null,
        dateTo: null,
        subject: null,
        child: null,
        term: { kind: 'week', which: 'current' },
      }).success,
    ).toBe(false);
  });
});
