import type {
  TAlertType,
  TOutboxFact,
  TPlanningInput,
  TRecipient,
  TStoredPass,
  TWithdrawnItem,
} from '../../core/alerts/alert-types';
import { composeMessage } from '../../core/alerts/compose-messages';
import { absenceRef, lessonDayKey } from '../../core/alerts/plan-absence';
import { planAlerts, refsToWithdraw } from '../../core/alerts/plan-alerts';
import { departuresToWithdraw } from '../../core/alerts/plan-presence';
import { ruFeminine } from '../../core/alerts/ru-feminine';

// Arrivals, departures and absences as the planner decides them (README "Alerts"): the day's first
// way in, at once and past quiet hours; a way out not followed by a way back in within ten minutes;
// a pupil's absences summed up half an hour after the class's last lesson, or at once if asked.

const TZ = 'Europe/Moscow';
let nextId = 0;

function recipient(type: TAlertType, over: Partial<TRecipient['subscription']> = {}, chatId = 'chat-mom'): TRecipient {
  return {
    chatId,
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
      mode: type === 'absence' ? 'digest' : 'instant',
      digestTime: null,
      quietFrom: '21:00',
      quietTo: '08:00',
      thresholdKopecks: null,
      ...over,
    },
  };
}

function pass(passId: string, at: string, direction: 'in' | 'out', createdAt = at): TOutboxFact {
  return {
    id: String(++nextId),
    kind: 'pass.recorded',
    studentId: 'st1',
    classId: null,
    createdAt: new Date(createdAt),
    payload: { passId, at, direction, place: null },
  };
}

function mark(
  lessonId: string,
  status: string,
  extra: Record<string, unknown> = {},
  createdAt = '2026-12-01T10:00:00+03:00',
) {
  return {
    id: String(++nextId),
    kind: 'attendance.changed',
    studentId: 'st1',
    classId: null,
    createdAt: new Date(createdAt),
    payload: {
      lessonId,
      subjectId: 'phys',
      date: '2026-12-01',
      start: '10:00',
      end: '10:45',
      status,
      previousStatus: null,
      reason: null,
      ...extra,
    },
  } satisfies TOutboxFact;
}

function input(
  facts: TOutboxFact[],
  recipients: TRecipient[],
  extra: Partial<TPlanningInput> = {},
  withdrawn: TWithdrawnItem[] = [],
): TPlanningInput {
  const byStudent = new Map<string, TRecipient[]>();
  for (const r of recipients) byStudent.set(r.studentId, [...(byStudent.get(r.studentId) ?? []), r]);
  return {
    facts,
    recipients: byStudent,
    classStudents: new Map(),
    subjectNames: new Map([
      ['phys', 'Физика'],
      ['alg', 'Алгебра'],
    ]),
    withdrawn,
    ...extra,
  };
}

const stored = (...passes: [string, string, 'in' | 'out'][]): Map<string, TStoredPass[]> =>
  new Map([['st1', passes.map(([id, at, direction]) => ({ id, at: new Date(at), direction }))]]);

const text = (locale: string, items: ReturnType<typeof planAlerts>) =>
  composeMessage({
    chatId: 'chat-mom',
    locale,
    groupKey: items[0].groupKey,
    items: items.map((i, n) => ({ id: String(n), kind: i.kind, payload: i.payload, ingestedAt: i.ingestedAt })),
  }).text;

describe('arrival', () => {
  it('tells the day’s first way in at once, in its own group, quiet hours or not', () => {
    // 07:40 Moscow is inside the quiet hours 21:00–08:00.
    const fact = pass('p1', '2026-12-01T07:40:00+03:00', 'in');
    const items = planAlerts(input([fact], [recipient('arrival')]));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'pass.arrival', type: 'arrival', refId: 'arr:st1:2026-12-01' });
    expect(items[0].dueAt).toEqual(fact.createdAt);
    expect(items[0].groupKey).toBe('arr:st1:2026-12-01');
    expect(text('ru', items)).toBe('Варвара пришла в школу в 07:40');
    expect(text('en', items)).toBe('Варвара arrived at school at 07:40');
  });

  it('agrees with a boy in Russian', () => {
    const boy = { ...recipient('arrival'), studentName: 'Никита', studentFeminine: false };
    const items = planAlerts(input([pass('p1', '2026-12-01T08:12:00+03:00', 'in')], [boy]));
    expect(text('ru', items)).toBe('Никита пришёл в школу в 08:12');
  });

  it('is not told for a later way in: stored earlier that day, or earlier in the same batch', () => {
    const later = pass('p2', '2026-12-01T12:30:00+03:00', 'in');
    expect(
      planAlerts(input([later], [recipient('arrival')], { passes: stored(['p1', '2026-12-01T08:12:00+03:00', 'in']) })),
    ).toEqual([]);
    // The batch holds both, the later one first: only the earlier is the day's first.
    const items = planAlerts(input([later, pass('p1', '2026-12-01T08:12:00+03:00', 'in')], [recipient('arrival')]));
    expect(items.map((i) => i.payload.time)).toEqual(['08:12']);
  });

  it('counts the school’s day: yesterday’s way in does not make today’s second', () => {
    const items = planAlerts(
      input([pass('p2', '2026-12-02T08:05:00+03:00', 'in')], [recipient('arrival')], {
        passes: stored(['p1', '2026-12-01T08:12:00+03:00', 'in']),
      }),
    );
    expect(items.map((i) => i.refId)).toEqual(['arr:st1:2026-12-02']);
  });

  it('is told once a day per chat, even when an earlier pass arrives late', () => {
    const late = pass('p0', '2026-12-01T08:01:00+03:00', 'in', '2026-12-01T09:00:00+03:00');
    const items = planAlerts(
      input([late], [recipient('arrival')], { arrived: new Set(['arr:st1:2026-12-01\u0000chat-mom']) }),
    );
    expect(items).toEqual([]);
  });

  it('goes to nobody without the switch, consent or an active push chat', () => {
    const fact = pass('p1', '2026-12-01T08:12:00+03:00', 'in');
    const off = [
      recipient('grades'),
      { ...recipient('arrival'), consentActive: false },
      { ...recipient('arrival'), chatActive: false },
      { ...recipient('arrival'), channel: 'alice' },
      recipient('arrival', { enabled: false }),
    ];
    expect(planAlerts(input([fact], off))).toEqual([]);
  });
});

describe('departure', () => {
  it('is due ten minutes after a way out, past quiet hours', () => {
    const fact = pass('p9', '2026-12-01T21:40:00+03:00', 'out');
    const [item] = planAlerts(input([fact], [recipient('departure')]));
    expect(item).toMatchObject({ kind: 'pass.departure', refId: 'dep:p9', groupKey: 'dep:p9' });
    expect(item.dueAt).toEqual(new Date('2026-12-01T21:50:00+03:00'));
    expect(text('ru', [item])).toBe('Варвара ушла из школы в 21:40');
    expect(text('en', [item])).toBe('Варвара left school at 21:40');
  });

  it('is not told when a way back in follows within ten minutes, stored or in the batch', () => {
    const out = pass('p9', '2026-12-01T12:00:00+03:00', 'out');
    expect(
      planAlerts(
        input([out], [recipient('departure')], { passes: stored(['p10', '2026-12-01T12:09:00+03:00', 'in']) }),
      ),
    ).toEqual([]);
    expect(planAlerts(input([out, pass('p10', '2026-12-01T12:10:00+03:00', 'in')], [recipient('departure')]))).toEqual(
      [],
    );
    // Eleven minutes later is a new arrival at school, not a step outside.
    expect(
      planAlerts(input([out, pass('p10', '2026-12-01T12:11:00+03:00', 'in')], [recipient('departure')])),
    ).toHaveLength(1);
  });

  it('is due at once when the pass came later than the ten minutes', () => {
    const late = pass('p9', '2026-12-01T15:40:00+03:00', 'out', '2026-12-01T16:30:00+03:00');
    const [item] = planAlerts(input([late], [recipient('departure')]));
    expect(item.dueAt).toEqual(late.createdAt);
  });

  it('is taken back, while unsent, by any pass within the ten minutes after it', () => {
    const back = pass('p10', '2026-12-01T15:45:00+03:00', 'in');
    expect(departuresToWithdraw([back])).toEqual([
      { studentId: 'st1', from: new Date('2026-12-01T15:35:00+03:00'), to: new Date('2026-12-01T15:45:00+03:00') },
    ]);
    expect(departuresToWithdraw([mark('l1', 'absent')])).toEqual([]);
  });
});

describe('absence', () => {
  const day = (lessonNumber: number, lastEnd = '14:25') => ({ lessonNumber, lastEnd });

  it('is summed up per pupil and day, 30 minutes after the class’s last lesson', () => {
    const missed = mark('l3', 'absent');
    const late = mark('l2', 'late', { subjectId: 'alg', start: '09:00', end: '09:45' });
    const lessonDays = new Map([
      [lessonDayKey('st1', 'l3'), day(3)],
      [lessonDayKey('st1', 'l2'), day(2)],
    ]);
    const items = planAlerts(input([missed, late], [recipient('absence')], { lessonDays }));
    expect(items.map((i) => [i.kind, i.refId, i.groupKey])).toEqual([
      ['attendance.absence', absenceRef('l3', 'st1'), 'a:st1:2026-12-01'],
      ['attendance.absence', absenceRef('l2', 'st1'), 'a:st1:2026-12-01'],
    ]);
    for (const i of items) expect(i.dueAt).toEqual(new Date('2026-12-01T14:55:00+03:00'));
    expect(text('ru', items)).toBe('Варвара сегодня: опоздала на алгебру (2-й урок), не была на физике (3-й урок)');
    expect(text('en', items)).toBe('Варвара today: was late for Алгебра (lesson 2), missed Физика (lesson 3)');
  });

  it('uses the lesson’s own end without a known day, and waits out the quiet hours', () => {
    const evening = mark('l9', 'absent', { start: '20:30', end: '21:00' });
    const [item] = planAlerts(input([evening], [recipient('absence')]));
    // 21:30 is quiet: the summary waits until 08:00, and then names the day.
    expect(item.dueAt).toEqual(new Date('2026-12-02T08:00:00+03:00'));
    expect(text('ru', [item])).toBe('Варвара 01.12: не была на физике');
  });

  it('a mark made after the summary time goes out within the usual window', () => {
    const late = mark('l3', 'absent', {}, '2026-12-01T16:00:00+03:00');
    const [item] = planAlerts(
      input([late], [recipient('absence')], { lessonDays: new Map([[lessonDayKey('st1', 'l3'), day(3)]]) }),
    );
    expect(item.dueAt).toEqual(new Date('2026-12-01T16:02:00+03:00'));
  });

  it('goes at once, within the coalescing window, in instant mode', () => {
    const fact = mark('l3', 'absent');
    const [item] = planAlerts(
      input([fact], [recipient('absence', { mode: 'instant', quietFrom: '00:00', quietTo: '00:00' })], {
        lessonDays: new Map([[lessonDayKey('st1', 'l3'), day(3)]]),
      }),
    );
    expect(item.groupKey).toBe('i:st1');
    expect(item.dueAt).toEqual(new Date(fact.createdAt.getTime() + 120_000));
    expect(text('ru', [item])).toBe('Варвара не была на физике (3-й урок)');
  });

  it('a mark corrected takes back the unsent alert of its lesson; present plans nothing new', () => {
    const fixed = mark('l3', 'present', { previousStatus: 'absent' });
    expect(refsToWithdraw([fixed])).toEqual([absenceRef('l3', 'st1')]);
    expect(planAlerts(input([fixed], [recipient('absence')]))).toEqual([]);
    // Absent → late: the absence is taken back and the lateness planned.
    const late = mark('l3', 'late', { previousStatus: 'absent' });
    expect(refsToWithdraw([late])).toEqual([absenceRef('l3', 'st1')]);
    expect(planAlerts(input([late], [recipient('absence')])).map((i) => i.payload.status)).toEqual(['late']);
    // Within one batch too: the last mark of the lesson is what is told.
    expect(planAlerts(input([mark('l3', 'absent'), fixed], [recipient('absence')]))).toEqual([]);
    expect(
      planAlerts(input([mark('l3', 'absent'), late], [recipient('absence')])).map((i) => i.payload.status),
    ).toEqual(['late']);
  });
});

describe('Russian gender', () => {
  it('reads the patronymic first, then the first name', () => {
    expect(ruFeminine('Саша', 'Игоревна')).toBe(true);
    expect(ruFeminine('Саша', 'Игоревич')).toBe(false);
    expect(ruFeminine('Варвара')).toBe(true);
    expect(ruFeminine('Никита')).toBe(false);
    expect(ruFeminine('Иван', null)).toBe(false);
  });
});
