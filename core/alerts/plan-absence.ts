import { DateTime } from 'luxon';
import { afterQuietHours, scheduleItem } from './alert-timing';
import type { TItemPayload, TLessonDay, TOutboxFact, TRecipient } from './alert-types';
import { ZAttendanceFactSchema } from './fact-schemas';

// Lessons missed or come late to → one summary per pupil and day, half an hour after the class's
// last lesson: by then the teachers have marked the day, and a parent reads it once, not a message
// per lesson. For absences the subscription's `digest` mode means exactly this "after lessons" (it
// is the type's default); `instant` sends each mark within the usual coalescing window. A mark
// corrected to present before its alert went out takes the alert back (the ref is per lesson).

export const AFTER_LESSONS_MS = 30 * 60_000;

/** One lesson of one pupil: lesson ids are the school's, shared by the whole class. */
export const absenceRef = (lessonId: string, studentId: string) => `att:${lessonId}:${studentId}`;

/** The key the planning store files a mark's school day under. */
export const lessonDayKey = (studentId: string, lessonId: string) => `${studentId}\u0000${lessonId}`;

/** Every mark change takes back the unsent alert of its lesson; what is still news is planned again. */
export function absenceRefToWithdraw(fact: TOutboxFact): string | null {
  if (fact.kind !== 'attendance.changed' || !fact.studentId) return null;
  const a = ZAttendanceFactSchema.safeParse(fact.payload);
  return a.success ? absenceRef(a.data.lessonId, fact.studentId) : null;
}

type TPushAbsence = (
  fact: TOutboxFact,
  r: TRecipient,
  refId: string,
  payload: TItemPayload,
  timing: { dueAt: Date; groupKey: string },
) => number;

/** When the summary of a pupil's day goes out: after the day's last lesson, never inside quiet hours. */
export function afterLessonsDue(
  date: string,
  lastEnd: string,
  ingestedAt: Date,
  r: TRecipient,
  windowMs: number,
): Date {
  const [hour, minute] = lastEnd.split(':').map(Number);
  const end = DateTime.fromISO(date, { zone: r.timezone }).set({ hour, minute, second: 0, millisecond: 0 });
  let due = end.toJSDate().getTime() + AFTER_LESSONS_MS;
  // A mark made after the summary's time goes out within the usual window, with any others as late.
  if (due <= ingestedAt.getTime()) due = ingestedAt.getTime() + windowMs;
  const s = r.subscription;
  return afterQuietHours(new Date(due), s.quietFrom, s.quietTo, r.timezone);
}

export function planAbsence(
  fact: TOutboxFact,
  r: TRecipient,
  day: TLessonDay | undefined,
  subjectName: (id: string) => string,
  windowMs: number,
  push: TPushAbsence,
): void {
  const a = ZAttendanceFactSchema.safeParse(fact.payload);
  if (!a.success || a.data.status === 'present') return;
  const ref = absenceRef(a.data.lessonId, r.studentId);
  const payload: TItemPayload = {
    studentName: r.studentName,
    feminine: r.studentFeminine,
    subjectName: subjectName(a.data.subjectId),
    status: a.data.status,
    date: a.data.date,
    start: a.data.start,
    ...(day?.lessonNumber ? { lessonNumber: day.lessonNumber } : {}),
  };
  if (r.subscription.mode === 'instant') {
    push(fact, r, ref, payload, scheduleItem(fact.createdAt, r.studentId, r.subscription, r.timezone, windowMs));
    return;
  }
  const dueAt = afterLessonsDue(a.data.date, day?.lastEnd ?? a.data.end, fact.createdAt, r, windowMs);
  const sameDay = DateTime.fromJSDate(dueAt, { zone: r.timezone }).toISODate() === a.data.date;
  push(fact, r, ref, { ...payload, sameDay }, { dueAt, groupKey: `a:${r.studentId}:${a.data.date}` });
}

/**
 * The batch's marks, in order. A later mark of the same lesson supersedes the earlier one's item
 * (`drop`), as the store does for unsent items of earlier batches: the last mark is what is told.
 */
export function planAbsences(
  facts: readonly TOutboxFact[],
  lessonDays: Map<string, TLessonDay> | undefined,
  recipientsOf: (studentId: string) => TRecipient[],
  subjectName: (id: string) => string,
  windowMs: number,
  push: TPushAbsence,
  drop: (index: number) => void,
): void {
  // (lesson, chat) → this batch's item about its mark.
  const marks = new Map<string, number>();
  for (const fact of facts) {
    if (fact.kind !== 'attendance.changed' || !fact.studentId) continue;
    const lessonId = (fact.payload as { lessonId?: unknown } | null)?.lessonId;
    if (typeof lessonId !== 'string') continue;
    for (const r of recipientsOf(fact.studentId)) {
      const key = `${absenceRef(lessonId, r.studentId)}\u0000${r.chatId}`;
      const before = marks.get(key);
      if (before !== undefined) drop(before);
      marks.delete(key);
      const day = lessonDays?.get(lessonDayKey(r.studentId, lessonId));
      planAbsence(fact, r, day, subjectName, windowMs, (...args) => {
        const index = push(...args);
        marks.set(key, index);
        return index;
      });
    }
  }
}
