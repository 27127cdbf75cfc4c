import type { TJournalEvent } from './event-schemas';
import type { TStoredFinalGrade, TStoredPeriod } from './ingest-types';
import { slotKey } from './plan-terms';
import type { TEventError } from './validate-batch';

// Rules that need the stored rows as well as the batch (README "Journal ingestion API"):
// - periods of one kind never overlap within a school: a day is in one quarter, or none;
// - a student has one final grade per subject and period: "the mark for the 2nd quarter".
// They are judged on the state the batch leaves behind, so a batch may move two adjacent
// quarters' boundary in either order, or replace a final grade by deleting it first. Only the
// events that apply count (`applies[i]`): a repeated event changes nothing, so it cannot break a rule.
// Indices are positions in `events`; `shown` turns a stored id back into the writer's.

type TPlaced = TStoredPeriod & { index: number | null };

export function periodOverlaps(
  events: readonly TJournalEvent[],
  applies: readonly boolean[],
  stored: readonly TStoredPeriod[],
  shown: (id: string) => string,
): TEventError[] {
  const periods = new Map<string, TPlaced>(stored.map((p) => [p.id, { ...p, index: null }]));
  events.forEach((e, index) => {
    if (!applies[index]) return;
    if (e.type === 'period.upserted') periods.set(e.data.periodId, { ...e.data, id: e.data.periodId, index });
    else if (e.type === 'period.deleted') periods.delete(e.data.periodId);
  });
  const groups = new Map<string, TPlaced[]>();
  for (const p of periods.values()) {
    const key = `${p.schoolId}\u0000${p.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const errors = new Map<number, string[]>();
  for (const group of groups.values()) {
    group.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length && group[j].start <= group[i].end; j++) {
        const [a, b] = [group[i], group[j]];
        // Stored periods never overlap each other: one of the two is the batch's, and its event is told.
        const index = Math.max(a.index ?? -1, b.index ?? -1);
        if (index < 0) continue;
        const [mine, other] = index === b.index ? [b, a] : [a, b];
        const message = `data.start: ${mine.kind} "${shown(mine.id)}" (${mine.start}–${mine.end}) overlaps ${other.kind} "${shown(other.id)}" (${other.start}–${other.end})`;
        errors.set(index, [...(errors.get(index) ?? []), message]);
      }
    }
  }
  return [...errors].map(([index, messages]) => ({ index, id: events[index].id, message: messages.join('; ') }));
}

export function finalGradeConflicts(
  events: readonly TJournalEvent[],
  applies: readonly boolean[],
  stored: ReadonlyMap<string, TStoredFinalGrade>,
  shown: (id: string) => string,
): TEventError[] {
  const holder = new Map<string, string>();
  const slotOf = new Map<string, string>();
  for (const g of stored.values()) {
    if (g.deleted) continue;
    holder.set(slotKey(g), g.id);
    slotOf.set(g.id, slotKey(g));
  }
  const release = (id: string) => {
    const slot = slotOf.get(id);
    if (slot !== undefined && holder.get(slot) === id) holder.delete(slot);
    slotOf.delete(id);
  };
  const errors: TEventError[] = [];
  events.forEach((e, index) => {
    if (!applies[index]) return;
    if (e.type === 'final_grade.deleted') release(e.data.finalGradeId);
    if (e.type !== 'final_grade.upserted') return;
    const d = e.data;
    const slot = slotKey(d);
    const other = holder.get(slot);
    if (other !== undefined && other !== d.finalGradeId) {
      errors.push({
        index,
        id: e.id,
        message: `data.finalGradeId: student "${shown(d.studentId)}" already has final grade "${shown(other)}" in subject "${shown(d.subjectId)}" for period "${shown(d.periodId)}"; change that one, or delete it first`,
      });
      return;
    }
    release(d.finalGradeId);
    holder.set(slot, d.finalGradeId);
    slotOf.set(d.finalGradeId, slot);
  });
  return errors;
}
