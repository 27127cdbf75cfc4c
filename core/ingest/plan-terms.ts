import type { TEventData, TJournalEvent } from './event-schemas';
import type { TOutboxRow, TStoredFinalGrade } from './ingest-types';
import { deletableRows } from './plan-rows';

// The term-results part of a batch's plan: periods and the final grades fixed for them. Pure,
// like plan-batch.ts, which hands these events over.

export type TPeriodRow = TEventData<'period.upserted'> & { deleted: boolean };

/** A student's subject in a period: it holds one final grade. */
export type TFinalGradeSlot = Pick<TStoredFinalGrade, 'studentId' | 'subjectId' | 'periodId'>;

export const slotKey = (s: TFinalGradeSlot) => `${s.studentId}\u0000${s.subjectId}\u0000${s.periodId}`;

export type TTermEvent = Extract<
  TJournalEvent,
  { type: 'period.upserted' | 'period.deleted' | 'final_grade.upserted' | 'final_grade.deleted' }
>;

export function createTermPlanner(stored: ReadonlyMap<string, TStoredFinalGrade>) {
  // A period raises no fact, so its stored state is not needed: a deletion that meets no row of
  // the batch is written as an update of the stored one.
  const periods = deletableRows<TEventData<'period.upserted'>, { deleted: boolean }>(new Map());
  const finalGrades = new Map(stored);
  const touched = new Set<string>();

  return {
    apply(event: TTermEvent, outbox: TOutboxRow[]) {
      switch (event.type) {
        case 'period.upserted':
          periods.upsert(event.data.periodId, event.data, { deleted: false });
          return;
        case 'period.deleted':
          periods.delete(event.data.periodId);
          return;
        case 'final_grade.upserted': {
          const d = event.data;
          const next: TStoredFinalGrade = {
            id: d.finalGradeId,
            studentId: d.studentId,
            subjectId: d.subjectId,
            periodId: d.periodId,
            value: d.value,
            comment: d.comment ?? null,
            deleted: false,
          };
          const before = finalGrades.get(d.finalGradeId);
          const fresh = !before || before.deleted;
          if (!fresh && !differs(before, next)) return;
          finalGrades.set(next.id, next);
          touched.add(next.id);
          // A corrected comment is written but is no news: facts tell of the mark.
          if (fresh) outbox.push(fact('final_grade.created', next, event.id));
          else if (markDiffers(before, next)) outbox.push(fact('final_grade.changed', next, event.id, before));
          return;
        }
        case 'final_grade.deleted': {
          const before = finalGrades.get(event.data.finalGradeId);
          if (!before || before.deleted) return;
          const next = { ...before, deleted: true };
          finalGrades.set(next.id, next);
          touched.add(next.id);
          outbox.push(fact('final_grade.deleted', next, event.id));
          return;
        }
      }
    },

    result() {
      return {
        periods: [...periods.rows.values()] as TPeriodRow[],
        deletedPeriodIds: [...periods.deletedIds.keys()],
        finalGrades: [...touched].map((id) => finalGrades.get(id)!),
      };
    },
  };
}

function markDiffers(a: TStoredFinalGrade, b: TStoredFinalGrade): boolean {
  return a.value !== b.value || a.studentId !== b.studentId || a.subjectId !== b.subjectId || a.periodId !== b.periodId;
}

function differs(a: TStoredFinalGrade, b: TStoredFinalGrade): boolean {
  return markDiffers(a, b) || a.comment !== b.comment;
}

/**
 * A final grade's fact carries what an alert needs (final grades are few, so unlike a grade's it
 * is not trimmed to the id): the subject, the period, the mark, and the mark it replaced.
 */
function fact(
  kind: 'final_grade.created' | 'final_grade.changed' | 'final_grade.deleted',
  g: TStoredFinalGrade,
  eventId: string,
  previous?: TStoredFinalGrade,
): TOutboxRow {
  return {
    kind,
    studentId: g.studentId,
    classId: null,
    eventId,
    payload: {
      finalGradeId: g.id,
      subjectId: g.subjectId,
      periodId: g.periodId,
      value: g.value,
      ...(previous ? { previousValue: previous.value } : {}),
    },
  };
}
