import type { TEventData, TJournalEvent } from './event-schemas';
import type { TGradeHistoryRow, TOutboxRow, TStoredGrade, TStoredHomework, TStoredLesson } from './ingest-types';

// Turns the new events of a batch into the final rows to write and the outbox facts they cause.
// Pure: the store loads the current rows first, so "what changed" is decided here, once.

export interface TExistingRows {
  grades: Map<string, TStoredGrade>;
  lessons: Map<string, TStoredLesson>;
  homework: Map<string, TStoredHomework>;
  canteenTransactionIds: Set<string>;
}

type TLessonRow = TEventData<'lesson.upserted'> & { deleted: boolean };
type THomeworkRow = TEventData<'homework.upserted'> & { deleted: boolean };

export interface TWritePlan {
  schools: TEventData<'school.upserted'>[];
  classes: TEventData<'class.upserted'>[];
  subjects: TEventData<'subject.upserted'>[];
  teachers: TEventData<'teacher.upserted'>[];
  students: TEventData<'student.upserted'>[];
  /** Upserts carry the full row; a deletion of a stored row carries only the id. */
  lessons: TLessonRow[];
  deletedLessonIds: string[];
  homework: THomeworkRow[];
  deletedHomeworkIds: string[];
  grades: TStoredGrade[];
  gradeHistory: TGradeHistoryRow[];
  attendance: TEventData<'attendance.marked'>[];
  canteen: TEventData<'canteen.transaction'>[];
  outbox: TOutboxRow[];
}

/** Ids of the rows whose current state the planner needs. */
export function rowsToLoad(events: TJournalEvent[]) {
  const grades = new Set<string>();
  const lessons = new Set<string>();
  const homework = new Set<string>();
  const canteen = new Set<string>();
  for (const e of events) {
    if (e.type === 'grade.upserted' || e.type === 'grade.deleted') grades.add(e.data.gradeId);
    else if (e.type === 'lesson.upserted' || e.type === 'lesson.deleted') lessons.add(e.data.lessonId);
    else if (e.type === 'homework.upserted' || e.type === 'homework.deleted') homework.add(e.data.homeworkId);
    else if (e.type === 'canteen.transaction') canteen.add(e.data.transactionId);
  }
  return {
    gradeIds: [...grades],
    lessonIds: [...lessons],
    homeworkIds: [...homework],
    canteenTransactionIds: [...canteen],
  };
}

/** Later events for the same id win; the map keeps the first position so writes stay in order. */
function lastWins<T>(rows: Map<string, T>, id: string, row: T) {
  rows.delete(id);
  rows.set(id, row);
}

/**
 * Lessons and homework, which a batch may upsert and delete. Each id's state (stored, then as the
 * batch leaves it) is what a change is judged against. What is written: the full row of an id the
 * batch upserts (flagged deleted when a deletion follows), or the id alone when a deletion meets
 * only a stored row.
 */
function deletableRows<TData, TState extends { deleted: boolean }>(stored: ReadonlyMap<string, TState>) {
  const state = new Map(stored);
  const rows = new Map<string, TData & { deleted: boolean }>();
  const deletedIds = new Map<string, true>();
  return {
    rows,
    deletedIds,
    before: (id: string) => state.get(id),
    upsert(id: string, data: TData, after: TState) {
      state.set(id, after);
      deletedIds.delete(id);
      lastWins(rows, id, { ...data, deleted: false });
    },
    delete(id: string) {
      const before = state.get(id);
      if (before) state.set(id, { ...before, deleted: true });
      const pending = rows.get(id);
      if (pending) lastWins(rows, id, { ...pending, deleted: true });
      else lastWins(deletedIds, id, true);
    },
  };
}

export function planBatch(events: TJournalEvent[], existing: TExistingRows): TWritePlan {
  const schools = new Map<string, TEventData<'school.upserted'>>();
  const classes = new Map<string, TEventData<'class.upserted'>>();
  const subjects = new Map<string, TEventData<'subject.upserted'>>();
  const teachers = new Map<string, TEventData<'teacher.upserted'>>();
  const students = new Map<string, TEventData<'student.upserted'>>();
  const attendance = new Map<string, TEventData<'attendance.marked'>>();
  const canteen = new Map<string, TEventData<'canteen.transaction'>>();
  const grades = new Map<string, TStoredGrade>(existing.grades);
  const touchedGrades = new Set<string>();
  const lessons = deletableRows<
    TEventData<'lesson.upserted'>,
    Pick<TStoredLesson, 'date' | 'start' | 'cancelled' | 'deleted'>
  >(existing.lessons);
  const homework = deletableRows<
    TEventData<'homework.upserted'>,
    Pick<TStoredHomework, 'dueDate' | 'text' | 'deleted'>
  >(existing.homework);
  const gradeHistory: TGradeHistoryRow[] = [];
  const outbox: TOutboxRow[] = [];

  for (const event of events) {
    switch (event.type) {
      case 'school.upserted':
        lastWins(schools, event.data.schoolId, event.data);
        break;
      case 'class.upserted': {
        // A later event that leaves the class teacher out keeps what an earlier one in the batch set.
        const earlier = classes.get(event.data.classId)?.homeroomTeacherId;
        lastWins(
          classes,
          event.data.classId,
          event.data.homeroomTeacherId === undefined && earlier !== undefined
            ? { ...event.data, homeroomTeacherId: earlier }
            : event.data,
        );
        break;
      }
      case 'subject.upserted':
        lastWins(subjects, event.data.subjectId, event.data);
        break;
      case 'teacher.upserted':
        lastWins(teachers, event.data.teacherId, event.data);
        break;
      case 'student.upserted':
        lastWins(students, event.data.studentId, event.data);
        break;
      case 'attendance.marked':
        lastWins(attendance, `${event.data.lessonId}\u0000${event.data.studentId}`, event.data);
        break;
      case 'canteen.transaction':
        // A transaction is a fact: once stored it never changes, and it alerts once.
        if (!existing.canteenTransactionIds.has(event.data.transactionId) && !canteen.has(event.data.transactionId)) {
          canteen.set(event.data.transactionId, event.data);
          outbox.push({
            kind: 'canteen.transaction',
            studentId: event.data.studentId,
            classId: null,
            eventId: event.id,
            payload: { ...event.data, occurredAt: event.occurredAt },
          });
        }
        break;
      case 'lesson.upserted': {
        const d = event.data;
        const before = lessons.before(d.lessonId);
        const cancelled = d.cancelled ?? false;
        if (before && !before.deleted) {
          if (cancelled && !before.cancelled)
            outbox.push(lessonFact('lesson.cancelled', event.id, event.occurredAt, d, before));
          else if (!cancelled && (before.date !== d.date || before.start !== d.start))
            outbox.push(lessonFact('lesson.moved', event.id, event.occurredAt, d, before));
        }
        lessons.upsert(d.lessonId, d, { date: d.date, start: d.start, cancelled, deleted: false });
        break;
      }
      case 'lesson.deleted':
        lessons.delete(event.data.lessonId);
        break;
      case 'homework.upserted': {
        const d = event.data;
        const before = homework.before(d.homeworkId);
        if (!before || before.deleted || before.text !== d.text || before.dueDate !== d.dueDate) {
          outbox.push({
            kind: 'homework.changed',
            studentId: null,
            classId: d.classId,
            eventId: event.id,
            payload: {
              homeworkId: d.homeworkId,
              subjectId: d.subjectId,
              dueDate: d.dueDate,
              isNew: !before || before.deleted,
              occurredAt: event.occurredAt,
            },
          });
        }
        homework.upsert(d.homeworkId, d, { dueDate: d.dueDate, text: d.text, deleted: false });
        break;
      }
      case 'homework.deleted':
        homework.delete(event.data.homeworkId);
        break;
      case 'grade.upserted': {
        const d = event.data;
        const next: TStoredGrade = {
          id: d.gradeId,
          studentId: d.studentId,
          subjectId: d.subjectId,
          date: d.date,
          value: d.value,
          weight: d.weight ?? 1,
          lessonId: d.lessonId ?? null,
          workType: d.workType ?? null,
          comment: d.comment ?? null,
          deleted: false,
        };
        const before = grades.get(d.gradeId);
        const action = !before || before.deleted ? 'created' : gradeDiffers(before, next) ? 'changed' : null;
        grades.set(d.gradeId, next);
        if (!action) break;
        touchedGrades.add(d.gradeId);
        // History keeps superseded versions only: a new grade's first version is the row itself.
        if (action === 'changed') gradeHistory.push(historyRow(before!, 'changed', event.id));
        outbox.push(
          gradeFact(
            action === 'created' ? 'grade.created' : 'grade.changed',
            next,
            event,
            action === 'changed' ? before : undefined,
          ),
        );
        break;
      }
      case 'grade.deleted': {
        const before = grades.get(event.data.gradeId);
        if (!before || before.deleted) break;
        const next = { ...before, deleted: true };
        grades.set(before.id, next);
        touchedGrades.add(before.id);
        gradeHistory.push(historyRow(before, 'deleted', event.id));
        outbox.push(gradeFact('grade.deleted', next, event));
        break;
      }
    }
  }

  return {
    schools: [...schools.values()],
    classes: [...classes.values()],
    subjects: [...subjects.values()],
    teachers: [...teachers.values()],
    students: [...students.values()],
    lessons: [...lessons.rows.values()],
    deletedLessonIds: [...lessons.deletedIds.keys()],
    homework: [...homework.rows.values()],
    deletedHomeworkIds: [...homework.deletedIds.keys()],
    grades: [...touchedGrades].map((id) => grades.get(id)!),
    gradeHistory,
    attendance: [...attendance.values()],
    canteen: [...canteen.values()],
    outbox,
  };
}

function gradeDiffers(a: TStoredGrade, b: TStoredGrade): boolean {
  return (
    a.value !== b.value ||
    a.weight !== b.weight ||
    a.workType !== b.workType ||
    a.comment !== b.comment ||
    a.date !== b.date ||
    a.subjectId !== b.subjectId ||
    a.studentId !== b.studentId ||
    a.lessonId !== b.lessonId
  );
}

function historyRow(g: TStoredGrade, action: TGradeHistoryRow['action'], eventId: string): TGradeHistoryRow {
  return { gradeId: g.id, action, value: g.value, weight: g.weight, workType: g.workType, comment: g.comment, eventId };
}

/**
 * A grade fact names the grade and what it was before; the grade's own fields are read from
 * its row when alerts are planned (seconds later), so they are not copied into every fact:
 * the outbox row is the largest part of ingesting a grade otherwise.
 */
function gradeFact(
  kind: 'grade.created' | 'grade.changed' | 'grade.deleted',
  g: TStoredGrade,
  event: TJournalEvent,
  previous?: TStoredGrade,
): TOutboxRow {
  return {
    kind,
    studentId: g.studentId,
    classId: null,
    eventId: event.id,
    payload: previous
      ? { gradeId: g.id, previousValue: previous.value, previousWeight: previous.weight }
      : { gradeId: g.id },
  };
}

function lessonFact(
  kind: 'lesson.cancelled' | 'lesson.moved',
  eventId: string,
  occurredAt: string,
  lesson: TEventData<'lesson.upserted'>,
  before: { date: string; start: string },
): TOutboxRow {
  return {
    kind,
    studentId: null,
    classId: lesson.classId,
    eventId,
    payload: {
      lessonId: lesson.lessonId,
      subjectId: lesson.subjectId,
      date: lesson.date,
      start: lesson.start,
      previousDate: before.date,
      previousStart: before.start,
      occurredAt,
    },
  };
}
