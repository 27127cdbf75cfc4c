import { DateTime } from 'luxon';
import type { TItemPayload, TOutboxFact, TRecipient, TStoredPass } from './alert-types';
import { ZPassFactSchema } from './fact-schemas';

// Turnstile passes → arrivals and departures. An arrival is the day's first way in (school time):
// a parent wants to know the child got there, not every return from the canteen across the road.
// A departure waits ten minutes, because a pupil who steps out and comes back is not leaving.
// Both go out at once, past the coalescing window and quiet hours: they are news only now.

export const DEPARTURE_GRACE_MS = 10 * 60_000;

/** One arrival per pupil, school day and chat: its ref, which the store also looks up. */
export const arrivalRef = (studentId: string, day: string) => `arr:${studentId}:${day}`;
export const departureRef = (passId: string) => `dep:${passId}`;

export interface TPassOf {
  studentId: string;
  pass: TStoredPass;
  place: string | null;
}

/** The batch's passes, parsed; rows that do not parse are skipped as the other facts are. */
export function batchPasses(facts: readonly TOutboxFact[]): (TPassOf & { fact: TOutboxFact })[] {
  return facts.flatMap((fact) => {
    if (fact.kind !== 'pass.recorded' || !fact.studentId) return [];
    const p = ZPassFactSchema.safeParse(fact.payload);
    const at = p.success ? new Date(p.data.at) : null;
    if (!p.success || !at || Number.isNaN(at.getTime())) return [];
    const pass = { id: p.data.passId, at, direction: p.data.direction };
    return [{ fact, studentId: fact.studentId, pass, place: p.data.place ?? null }];
  });
}

/**
 * Unsent departures a batch's passes take back: any pass at X follows an out at T with
 * T < X ≤ T + 10 min — a way back in cancels it, and a second way out supersedes it (that one alerts).
 */
export function departuresToWithdraw(facts: readonly TOutboxFact[]): { studentId: string; from: Date; to: Date }[] {
  return batchPasses(facts).map(({ studentId, pass }) => ({
    studentId,
    from: new Date(pass.at.getTime() - DEPARTURE_GRACE_MS),
    to: pass.at,
  }));
}

/** The stored passes of each pupil with the batch's own passes added (they may be missing there). */
export function passesByStudent(
  facts: readonly TOutboxFact[],
  stored: Map<string, TStoredPass[]> | undefined,
): Map<string, TStoredPass[]> {
  const all = new Map<string, Map<string, TStoredPass>>();
  const add = (studentId: string, p: TStoredPass) => {
    const list = all.get(studentId) ?? new Map<string, TStoredPass>();
    if (!list.has(p.id)) list.set(p.id, { ...p, at: new Date(p.at) });
    all.set(studentId, list);
  };
  for (const [studentId, list] of stored ?? []) for (const p of list) add(studentId, p);
  for (const { studentId, pass } of batchPasses(facts)) add(studentId, pass);
  return new Map([...all].map(([id, m]) => [id, [...m.values()]]));
}

/** Earlier by time, ties broken by id: of two passes at the same second exactly one is first. */
const before = (a: TStoredPass, b: TStoredPass) =>
  a.at.getTime() < b.at.getTime() || (a.at.getTime() === b.at.getTime() && a.id < b.id);

const localDay = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toISODate()!;

/** No other way in earlier the same school day. */
export function isFirstIn(pass: TStoredPass, dayPasses: readonly TStoredPass[], zone: string): boolean {
  if (pass.direction !== 'in') return false;
  const day = localDay(pass.at, zone);
  return !dayPasses.some(
    (q) => q.id !== pass.id && q.direction === 'in' && before(q, pass) && localDay(q.at, zone) === day,
  );
}

/** Nothing passed within ten minutes after this way out: the pupil left. */
export function isDeparture(pass: TStoredPass, passes: readonly TStoredPass[]): boolean {
  if (pass.direction !== 'out') return false;
  const until = pass.at.getTime() + DEPARTURE_GRACE_MS;
  return !passes.some((q) => q.id !== pass.id && q.at.getTime() > pass.at.getTime() && q.at.getTime() <= until);
}

export interface TPresencePush {
  (
    fact: TOutboxFact,
    r: TRecipient,
    kind: 'pass.arrival' | 'pass.departure',
    refId: string,
    payload: TItemPayload,
    timing: { dueAt: Date; groupKey: string },
  ): void;
}

export function planPasses(
  facts: readonly TOutboxFact[],
  stored: Map<string, TStoredPass[]> | undefined,
  arrived: ReadonlySet<string>,
  recipientsOf: (studentId: string, type: 'arrival' | 'departure') => TRecipient[],
  push: TPresencePush,
): void {
  const passes = passesByStudent(facts, stored);
  for (const { fact, studentId, pass } of batchPasses(facts)) {
    const own = passes.get(studentId) ?? [];
    const type = pass.direction === 'in' ? 'arrival' : 'departure';
    for (const r of recipientsOf(studentId, type)) {
      const local = DateTime.fromJSDate(pass.at, { zone: r.timezone });
      const payload: TItemPayload = {
        studentName: r.studentName,
        feminine: r.studentFeminine,
        time: local.toFormat('HH:mm'),
        passAt: pass.at.toISOString(),
      };
      if (type === 'arrival') {
        const ref = arrivalRef(studentId, local.toISODate()!);
        if (arrived.has(`${ref}\u0000${r.chatId}`) || !isFirstIn(pass, own, r.timezone)) continue;
        // Its own group: an arrival is not folded into a grades message that happens to be due.
        push(fact, r, 'pass.arrival', ref, payload, { dueAt: fact.createdAt, groupKey: ref });
        continue;
      }
      if (!isDeparture(pass, own)) continue;
      // Due when the ten minutes are over; a pass the school sent late is due at once.
      const dueAt = new Date(Math.max(pass.at.getTime() + DEPARTURE_GRACE_MS, fact.createdAt.getTime()));
      const ref = departureRef(pass.id);
      push(fact, r, 'pass.departure', ref, payload, { dueAt, groupKey: ref });
    }
  }
}
