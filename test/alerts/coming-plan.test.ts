import type { TAlertType, TOutboxFact, TPlanningInput, TRecipient } from '../../core/alerts/alert-types';
import { composeMessage } from '../../core/alerts/compose-messages';
import { planAlerts, wantsAlert } from '../../core/alerts/plan-alerts';
import {
  ANNOUNCEMENT_MAX_CHARS,
  planTestsTomorrow,
  testTomorrowOutboxId,
  trimText,
} from '../../core/alerts/plan-coming';

// What is coming, as the planner decides it (README "Alerts"): a test set or moved within the usual
// window, the evening reminder at the chosen time, school news to the pupils addressed — an urgent
// announcement at once even in quiet hours, nothing else.

const TZ = 'Europe/Moscow';
let nextId = 0;

function recipient(
  type: TAlertType,
  over: Partial<TRecipient['subscription']> = {},
  who: Partial<TRecipient> = {},
): TRecipient {
  return {
    chatId: 'chat-mom',
    channel: 'telegram',
    chatActive: true,
    consentActive: true,
    personId: 'mom',
    studentId: 'st1',
    studentName: 'Варвара',
    studentFeminine: true,
    timezone: TZ,
    subscription: {
      type,
      enabled: true,
      mode: 'instant',
      digestTime: type === 'tests' ? '19:00' : null,
      quietFrom: '21:00',
      quietTo: '08:00',
      thresholdKopecks: null,
      ...over,
    },
    ...who,
  };
}

function fact(
  kind: string,
  payload: Record<string, unknown>,
  createdAt: string,
  classId: string | null = null,
): TOutboxFact {
  return { id: String(++nextId), kind, studentId: null, classId, createdAt: new Date(createdAt), payload };
}

const testFact = (over: Record<string, unknown> = {}, createdAt = '2026-12-08T10:00:00+03:00') =>
  fact(
    'lesson.test-scheduled',
    {
      lessonId: 'l1',
      subjectId: 'alg',
      date: '2026-12-11',
      start: '09:00',
      topic: 'квадратные уравнения',
      previousDate: null,
      ...over,
    },
    createdAt,
    'c1',
  );

function input(facts: TOutboxFact[], recipients: TRecipient[], over: Partial<TPlanningInput> = {}): TPlanningInput {
  const byStudent = new Map<string, TRecipient[]>();
  for (const r of recipients) byStudent.set(r.studentId, [...(byStudent.get(r.studentId) ?? []), r]);
  return {
    facts,
    recipients: byStudent,
    classStudents: new Map([
      ['c1', ['st1']],
      ['c2', ['st2']],
    ]),
    subjectNames: new Map([['alg', 'Алгебра']]),
    withdrawn: [],
    ...over,
  };
}

const text = (items: ReturnType<typeof planAlerts>, locale = 'ru') =>
  composeMessage({
    chatId: items[0].chatId,
    locale,
    groupKey: items[0].groupKey,
    items: items.map((i, n) => ({ id: String(n), kind: i.kind, payload: i.payload, ingestedAt: i.ingestedAt })),
  }).text;

describe('a test set or moved', () => {
  it('tells the class parents with the type on, within the usual window', () => {
    const f = testFact();
    const items = planAlerts(input([f], [recipient('tests')]));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'tests', kind: 'lesson.test-scheduled', groupKey: 'i:st1' });
    expect(items[0].dueAt.getTime()).toBe(f.createdAt.getTime() + 120_000);
    expect(text(items)).toBe('Варвара: назначена контрольная по алгебре на пт 11 декабря: квадратные уравнения');
    expect(text(items, 'en')).toBe('Варвара: Алгебра test set for Fri 11 Dec: квадратные уравнения');
  });

  it('says a moved test was moved', () => {
    const items = planAlerts(input([testFact({ previousDate: '2026-12-10' })], [recipient('tests')]));
    expect(text(items)).toBe(
      'Варвара: контрольная по алгебре перенесена с чт 10 декабря на пт 11 декабря: квадратные уравнения',
    );
  });

  it('tells nobody of another class, nobody with the type off, and not of a day already past', () => {
    const other = recipient('tests', {}, { studentId: 'st2', chatId: 'chat-other' });
    const off = recipient('tests', { enabled: false }, { chatId: 'chat-off' });
    const grades = recipient('grades', {}, { chatId: 'chat-grades' });
    expect(planAlerts(input([testFact()], [other, off, grades]))).toEqual([]);
    expect(planAlerts(input([testFact({ date: '2026-12-07' })], [recipient('tests')]))).toEqual([]);
  });

  it('waits out quiet hours, and ignores a daily digest set on the row', () => {
    const f = testFact({}, '2026-12-08T22:30:00+03:00');
    const [item] = planAlerts(input([f], [recipient('tests', { mode: 'digest' })]));
    expect(item.dueAt.toISOString()).toBe('2026-12-09T05:00:00.000Z');
    expect(item.groupKey).toBe('i:st1');
  });
});

describe('school news', () => {
  const event = (classIds: string[], createdAt = '2026-12-08T12:00:00+03:00') =>
    fact(
      'school_event.changed',
      {
        schoolEventId: 'e1',
        schoolId: 's1',
        classIds,
        title: 'Новогодний концерт',
        date: '2026-12-25',
        start: '17:00',
        end: '18:30',
        place: 'Актовый зал',
        onlineUrl: 'https://example.org/live',
        isNew: true,
      },
      createdAt,
    );
  const announcement = (urgent: boolean, createdAt: string, textBody = 'Завтра занятия отменены из-за мороза.') =>
    fact(
      'announcement.published',
      { announcementId: 'a1', schoolId: 's1', classIds: [], title: 'Мороз', text: textBody, urgent },
      createdAt,
    );

  it('goes to the pupils the store resolved, once per chat, as a message of its own', () => {
    const f = event(['c1']);
    const mom1 = recipient('school-news');
    const mom2 = recipient('school-news', {}, { studentId: 'st3', studentName: 'Пётр' });
    const items = planAlerts(input([f], [mom1, mom2], { newsStudents: new Map([[f.id, ['st1', 'st3']]]) }));
    expect(items).toHaveLength(1);
    expect(items[0].groupKey).toBe(`n:e1:${f.id}`);
    expect(text(items)).toBe(
      'Мероприятие: Новогодний концерт — пт 25 декабря, 17:00–18:30\nМесто: Актовый зал\nСсылка: https://example.org/live',
    );
    expect(text(items, 'en')).toBe(
      'School event: Новогодний концерт — Fri 25 Dec, 17:00–18:30\nPlace: Актовый зал\nLink: https://example.org/live',
    );
  });

  it('reaches nobody the store did not name (another class or school), nor those with it off', () => {
    const f = event(['c1']);
    const other = recipient('school-news', {}, { studentId: 'st2', chatId: 'chat-other' });
    const off = recipient('school-news', { enabled: false });
    expect(planAlerts(input([f], [other, off], { newsStudents: new Map([[f.id, ['st1']]]) }))).toEqual([]);
    expect(planAlerts(input([f], [recipient('school-news')]))).toEqual([]);
  });

  it('sends an urgent announcement at once, even in quiet hours; a plain one waits', () => {
    const urgent = announcement(true, '2026-12-08T06:30:00+03:00');
    const plain = announcement(false, '2026-12-08T06:30:00+03:00');
    const news = new Map([
      [urgent.id, ['st1']],
      [plain.id, ['st1']],
    ]);
    const [u, p] = planAlerts(input([urgent, plain], [recipient('school-news')], { newsStudents: news }));
    expect(u.dueAt).toEqual(urgent.createdAt);
    expect(p.dueAt.toISOString()).toBe('2026-12-08T05:00:00.000Z');
    expect(text([u])).toBe('❗ Срочное объявление: Мороз\nЗавтра занятия отменены из-за мороза.');
    expect(text([u], 'en')).toBe('❗ Urgent announcement: Мороз\nЗавтра занятия отменены из-за мороза.');
  });

  it('trims a long announcement text at a word', () => {
    const long = 'слово '.repeat(500);
    const trimmed = trimText(long);
    expect(trimmed.length).toBeLessThanOrEqual(ANNOUNCEMENT_MAX_CHARS);
    expect(trimmed.endsWith('слово…')).toBe(true);
  });
});

describe('the evening before a test', () => {
  const found = [
    {
      lessonId: 'l1',
      studentId: 'st1',
      subjectName: 'Алгебра',
      date: '2026-12-11',
      start: '09:00',
      topic: 'квадратные уравнения',
    },
  ];
  const plan = (now: string, rs: TRecipient[]) =>
    planTestsTomorrow(found, new Map([['st1', rs]]), new Date(now), (r) => wantsAlert(r, 'tests'), '19:00');

  it('is planned at the chosen time, not before, with a key of (test, day, pupil)', () => {
    expect(plan('2026-12-10T18:59:00+03:00', [recipient('tests')])).toEqual([]);
    const [item] = plan('2026-12-10T19:00:30+03:00', [recipient('tests')]);
    expect(item.outboxId).toBe(testTomorrowOutboxId('l1', '2026-12-11', 'st1'));
    expect(BigInt(item.outboxId) < 0n).toBe(true);
    expect(item.dueAt.toISOString()).toBe('2026-12-10T16:00:30.000Z');
    expect(text([item])).toBe('Варвара: завтра контрольная по алгебре: квадратные уравнения');
    expect(text([item], 'en')).toBe('Варвара: Алгебра test tomorrow: квадратные уравнения');
  });

  it('honours 18:00 and 20:00, the type switch, and skips a test that is not tomorrow', () => {
    expect(plan('2026-12-10T18:00:00+03:00', [recipient('tests', { digestTime: '18:00' })])).toHaveLength(1);
    expect(plan('2026-12-10T19:30:00+03:00', [recipient('tests', { digestTime: '20:00' })])).toEqual([]);
    expect(plan('2026-12-10T20:00:00+03:00', [recipient('tests', { enabled: false })])).toEqual([]);
    expect(plan('2026-12-09T20:00:00+03:00', [recipient('tests')])).toEqual([]);
  });

  it('waits out quiet hours that cover the chosen time, and then says «сегодня»', () => {
    const [item] = plan('2026-12-10T19:00:00+03:00', [recipient('tests', { quietFrom: '18:00', quietTo: '08:00' })]);
    expect(item.dueAt.toISOString()).toBe('2026-12-11T05:00:00.000Z');
    expect(text([item])).toBe('Варвара: сегодня контрольная по алгебре: квадратные уравнения');
  });
});
