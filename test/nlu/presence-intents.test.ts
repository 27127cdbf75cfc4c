import { parseTurn, parseUtterance } from '../../core/nlu';

// The presence (turnstile passes) and absences (attendance) questions: what each asks, the slots
// it carries — absences carries a period like the term questions — and follow-ups that keep them.

const NOW = '2026-12-02T13:00:00+03:00';
const TZ = 'Europe/Moscow';
const read = (text: string) => parseUtterance(text, { now: NOW, tz: TZ });
const turn = (text: string, previous: ReturnType<typeof parseUtterance>) =>
  parseTurn(text, { now: NOW, tz: TZ, previous });

describe('presence questions', () => {
  it.each([
    ['Варвара в школе?', 'Варвара'],
    ['пришла ли Маша в школу', 'Маша'],
    ['во сколько Петя пришёл в школу', 'Петя'],
    ['когда Петя ушёл из школы?', 'Петя'],
    ['Маша ушла из школы?', 'Маша'],
    ['is Masha at school', 'Masha'],
    ['when did Masha leave school', 'Masha'],
    ['has Petya arrived at school', 'Petya'],
  ])('«%s» asks whether %s is at school', (text, child) => {
    expect(read(text)).toMatchObject({ intent: 'presence', child, date: null, subject: null });
  });

  it('a count of absences with no period or days is the current period’s; «был ли на …» is one day’s lesson', () => {
    const current = { kind: null, which: 'current' };
    expect(read('сколько пропусков по физике')).toMatchObject({ intent: 'absences', subject: 'Физика', term: current });
    expect(read('пропуски по физике')).toMatchObject({ intent: 'absences', term: current });
    expect(read('how many physics classes did Masha miss')).toMatchObject({ intent: 'absences', term: current });
    expect(read('был ли Петя на физике')).toMatchObject({
      intent: 'absences',
      subject: 'Физика',
      term: null,
      date: null,
    });
    expect(read('was Petya in physics today')).toMatchObject({ intent: 'absences', term: null, date: '2026-12-02' });
    // Days said are the range counted.
    expect(read('пропуски за неделю')).toMatchObject({ intent: 'absences', term: null, date: '2026-11-26' });
  });

  it('reads «вчера» as the day asked about, and carries no period', () => {
    const q = read('во сколько Маша ушла из школы вчера');
    expect(q).toMatchObject({ intent: 'presence', date: '2026-12-01' });
    expect('term' in q).toBe(false);
  });

  it('leaves diary questions with the same words alone', () => {
    expect(read('пришли оценки').intent).toBe('grades');
    expect(read('как дела у Вани в школе').intent).toBe('grades');
    expect(read('what did Masha get in math today').intent).toBe('grades');
    expect(read('во сколько начинаются уроки').intent).toBe('schedule');
  });
});

describe('absences questions', () => {
  it.each([
    ['сколько пропусков за четверть', { child: null, subject: null, term: { kind: 'quarter', which: 'current' } }],
    ['сколько уроков пропустила Маша', { child: 'Маша', subject: null, term: { kind: null, which: 'current' } }],
    ['был ли Петя на физике?', { child: 'Петя', subject: 'Физика', term: null }],
    ['была ли Маша на алгебре вчера', { child: 'Маша', subject: 'Алгебра', date: '2026-12-01', term: null }],
    ['опоздания за неделю', { date: '2026-11-26', dateTo: '2026-12-02', term: null }],
    ['how many classes did Masha miss this term', { child: 'Masha', term: { kind: null, which: 'current' } }],
    ['was Petya in physics today', { child: 'Petya', subject: 'Физика', date: '2026-12-02' }],
  ])('«%s»', (text, slots) => {
    expect(read(text)).toMatchObject({ intent: 'absences', ...slots });
  });

  it('keeps grades with a subject after «были на» as grades', () => {
    expect(read('какие оценки были на физике').intent).toBe('grades');
  });
});

describe('follow-ups', () => {
  it('«а вчера?» after a presence question asks about yesterday', () => {
    const first = read('Маша в школе?');
    expect(turn('а вчера?', first).query).toMatchObject({ intent: 'presence', child: 'Маша', date: '2026-12-01' });
  });

  it('«а у второго?» keeps the question and asks by position', () => {
    const reading = turn('а у второго?', read('во сколько пришёл в школу'));
    expect(reading.query.intent).toBe('presence');
    expect(reading.childPosition).not.toBeNull();
  });

  it('«а по химии?» and «а за прошлую четверть?» after absences change only what they name', () => {
    const first = read('сколько пропусков по физике за четверть');
    expect(first).toMatchObject({ intent: 'absences', subject: 'Физика', term: { kind: 'quarter', which: 'current' } });
    expect(turn('а по химии?', first).query).toMatchObject({
      intent: 'absences',
      subject: 'Химия',
      term: { kind: 'quarter', which: 'current' },
    });
    expect(turn('а за прошлую четверть?', first).query).toMatchObject({
      intent: 'absences',
      subject: 'Физика',
      term: { kind: 'quarter', which: 'previous' },
    });
  });

  it('a new question after presence starts afresh', () => {
    expect(turn('какие оценки сегодня', read('Маша в школе?')).query.intent).toBe('grades');
  });
});
