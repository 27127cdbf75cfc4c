import type { TItemPayload, TOutboxFact, TRecipient, TSubjectAverage } from './alert-types';
import { ZGradeFactSchema } from './fact-schemas';

// The optional warning that a subject's average for the current period has dropped below the
// school's "4". It needs no state of its own: a crossing is read from the grades themselves (the
// average without the batch's new grades at or above the threshold, with them below), so it warns
// once per crossing — the average must climb back before it can cross again; and "at most once a
// week" from the warning items already planned for the chat (they go with the chat on /forget).

export const WARNING_INTERVAL_MS = 7 * 24 * 3600_000;

/** An average warning's ref: one subject of one student. */
export const averageRef = (studentId: string, subjectId: string) => `avg:${studentId}:${subjectId}`;

/** A subject a batch brought new grades in, for the store to read the averages of. */
export interface TAveragePair {
  studentId: string;
  subjectId: string;
  /** The latest new grade's date: its period is the one averaged. */
  day: string;
  /** The batch's new grades of the subject, left out of the "before" average. */
  gradeIds: string[];
  factId: string;
  createdAt: Date;
}

/** New grades per (student, subject), the latest fact last; grades changed or removed do not warn. */
export function averagePairs(facts: readonly TOutboxFact[]): TAveragePair[] {
  const pairs = new Map<string, TAveragePair>();
  for (const f of facts) {
    if (f.kind !== 'grade.created' || !f.studentId) continue;
    const g = ZGradeFactSchema.safeParse(f.payload);
    if (!g.success) continue;
    const key = `${f.studentId}\u0000${g.data.subjectId}`;
    const pair = pairs.get(key) ?? {
      studentId: f.studentId,
      subjectId: g.data.subjectId,
      day: g.data.date,
      gradeIds: [],
    };
    pairs.set(key, {
      ...pair,
      day: g.data.date > pair.day ? g.data.date : pair.day,
      gradeIds: [...pair.gradeIds, g.data.gradeId],
      factId: f.id,
      createdAt: f.createdAt,
    });
  }
  return [...pairs.values()];
}

/** From at or above the threshold (or no average yet) to below it. */
export function crossedBelow(a: Pick<TSubjectAverage, 'before' | 'after' | 'threshold'>): boolean {
  return a.after !== null && a.after < a.threshold && (a.before === null || a.before >= a.threshold);
}

type TPushWarning = (fact: TOutboxFact, r: TRecipient, refId: string, payload: TItemPayload) => void;

export function planAverageWarnings(
  averages: readonly TSubjectAverage[],
  recipientsOf: (studentId: string) => TRecipient[],
  subjectName: (id: string) => string,
  push: TPushWarning,
): void {
  for (const a of averages) {
    if (!crossedBelow(a)) continue;
    // The item is derived from the grade's fact, which may carry the grade's own item to the same
    // chat: its outbox id is negated so that (outbox id, chat) stays one item of each.
    const fact: TOutboxFact = {
      id: `-${a.factId}`,
      kind: 'grade.created',
      studentId: a.studentId,
      classId: null,
      payload: null,
      createdAt: a.createdAt,
    };
    for (const r of recipientsOf(a.studentId)) {
      if (a.warnedChats.includes(r.chatId)) continue;
      push(fact, r, averageRef(a.studentId, a.subjectId), {
        studentName: r.studentName,
        subjectName: subjectName(a.subjectId),
        average: a.after ?? undefined,
      });
    }
  }
}
