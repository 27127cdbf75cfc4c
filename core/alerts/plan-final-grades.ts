import { z } from 'zod';
import type { TItemKind, TItemPayload, TOutboxFact, TRecipient } from './alert-types';
import { ZFinalGradeFactSchema } from './fact-schemas';

// A final grade's facts → items, by the rules of a grade's: a mark fixed tells its value, a mark
// corrected tells the new one (the old beside it), a mark removed tells nothing — it only takes
// back an unsent item about it, so a mark fixed and removed before sending is never sent.

/** What the planning store adds to a final grade's fact: its period as a parent names it. */
const ZPlannedFinalGradeSchema = ZFinalGradeFactSchema.extend({
  periodKind: z.string().optional(),
  periodNumber: z.number().int().optional(),
});

/** An item's ref for a final grade: prefixed, as grade ids and final grade ids may coincide. */
export const finalGradeRef = (finalGradeId: string) => `final:${finalGradeId}`;

/** The final grade ref a fact supersedes unsent items of, if it is a change or removal. */
export function finalGradeRefToWithdraw(fact: TOutboxFact): string | null {
  if (fact.kind !== 'final_grade.changed' && fact.kind !== 'final_grade.deleted') return null;
  const parsed = ZFinalGradeFactSchema.safeParse(fact.payload);
  return parsed.success ? finalGradeRef(parsed.data.finalGradeId) : null;
}

export type TPending = Map<string, { index: number | null; kind: TItemKind }>;
type TPush = (fact: TOutboxFact, r: TRecipient, kind: TItemKind, refId: string | null, payload: TItemPayload) => number;

export function planFinalGrade(
  fact: TOutboxFact,
  r: TRecipient,
  subjectName: (id: string) => string,
  pending: TPending,
  drop: (index: number) => void,
  push: TPush,
): void {
  const f = ZPlannedFinalGradeSchema.safeParse(fact.payload);
  if (!f.success) return;
  const ref = finalGradeRef(f.data.finalGradeId);
  const key = `${ref}\u0000${r.chatId}`;
  const before = pending.get(key);
  if (before?.index != null) drop(before.index);
  if (fact.kind === 'final_grade.deleted') {
    pending.delete(key);
    return;
  }
  // A correction of a mark the parent has not heard of yet is still news of a new mark.
  const kind: TItemKind =
    fact.kind === 'final_grade.created' || before?.kind === 'final_grade.created'
      ? 'final_grade.created'
      : 'final_grade.changed';
  const payload: TItemPayload = {
    studentName: r.studentName,
    subjectName: subjectName(f.data.subjectId),
    value: f.data.value,
    periodKind: f.data.periodKind,
    periodNumber: f.data.periodNumber,
    ...(kind === 'final_grade.changed' && f.data.previousValue ? { previousValue: f.data.previousValue } : {}),
  };
  pending.set(key, { index: push(fact, r, kind, ref, payload), kind });
}
