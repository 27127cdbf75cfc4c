import { afterQuietHours, nextDigest } from '../../core/alerts/alert-timing';
import type { TOutboxFact, TPlanningInput, TRecipient, TWithdrawnItem } from '../../core/alerts/alert-types';
import { composeMessage } from '../../core/alerts/compose-messages';
import { ruDative } from '../../core/alerts/locales/ru-dative';
import { planAlerts } from '../../core/alerts/plan-alerts';

const TZ = 'Europe/Moscow';
const at = (iso: string) => new Date(iso);
let nextId = 0;

function recipient(over: Partial<TRecipient> & { sub?: Partial<TRecipient['subscription']> } = {}): TRecipient {
  const { sub, ...rest } = over;
  return {
    chatId: 'chat-mom',
    channel: 'telegram',
    chatActive: true,
    consentActive: true,
    personId: 'mom',
    studentId: 'st1',
    studentName: 'Маша',
    timezone: TZ,
    ...rest,
    subscription: {
      type: 'grades',
      enabled: true,
      mode: 'instant',
      digestTime: null,
      quietFrom: '21:00',
      quietTo: '08:00',
      thresholdKopecks: null,
      ...sub,
    },
  };
}

function grade(kind: string, gradeId: string, createdAt: string, extra: Record<string, unknown> = {}): TOutboxFact {
  return {
    id: String(++nextId),
    kind,
    studentId: 'st1',
    classId: null,
    createdAt: at(createdAt),
    payload: {
      gradeId,
      subjectId: 'math',
      date: '2026-12-01',
      value: '5',
      weight: 2,
      workType: 'Контрольная',
      comment: null,
      lessonId: null,
      occurredAt: createdAt,
      ...extra,
    },
  };
}

function input(facts: TOutboxFact[], recipients: TRecipient[], withdrawn: TWithdrawnItem[] = []): TPlanningInput {
  const byStudent = new Map<string, TRecipient[]>();
  for (const r of recipients) byStudent.set(r.studentId, [...(byStudent.get(r.studentId) ?? []), r]);
  return {
    facts,
    recipients: byStudent,
    classStudents: new Map([['5a', ['st1']]]),
    subjectNames: new Map([['math', 'Математика']]),
    withdrawn,
  };
}

describe('alert planner', () => {
  it('plans a new grade for a subscribed guardian, due after the coalescing window, and renders it', () => {
    const items = planAlerts(input([grade('grade.created', 'g1', '2026-12-01T12:00:00+03:00')], [recipient()]));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ chatId: 'chat-mom', kind: 'grade.created', refId: 'g1', groupKey: 'i:st1' });
    expect(items[0].dueAt.toISOString()).toBe('2026-12-01T09:02:00.000Z');
    const message = composeMessage({
      chatId: 'chat-mom',
      locale: 'ru',
      groupKey: 'i:st1',
      items: [{ id: '1', kind: items[0].kind, payload: items[0].payload, ingestedAt: items[0].ingestedAt }],
    });
    expect(message.text).toBe('Маша: 5 по математике (контрольная, вес 2)');
  });

  it('gives nothing to unsubscribed, other-type, withdrawn-consent, inactive and voice-only recipients', () => {
    const nobody = [
      recipient({ chatId: 'a', sub: { enabled: false } }),
      recipient({ chatId: 'b', sub: { type: 'homework' } }),
      recipient({ chatId: 'c', consentActive: false }),
      recipient({ chatId: 'd', chatActive: false }),
      recipient({ chatId: 'e', channel: 'alice' }),
    ];
    const items = planAlerts(
      input(
        [grade('grade.created', 'g1', '2026-12-01T12:00:00+03:00')],
        [...nobody, recipient({ chatId: 'dad', personId: 'dad' })],
      ),
    );
    expect(items.map((i) => i.chatId)).toEqual(['dad']);
  });

  it('reaches the student too when the student subscribed', () => {
    const items = planAlerts(
      input(
        [grade('grade.created', 'g1', '2026-12-01T12:00:00+03:00')],
        [recipient(), recipient({ chatId: 'chat-masha', personId: 'masha' })],
      ),
    );
    expect(items.map((i) => i.chatId).sort()).toEqual(['chat-masha', 'chat-mom']);
  });

  describe('quiet hours in Moscow (21:00–08:00, across midnight)', () => {
    it.each([
      ['2026-12-01T22:30:00+03:00', '2026-12-02T05:00:00.000Z'],
      ['2026-12-02T02:00:00+03:00', '2026-12-02T05:00:00.000Z'],
      ['2026-12-01T20:59:00+03:00', '2026-12-02T05:00:00.000Z'],
      ['2026-12-01T07:59:00+03:00', '2026-12-01T05:01:00.000Z'],
      ['2026-12-01T12:00:00+03:00', '2026-12-01T09:02:00.000Z'],
    ])('a grade at %s goes out at %s (delayed, never dropped)', (created, due) => {
      const items = planAlerts(input([grade('grade.created', 'g1', created)], [recipient()]));
      expect(items).toHaveLength(1);
      expect(items[0].dueAt.toISOString()).toBe(due);
    });

    it('handles quiet hours within one day and none at all', () => {
      expect(afterQuietHours(at('2026-12-01T13:30:00+03:00'), '13:00', '14:00', TZ).toISOString()).toBe(
        '2026-12-01T11:00:00.000Z',
      );
      expect(afterQuietHours(at('2026-12-01T23:30:00+03:00'), '00:00', '00:00', TZ).toISOString()).toBe(
        '2026-12-01T20:30:00.000Z',
      );
    });
  });

  it('puts digest items at the next digest time, one group per day', () => {
    const digest = recipient({ sub: { mode: 'digest', digestTime: '19:00' } });
    const [morning] = planAlerts(input([grade('grade.created', 'g1', '2026-12-01T10:00:00+03:00')], [digest]));
    expect(morning.dueAt.toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(morning.groupKey).toBe('d:2026-12-01');
    const [evening] = planAlerts(input([grade('grade.created', 'g2', '2026-12-01T19:30:00+03:00')], [digest]));
    expect(evening.dueAt.toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(evening.groupKey).toBe('d:2026-12-02');
    expect(nextDigest(at('2026-12-01T10:00:00+03:00'), null, TZ).dueAt.toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });

  it('coalesces instant alerts of one student within the window into one short list', () => {
    const facts = [
      grade('grade.created', 'g1', '2026-12-01T12:00:00+03:00'),
      grade('grade.created', 'g2', '2026-12-01T12:01:00+03:00', { value: '4', weight: 1, workType: null }),
      grade('grade.created', 'g3', '2026-12-01T12:01:30+03:00', { value: '3', weight: 1, workType: 'Ответ на уроке' }),
    ];
    const items = planAlerts(input(facts, [recipient()]));
    expect(new Set(items.map((i) => i.groupKey))).toEqual(new Set(['i:st1']));
    const message = composeMessage({
      chatId: 'chat-mom',
      locale: 'ru',
      groupKey: 'i:st1',
      items: items.map((i, n) => ({ id: String(n), kind: i.kind, payload: i.payload, ingestedAt: i.ingestedAt })),
    });
    expect(message.itemIds).toHaveLength(3);
    expect(message.text).toBe(
      'Маша: новое в дневнике (3)\n• 5 по математике (контрольная, вес 2)\n• 4 по математике\n• 3 по математике (ответ на уроке)',
    );
  });

  it('alerts a balance below the threshold once per crossing, not per purchase', () => {
    const r = recipient({ sub: { type: 'balance', thresholdKopecks: 10_000 } });
    const tx = (amount: number, balance: number): TOutboxFact => ({
      id: String(++nextId),
      kind: 'canteen.transaction',
      studentId: 'st1',
      classId: null,
      createdAt: at('2026-12-01T12:00:00+03:00'),
      payload: {
        transactionId: `t${nextId}`,
        studentId: 'st1',
        amountKopecks: amount,
        balanceKopecks: balance,
        at: '2026-12-01T12:00:00+03:00',
      },
    });
    const facts = [tx(-5_000, 10_000), tx(-2_000, 8_000), tx(-1_000, 7_000), tx(10_000, 17_000), tx(-9_000, 8_000)];
    const items = planAlerts(input(facts, [r]));
    expect(items.map((i) => i.payload.balanceKopecks)).toEqual([8_000, 8_000]);
    expect(items[0].outboxId).toBe(facts[1].id);
    expect(items[1].outboxId).toBe(facts[4].id);
  });

  describe('a grade created and removed before sending', () => {
    it('is not sent when both facts are in one batch', () => {
      const items = planAlerts(
        input(
          [
            grade('grade.created', 'g1', '2026-12-01T12:00:00+03:00'),
            grade('grade.deleted', 'g1', '2026-12-01T12:00:30+03:00'),
          ],
          [recipient()],
        ),
      );
      expect(items).toEqual([]);
    });

    it('is not sent when the unsent creation was withdrawn from the store', () => {
      const withdrawn: TWithdrawnItem[] = [{ chatId: 'chat-mom', refId: 'g1', kind: 'grade.created' }];
      expect(
        planAlerts(input([grade('grade.deleted', 'g1', '2026-12-01T12:00:30+03:00')], [recipient()], withdrawn)),
      ).toEqual([]);
    });

    it('but a removal of a grade already sent is news', () => {
      const items = planAlerts(input([grade('grade.deleted', 'g1', '2026-12-01T12:00:30+03:00')], [recipient()]));
      expect(items.map((i) => i.kind)).toEqual(['grade.deleted']);
    });

    it('and a change of an unsent grade is sent as the new grade', () => {
      const withdrawn: TWithdrawnItem[] = [{ chatId: 'chat-mom', refId: 'g1', kind: 'grade.created' }];
      const items = planAlerts(
        input(
          [grade('grade.changed', 'g1', '2026-12-01T12:00:30+03:00', { value: '4', previousValue: '5' })],
          [recipient()],
          withdrawn,
        ),
      );
      expect(items.map((i) => [i.kind, i.payload.value])).toEqual([['grade.created', '4']]);
    });
  });

  it('alerts homework due tomorrow (school time), not homework for later', () => {
    const r = recipient({ sub: { type: 'homework' } });
    const hw = (dueDate: string): TOutboxFact => ({
      id: String(++nextId),
      kind: 'homework.changed',
      studentId: null,
      classId: '5a',
      createdAt: at('2026-12-01T22:30:00Z'), // 01:30 on 2 Dec in Moscow
      payload: {
        homeworkId: `h${nextId}`,
        subjectId: 'math',
        dueDate,
        isNew: true,
        occurredAt: '2026-12-01T22:30:00Z',
      },
    });
    const items = planAlerts(input([hw('2026-12-03'), hw('2026-12-02'), hw('2026-12-05')], [r]));
    expect(items.map((i) => i.payload.dueDate)).toEqual(['2026-12-03']);
  });

  it('renders English for an English chat and a lesson cancellation', () => {
    const r = recipient({ sub: { type: 'schedule' } });
    const fact: TOutboxFact = {
      id: 'x',
      kind: 'lesson.cancelled',
      studentId: null,
      classId: '5a',
      createdAt: at('2026-12-01T12:00:00+03:00'),
      payload: {
        lessonId: 'l1',
        subjectId: 'math',
        date: '2026-12-02',
        start: '08:30',
        previousDate: '2026-12-02',
        previousStart: '08:30',
      },
    };
    const [item] = planAlerts(input([fact], [r]));
    const message = composeMessage({
      chatId: 'c',
      locale: 'en',
      groupKey: item.groupKey,
      items: [{ id: '1', kind: item.kind, payload: item.payload, ingestedAt: item.ingestedAt }],
    });
    expect(message.text).toBe('Маша: Математика lesson on 2026-12-02 at 08:30 cancelled');
  });

  it('puts Russian subject names in the dative after "по"', () => {
    expect(
      ['Математика', 'Русский язык', 'История', 'Физическая культура', 'Окружающий мир', 'ИЗО'].map(ruDative),
    ).toEqual(['математике', 'русскому языку', 'истории', 'физической культуре', 'окружающему миру', 'ИЗО']);
  });
});
