import { scheduleItem, tomorrowIn } from './alert-timing';
import type {
  TAlertType,
  TItemKind,
  TItemPayload,
  TOutboxFact,
  TPlannedItem,
  TPlanningInput,
  TRecipient,
} from './alert-types';
import { ZCanteenFactSchema, ZGradeFactSchema, ZHomeworkFactSchema, ZLessonFactSchema } from './fact-schemas';
import { absenceRefToWithdraw, planAbsences } from './plan-absence';
import { planAverageWarnings } from './plan-average';
import { planSchoolNews, planTest } from './plan-coming';
import { finalGradeRefToWithdraw, planFinalGrade, type TPending } from './plan-final-grades';
import { planPasses } from './plan-presence';

// Outbox facts → one item per (fact, chat) for every recipient who asked for it. Pure: the store
// loads recipients and withdraws superseded unsent items first, then writes what comes back.

export const DEFAULT_WINDOW_MS = 2 * 60_000;

/** Channels the delivery workers can push to; other chats (voice, playground) get no alerts. */
export const PUSH_CHANNELS = new Set(['telegram', 'vk', 'max']);

const TYPE_OF_KIND: Record<string, TAlertType> = {
  'grade.created': 'grades',
  'grade.changed': 'grades',
  'grade.deleted': 'grades',
  'homework.changed': 'homework',
  'lesson.cancelled': 'schedule',
  'lesson.moved': 'schedule',
  'canteen.transaction': 'balance',
  'final_grade.created': 'final-grades',
  'final_grade.changed': 'final-grades',
  'final_grade.deleted': 'final-grades',
  'lesson.test-scheduled': 'tests',
  'school_event.changed': 'school-news',
  'announcement.published': 'school-news',
};

export interface PlanOptions {
  windowMs?: number;
}

export function alertTypeOf(kind: string): TAlertType | undefined {
  return TYPE_OF_KIND[kind];
}

/** A chat that gets alerts of this type about the pupil: consenting, active, switched on, a push channel. */
export function wantsAlert(r: TRecipient, type: TAlertType): boolean {
  return (
    r.consentActive &&
    r.chatActive &&
    r.subscription.enabled &&
    r.subscription.type === type &&
    PUSH_CHANNELS.has(r.channel)
  );
}

/** Grade (and final grade) refs whose unsent items the store must withdraw before planning `facts`. */
export function refsToWithdraw(facts: TOutboxFact[]): string[] {
  const refs = new Set<string>();
  for (const f of facts) {
    const finalRef = finalGradeRefToWithdraw(f) ?? absenceRefToWithdraw(f);
    if (finalRef) refs.add(finalRef);
    if (f.kind !== 'grade.changed' && f.kind !== 'grade.deleted') continue;
    const parsed = ZGradeFactSchema.safeParse(f.payload);
    if (parsed.success) refs.add(parsed.data.gradeId);
  }
  return [...refs];
}

export function planAlerts(input: TPlanningInput, options: PlanOptions = {}): TPlannedItem[] {
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const items: (TPlannedItem | null)[] = [];
  // (grade, chat) → the unsent item that announces the grade, in this batch or withdrawn from the store.
  const pending: TPending = new Map();
  for (const w of input.withdrawn) {
    const key = `${w.refId}\u0000${w.chatId}`;
    // A withdrawn "created" wins over a withdrawn "changed": the parent never heard of the grade.
    const created = w.kind === 'grade.created' || w.kind === 'final_grade.created';
    if (!pending.has(key) || created) pending.set(key, { index: null, kind: w.kind });
  }

  const push = (
    fact: TOutboxFact,
    r: TRecipient,
    kind: TItemKind,
    refId: string | null,
    payload: TItemPayload,
    timing?: { dueAt: Date; groupKey: string },
  ) => {
    const { dueAt, groupKey } =
      timing ?? scheduleItem(fact.createdAt, r.studentId, r.subscription, r.timezone, windowMs);
    items.push({
      outboxId: fact.id,
      chatId: r.chatId,
      studentId: r.studentId,
      type: r.subscription.type,
      kind,
      refId,
      groupKey,
      payload,
      ingestedAt: fact.createdAt,
      dueAt,
    });
    return items.length - 1;
  };

  // School news reaches a chat once, whichever of the person's children it came through.
  const told = new Set<string>();
  for (const fact of input.facts) {
    const type = alertTypeOf(fact.kind);
    if (!type) continue;
    const students = fact.studentId
      ? [fact.studentId]
      : type === 'school-news'
        ? (input.newsStudents?.get(fact.id) ?? [])
        : (input.classStudents.get(fact.classId ?? '') ?? []);
    for (const studentId of students) {
      for (const r of input.recipients.get(studentId) ?? []) {
        if (!wantsAlert(r, type)) continue;
        if (type === 'tests')
          planTest(
            fact,
            r,
            (id) => input.subjectNames.get(id) ?? id,
            windowMs,
            (f, rr, kind, ref, payload, timing) => push(f, rr, kind, ref, payload, timing),
          );
        else if (type === 'school-news')
          planSchoolNews(fact, r, told, windowMs, (f, rr, kind, ref, payload, timing) =>
            push(f, rr, kind, ref, payload, timing),
          );
        else planOne(fact, r, input.subjectNames, pending, items, push);
      }
    }
  }
  planAbsences(
    input.facts,
    input.lessonDays,
    (studentId) => (input.recipients.get(studentId) ?? []).filter((r) => wantsAlert(r, 'absence')),
    (id) => input.subjectNames.get(id) ?? id,
    windowMs,
    (fact, r, refId, payload, timing) => push(fact, r, 'attendance.absence', refId, payload, timing),
    (index) => (items[index] = null),
  );
  planPasses(
    input.facts,
    input.passes,
    input.arrived ?? new Set(),
    (studentId, type) => (input.recipients.get(studentId) ?? []).filter((r) => wantsAlert(r, type)),
    (fact, r, kind, refId, payload, timing) => push(fact, r, kind, refId, payload, timing),
  );
  planAverageWarnings(
    input.averages ?? [],
    (studentId) => (input.recipients.get(studentId) ?? []).filter((r) => wantsAlert(r, 'grade-average')),
    (id) => input.subjectNames.get(id) ?? id,
    (fact, r, refId, payload) => push(fact, r, 'grade.average-low', refId, payload),
  );
  return items.filter((i): i is TPlannedItem => i !== null);
}

type TPush = (fact: TOutboxFact, r: TRecipient, kind: TItemKind, refId: string | null, payload: TItemPayload) => number;

function planOne(
  fact: TOutboxFact,
  r: TRecipient,
  subjects: Map<string, string>,
  pending: TPending,
  items: (TPlannedItem | null)[],
  push: TPush,
) {
  const base = { studentName: r.studentName };
  const subjectName = (id: string) => subjects.get(id) ?? id;
  switch (fact.kind) {
    case 'final_grade.created':
    case 'final_grade.changed':
    case 'final_grade.deleted':
      planFinalGrade(fact, r, subjectName, pending, (index) => (items[index] = null), push);
      return;
    case 'grade.created':
    case 'grade.changed':
    case 'grade.deleted': {
      const g = ZGradeFactSchema.safeParse(fact.payload);
      if (!g.success) return;
      const key = `${g.data.gradeId}\u0000${r.chatId}`;
      const before = pending.get(key);
      if (before?.index != null) items[before.index] = null;
      const payload: TItemPayload = {
        ...base,
        subjectName: subjectName(g.data.subjectId),
        value: g.data.value,
        weight: g.data.weight ?? 1,
        workType: g.data.workType ?? null,
        date: g.data.date,
      };
      if (fact.kind === 'grade.deleted') {
        pending.delete(key);
        // Created and removed before anyone was told: there is nothing to tell.
        if (before?.kind === 'grade.created') return;
        push(fact, r, 'grade.deleted', g.data.gradeId, payload);
        return;
      }
      // A change of a grade the parent has not heard of yet is still news of a new grade.
      const kind: TItemKind =
        fact.kind === 'grade.created' || before?.kind === 'grade.created' ? 'grade.created' : 'grade.changed';
      const withPrevious = kind === 'grade.changed' ? { ...payload, previousValue: g.data.previousValue } : payload;
      pending.set(key, { index: push(fact, r, kind, g.data.gradeId, withPrevious), kind });
      return;
    }
    case 'homework.changed': {
      const h = ZHomeworkFactSchema.safeParse(fact.payload);
      if (!h.success || h.data.dueDate !== tomorrowIn(fact.createdAt, r.timezone)) return;
      push(fact, r, 'homework.changed', null, {
        ...base,
        subjectName: subjectName(h.data.subjectId),
        dueDate: h.data.dueDate,
        isNew: h.data.isNew,
      });
      return;
    }
    case 'lesson.cancelled':
    case 'lesson.moved': {
      const l = ZLessonFactSchema.safeParse(fact.payload);
      if (!l.success) return;
      const payload = {
        ...base,
        subjectName: subjectName(l.data.subjectId),
        date: l.data.date,
        start: l.data.start,
        previousDate: l.data.previousDate,
        previousStart: l.data.previousStart,
      };
      push(fact, r, fact.kind, null, payload);
      return;
    }
    case 'canteen.transaction': {
      const c = ZCanteenFactSchema.safeParse(fact.payload);
      const threshold = r.subscription.thresholdKopecks;
      if (!c.success || threshold == null) return;
      // Alert on the crossing only: the purchase that took the balance below the threshold.
      const before = c.data.balanceKopecks - c.data.amountKopecks;
      if (c.data.balanceKopecks < threshold && before >= threshold) {
        push(fact, r, 'canteen.low', null, {
          ...base,
          balanceKopecks: c.data.balanceKopecks,
          thresholdKopecks: threshold,
        });
      }
      return;
    }
  }
}
