import { EVENT_DATA_SCHEMAS, type TJournalEvent, ZEventEnvelopeSchema } from './event-schemas';
import type { TEntityKind } from './ingest-types';

export interface TEventError {
  index: number;
  id: string | null;
  message: string;
}

/**
 * Checks every event's envelope and data; all errors are reported, not just the first.
 * `indices[i]` is the position in the batch of `events[i]`.
 */
export function validateEvents(rawEvents: unknown[]): {
  events: TJournalEvent[];
  errors: TEventError[];
  indices: number[];
} {
  const events: TJournalEvent[] = [];
  const errors: TEventError[] = [];
  const indices: number[] = [];
  rawEvents.forEach((raw, index) => {
    const rawId = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : null;
    const envelope = ZEventEnvelopeSchema.safeParse(raw);
    if (!envelope.success) {
      errors.push({ index, id: rawId, message: describeIssues(envelope.error.issues) });
      return;
    }
    const data = EVENT_DATA_SCHEMAS[envelope.data.type].safeParse(envelope.data.data);
    if (!data.success) {
      errors.push({ index, id: envelope.data.id, message: describeIssues(data.error.issues, 'data') });
      return;
    }
    events.push({ ...envelope.data, data: data.data } as TJournalEvent);
    indices.push(index);
  });
  return { events, errors, indices };
}

function describeIssues(issues: { path: PropertyKey[]; message: string }[], prefix?: string): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

export type TReference = { kind: TEntityKind; id: string; field: string };

/** What each event defines (so later events in the batch may refer to it) and refers to. */
export function definesAndRefers(event: TJournalEvent): { defines?: TReference; refers: TReference[] } {
  const ref = (kind: TEntityKind, id: string | null | undefined, field: string): TReference[] =>
    id ? [{ kind, id, field }] : [];
  // A list of classes: each element is a reference of its own, named by its place (classIds[2]).
  const classRefs = (ids: readonly string[] | undefined): TReference[] =>
    (ids ?? []).map((id, i) => ({ kind: 'class', id, field: `classIds[${i}]` }));
  switch (event.type) {
    case 'school.upserted':
      return { defines: { kind: 'school', id: event.data.schoolId, field: 'schoolId' }, refers: [] };
    case 'class.upserted':
      return {
        defines: { kind: 'class', id: event.data.classId, field: 'classId' },
        refers: [
          ...ref('school', event.data.schoolId, 'schoolId'),
          ...ref('teacher', event.data.homeroomTeacherId, 'homeroomTeacherId'),
        ],
      };
    case 'subject.upserted':
      return {
        defines: { kind: 'subject', id: event.data.subjectId, field: 'subjectId' },
        refers: ref('school', event.data.schoolId, 'schoolId'),
      };
    case 'teacher.upserted':
      return {
        defines: { kind: 'teacher', id: event.data.teacherId, field: 'teacherId' },
        refers: ref('school', event.data.schoolId, 'schoolId'),
      };
    case 'student.upserted':
      return {
        defines: { kind: 'student', id: event.data.studentId, field: 'studentId' },
        refers: [...ref('school', event.data.schoolId, 'schoolId'), ...ref('class', event.data.classId, 'classId')],
      };
    case 'lesson.upserted':
      return {
        defines: { kind: 'lesson', id: event.data.lessonId, field: 'lessonId' },
        refers: [
          ...ref('class', event.data.classId, 'classId'),
          ...ref('subject', event.data.subjectId, 'subjectId'),
          ...ref('teacher', event.data.teacherId, 'teacherId'),
        ],
      };
    case 'lesson.deleted':
      return { refers: ref('lesson', event.data.lessonId, 'lessonId') };
    case 'homework.upserted':
      return {
        defines: { kind: 'homework', id: event.data.homeworkId, field: 'homeworkId' },
        refers: [
          ...ref('class', event.data.classId, 'classId'),
          ...ref('subject', event.data.subjectId, 'subjectId'),
          ...ref('lesson', event.data.lessonId, 'lessonId'),
        ],
      };
    case 'homework.deleted':
      return { refers: ref('homework', event.data.homeworkId, 'homeworkId') };
    case 'grade.upserted':
      return {
        defines: { kind: 'grade', id: event.data.gradeId, field: 'gradeId' },
        refers: [
          ...ref('student', event.data.studentId, 'studentId'),
          ...ref('subject', event.data.subjectId, 'subjectId'),
          ...ref('lesson', event.data.lessonId, 'lessonId'),
        ],
      };
    case 'grade.deleted':
      return { refers: ref('grade', event.data.gradeId, 'gradeId') };
    case 'attendance.marked':
      return {
        refers: [
          ...ref('lesson', event.data.lessonId, 'lessonId'),
          ...ref('student', event.data.studentId, 'studentId'),
        ],
      };
    case 'canteen.transaction':
      return {
        defines: { kind: 'canteen', id: event.data.transactionId, field: 'transactionId' },
        refers: ref('student', event.data.studentId, 'studentId'),
      };
    case 'period.upserted':
      return {
        defines: { kind: 'period', id: event.data.periodId, field: 'periodId' },
        refers: ref('school', event.data.schoolId, 'schoolId'),
      };
    case 'period.deleted':
      return { refers: ref('period', event.data.periodId, 'periodId') };
    case 'final_grade.upserted':
      return {
        defines: { kind: 'final_grade', id: event.data.finalGradeId, field: 'finalGradeId' },
        refers: [
          ...ref('student', event.data.studentId, 'studentId'),
          ...ref('subject', event.data.subjectId, 'subjectId'),
          ...ref('period', event.data.periodId, 'periodId'),
        ],
      };
    case 'final_grade.deleted':
      return { refers: ref('final_grade', event.data.finalGradeId, 'finalGradeId') };
    case 'school_event.upserted':
      return {
        defines: { kind: 'school_event', id: event.data.schoolEventId, field: 'schoolEventId' },
        refers: [...ref('school', event.data.schoolId, 'schoolId'), ...classRefs(event.data.classIds)],
      };
    case 'school_event.deleted':
      return { refers: ref('school_event', event.data.schoolEventId, 'schoolEventId') };
    case 'announcement.published':
      return {
        defines: { kind: 'announcement', id: event.data.announcementId, field: 'announcementId' },
        refers: [...ref('school', event.data.schoolId, 'schoolId'), ...classRefs(event.data.classIds)],
      };
    case 'pass.recorded':
      return {
        defines: { kind: 'pass', id: event.data.passId, field: 'passId' },
        refers: ref('student', event.data.studentId, 'studentId'),
      };
  }
}

export interface TBatchReferences {
  /** Per event, in batch order: what it defines and refers to. */
  perEvent: { defines?: TReference; refers: TReference[] }[];
  /**
   * Every id referred to or defined, by kind: what the store is asked about, all at once —
   * whether each exists, and in which school (a defined one that exists may not change school).
   */
  wanted: Map<TEntityKind, string[]>;
}

export function collectReferences(events: TJournalEvent[]): TBatchReferences {
  const perEvent = events.map(definesAndRefers);
  const wanted = new Map<TEntityKind, Set<string>>();
  const want = (r: TReference) => {
    if (!wanted.has(r.kind)) wanted.set(r.kind, new Set());
    wanted.get(r.kind)!.add(r.id);
  };
  for (const plan of perEvent) {
    plan.refers.forEach(want);
    if (plan.defines) want(plan.defines);
  }
  return { perEvent, wanted: new Map([...wanted].map(([kind, ids]) => [kind, [...ids]])) };
}

/** Stored ids by kind, each with the school it belongs to. */
export type TOwners = Map<TEntityKind, Map<string, string>>;

/**
 * An event may refer only to ids that are stored (`stored`) or defined earlier in the same
 * batch (README "Journal ingestion API"). `shown` turns a stored id back into the one the writer sent.
 */
export function unknownReferences(
  events: TJournalEvent[],
  references: TBatchReferences,
  stored: TOwners,
  shown: (id: string) => string = (id) => id,
): TEventError[] {
  const known = new Map([...stored].map(([kind, owners]) => [kind, new Set(owners.keys())]));
  const errors: TEventError[] = [];
  references.perEvent.forEach((plan, index) => {
    const missing = plan.refers.filter((r) => !known.get(r.kind)?.has(r.id));
    if (missing.length > 0) {
      errors.push({
        index,
        id: events[index].id,
        message: missing.map((r) => `data.${r.field}: unknown ${r.kind} "${shown(r.id)}"`).join('; '),
      });
    }
    if (plan.defines) {
      if (!known.has(plan.defines.kind)) known.set(plan.defines.kind, new Set());
      known.get(plan.defines.kind)!.add(plan.defines.id);
    }
  });
  return errors;
}
