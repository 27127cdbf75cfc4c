import { parseTurn, parseUtterance } from '../../core/nlu';

// Tests and school events coming: what each asks, that a bare day looks ahead (as homework does),
// that the timetable keeps its own questions, and follow-ups that keep the intent.

const NOW = '2026-12-02T13:00:00+03:00'; // a Wednesday
const SATURDAY = '2026-12-05T13:00:00+03:00';
const TZ = 'Europe/Moscow';
const read = (text: string, now = NOW) => parseUtterance(text, { now, tz: TZ });

describe('tests coming', () => {
  it.each([
    ['когда контрольные?', null],
    ['какие контрольные на неделе', null],
    ['что будет на контрольной по алгебре?', 'Алгебра'],
    ['когда следующая контрольная по физике', 'Физика'],
    ['when is my next test', null],
    ["what's on the math test", 'Математика'],
  ])('«%s» asks for tests (subject %s)', (text, subject) => {
    expect(read(text)).toMatchObject({ intent: 'tests', subject });
  });

  it('a bare weekday is the coming one', () => {
    expect(read('какие контрольные в пятницу', SATURDAY)).toMatchObject({ intent: 'tests', date: '2026-12-11' });
    expect(read('any tests on friday', SATURDAY)).toMatchObject({ intent: 'tests', date: '2026-12-11' });
  });

  it('a mark for a test is still grades; a single test on a day is still the timetable', () => {
    expect(read('какая оценка за контрольную по физике').intent).toBe('grades');
    expect(read('what grade did masha get on her math test').intent).toBe('grades');
    expect(read('когда контрольная по химии').intent).toBe('schedule');
    expect(read('будет ли в пятницу контрольная по алгебре').intent).toBe('schedule');
  });
});

describe('school events coming', () => {
  it.each(['какие мероприятия на неделе?', 'что будет в школе в пятницу', 'school events this week'])(
    '«%s» asks for events',
    (text) => {
      expect(read(text).intent).toBe('events');
    },
  );

  it('the timetable keeps its questions', () => {
    expect(read('какие уроки в пятницу').intent).toBe('schedule');
    expect(read('расписание на завтра').intent).toBe('schedule');
    expect(read('что завтра в школе').intent).not.toBe('events');
  });

  it('a bare weekday is the coming one', () => {
    expect(read('что будет в школе в пятницу', SATURDAY)).toMatchObject({ intent: 'events', date: '2026-12-11' });
  });
});

describe('follow-ups', () => {
  it('keep tests and events and change only what they name', () => {
    const tests = read('когда следующая контрольная по физике');
    const next = parseTurn('а по химии?', { now: NOW, tz: TZ, previous: tests });
    expect(next.query).toMatchObject({ intent: 'tests', subject: 'Химия' });
    const events = read('какие мероприятия на неделе?');
    const friday = parseTurn('а в пятницу?', { now: NOW, tz: TZ, previous: events });
    expect(friday.query).toMatchObject({ intent: 'events', date: '2026-12-04' });
    const switched = parseTurn('а контрольные?', { now: NOW, tz: TZ, previous: events });
    expect(switched.query.intent).toBe('tests');
  });
});
