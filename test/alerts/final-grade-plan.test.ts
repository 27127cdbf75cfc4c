import type { TOutboxFact, TPlanningInput, TRecipient, TWithdrawnItem } from '../../core/alerts/alert-types';
import { composeMessage } from '../../core/alerts/compose-messages';
import { planAlerts, refsToWithdraw } from '../../core/alerts/plan-alerts';

// A term or year mark (final_grade.*) as the planner sees it: its own alert type, the rules of a
// grade's alert (a correction re-alerts, a removal tells nothing and takes back what is unsent),
// worded in both languages.

const TZ = 'Europe/Moscow';
let nextId = 0;

function recipient(
  type: TRecipient['subscription']['type'] = 'final-grades',
  over: Partial<TRecipient> = {},
): TRecipient {
  return {
    chatId: 'chat-mom',
    channel: 'telegram',
    chatActive: true,
    consentActive: true,
    personId: 'mom',
    studentId: 'st1',
    studentName: 'Маша',
    timezone: TZ,
    ...over,
    subscription: {
      type,
      enabled: true,
      mode: 'instant',
      digestTime: null,
      quietFrom: '21:00',
      quietTo: '08:00',
      thresholdKopecks: null,
    },
  };
}

function finalGrade(
  kind: string,
  id: string,
  extra: Record<string, unknown> = {},
  createdAt = '2026-12-25T12:00:00+03:00',
) {
  return {
    id: String(++nextId),
    kind,
    studentId: 'st1',
    classId: null,
    createdAt: new Date(createdAt),
    payload: {
      finalGradeId: id,
      subjectId: 'alg',
      periodId: 'q2',
      value: '5',
      periodKind: 'quarter',
      periodNumber: 2,
      ...extra,
    },
  } satisfies TOutboxFact;
}

function input(facts: TOutboxFact[], recipients: TRecipient[], withdrawn: TWithdrawnItem[] = []): TPlanningInput {
  const byStudent = new Map<string, TRecipient[]>();
  for (const r of recipients) byStudent.set(r.studentId, [...(byStudent.get(r.studentId) ?? []), r]);
  return {
    facts,
    recipients: byStudent,
    classStudents: new Map(),
    subjectNames: new Map([['alg', 'Алгебра']]),
    withdrawn,
  };
}

const line = (locale: string, items: ReturnType<typeof planAlerts>) =>
  composeMessage({
    chatId: 'chat-mom',
    locale,
    groupKey: items[0].groupKey,
    items: items.map((i, n) => ({ id: String(n), kind: i.kind, payload: i.payload, ingestedAt: i.ingestedAt })),
  }).text;

describe('final grade alerts: planning', () => {
  it('plans a fixed mark for a final-grades subscriber, with the coalescing window and quiet hours of a grade', () => {
    const items = planAlerts(input([finalGrade('final_grade.created', 'fg1')], [recipient()]));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'final-grades', kind: 'final_grade.created', refId: 'final:fg1' });
    expect(items[0].groupKey).toBe('i:st1');
    expect(items[0].dueAt.toISOString()).toBe('2026-12-25T09:02:00.000Z');
    expect(line('ru', items)).toBe('Маша: четвертная оценка по алгебре: 5 (2-я четверть)');
    expect(line('en', items)).toBe('Маша: term mark in Алгебра: 5 (quarter 2)');
    // Fixed at night: waits for the end of quiet hours, as a grade does.
    const night = planAlerts(
      input([finalGrade('final_grade.created', 'fg1', {}, '2026-12-25T23:30:00+03:00')], [recipient()]),
    );
    expect(night[0].dueAt.toISOString()).toBe('2026-12-26T05:00:00.000Z');
  });

  it('is not planned for a grades-only subscription, a switched-off one, another student, a voice chat or without consent', () => {
    const fact = finalGrade('final_grade.created', 'fg1');
    expect(planAlerts(input([fact], [recipient('grades')]))).toEqual([]);
    const off = recipient();
    off.subscription.enabled = false;
    expect(planAlerts(input([fact], [off]))).toEqual([]);
    expect(planAlerts(input([fact], [recipient('final-grades', { studentId: 'st2' })]))).toEqual([]);
    expect(planAlerts(input([fact], [recipient('final-grades', { channel: 'alice' })]))).toEqual([]);
    expect(planAlerts(input([fact], [recipient('final-grades', { consentActive: false })]))).toEqual([]);
  });

  it('words the year, the other kinds and marks that are not numbers', () => {
    const items = planAlerts(
      input(
        [
          finalGrade('final_grade.created', 'a', { periodKind: 'year', periodNumber: 1, value: 'н/а' }),
          finalGrade('final_grade.created', 'b', { periodKind: 'trimester', periodNumber: 3, value: 'осв.' }),
          finalGrade('final_grade.created', 'c', { periodKind: 'half', periodNumber: 1, value: 'зачёт' }),
        ],
        [recipient()],
      ),
    );
    expect(line('ru', items).split('\n').slice(1)).toEqual([
      '• годовая оценка по алгебре: нет аттестации',
      '• триместровая оценка по алгебре: освобождение (3-й триместр)',
      '• полугодовая оценка по алгебре: зачёт (1-е полугодие)',
    ]);
    expect(line('en', items).split('\n').slice(1)).toEqual([
      '• year mark in Алгебра: not assessed',
      '• term mark in Алгебра: exempt (trimester 3)',
      '• term mark in Алгебра: pass (half-year 1)',
    ]);
  });

  it('re-alerts a corrected mark with the new value, the old beside it', () => {
    const items = planAlerts(
      input([finalGrade('final_grade.changed', 'fg1', { value: '4', previousValue: '5' })], [recipient()]),
    );
    expect(items.map((i) => [i.kind, i.payload.value, i.payload.previousValue])).toEqual([
      ['final_grade.changed', '4', '5'],
    ]);
    expect(line('ru', items)).toBe('Маша: четвертная оценка по алгебре (2-я четверть) исправлена: 5 → 4');
    expect(line('en', items)).toBe('Маша: term mark in Алгебра (quarter 2) corrected: 5 → 4');
  });

  it('tells nothing of a removed mark, and takes back the unsent alert of it', () => {
    const deleted = finalGrade('final_grade.deleted', 'fg1');
    expect(planAlerts(input([deleted], [recipient()]))).toEqual([]);
    expect(refsToWithdraw([deleted, finalGrade('final_grade.created', 'fg2')])).toEqual(['final:fg1']);
    // Fixed and removed in one batch: nothing is planned.
    expect(planAlerts(input([finalGrade('final_grade.created', 'fg1'), deleted], [recipient()]))).toEqual([]);
    // Fixed in an earlier batch, withdrawn unsent from the store: nothing either.
    const withdrawn: TWithdrawnItem[] = [{ chatId: 'chat-mom', refId: 'final:fg1', kind: 'final_grade.created' }];
    expect(planAlerts(input([deleted], [recipient()], withdrawn))).toEqual([]);
  });

  it('sends a correction of a mark not sent yet as the mark itself, with the new value', () => {
    const withdrawn: TWithdrawnItem[] = [{ chatId: 'chat-mom', refId: 'final:fg1', kind: 'final_grade.created' }];
    const items = planAlerts(
      input([finalGrade('final_grade.changed', 'fg1', { value: '4', previousValue: '5' })], [recipient()], withdrawn),
    );
    expect(items.map((i) => [i.kind, i.payload.value, i.payload.previousValue])).toEqual([
      ['final_grade.created', '4', undefined],
    ]);
  });

  it('keeps a final grade apart from a grade of the same id', () => {
    const gradeChange = {
      id: String(++nextId),
      kind: 'grade.changed',
      studentId: 'st1',
      classId: null,
      createdAt: new Date('2026-12-25T12:00:00+03:00'),
      payload: { gradeId: 'x1', subjectId: 'alg', date: '2026-12-20', value: '4' },
    };
    expect(refsToWithdraw([gradeChange, finalGrade('final_grade.deleted', 'x1')]).sort()).toEqual(['final:x1', 'x1']);
    expect(
      planAlerts(
        input([finalGrade('final_grade.changed', 'x1', { value: 'abc' }), finalGrade('bogus', 'x1')], [recipient()]),
      ),
    ).toHaveLength(1);
    expect(planAlerts(input([finalGrade('final_grade.created', 'x1', { value: 5 })], [recipient()]))).toEqual([]);
  });
});
