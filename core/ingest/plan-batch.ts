import type { TEventData, TJournalEvent } from './event-schemas';
import type {
  TGradeHistoryRow,
  TOutboxRow,
  TStoredFinalGrade,
  TStoredGrade,
  TStoredHomework,
  TStoredLesson,
  TStoredPeriod,
  TStoredSchoolEvent,
} from './ingest-types';
import { deletableRows, lastWins } from './plan-rows';
import { createSchoolNewsPlanner, type TSchoolEventRow, testFact } from './plan-school-news';
import { createTermPlanner, type TPeriodRow } from './plan-terms';
import { attendanceKey } from './rows-to-load';

// Turns the new events of a batch into the final rows to write and the outbox facts they cause.
// Pure: the store loads the current rows first, so "what changed" is decided here, once.

export interface TExistingRows {
  grades: Map<string, TStoredGrade>;
  lessons: Map<string, TStoredLesson>;
  homework: Map<string, TStoredHomework>;
  canteenTransactionIds: Set<string>;
  passIds: Set<string>;
  /** Stored attendance statuses by lesson and student (rows-to-load.ts attendanceKey). */
  attendance: Map<string, TAttendanceStatus>;
  /** Final grades the batch names, and those holding a student's subject and period it fills. */
  finalGrades: Map<string, TStoredFinalGrade>;
  schoolEvents: Map<string, TStoredSchoolEvent>;
  announcementIds: Set<string>;
  /** The live periods of the schools whose periods the batch changes: what an overlap is judged against. */
  periods: TStoredPeriod[];
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
  passes: TEventData<'pass.recorded'>[];
  periods: TPeriodRow[];
  deletedPeriodIds: string[];
  schoolEvents: TSchoolEventRow[];
  deletedSchoolEventIds: string[];
  announcements: TEventData<'announcement.published'>[];
  finalGrades: TStoredFinalGrade[];
  outbox: TOutboxRow[];
}

export function planBatch(events: TJournalEvent[], existing: TExistingRows): TWritePlan {
  const schools = new Map<string, TEventData<'school.upserted'>>();
  const classes = new Map<string, TEventData<'class.upserted'>>();
  const subjects = new Map<string, TEventData<'subject.upserted'>>();
  const teachers = new Map<string, TEventData<'teacher.upserted'>>();
  const students = new Map<string, TEventData<'student.upserted'>>();
  const attendance = new Map<string, TEventData<'attendance.marked'>>();
  const canteen = new Map<string, TEventData<'canteen.transaction'>>();
  const passes = new Map<string, TEventData<'pass.recorded'>>();
  const statuses = new Map(existing.attendance);
  const grades = new Map<string, TStoredGrade>(existing.grades);
  const touchedGrades = new Set<string>();
  const lessons = deletableRows<
    TEventData<'lesson.upserted'>,
    Pick<TStoredLesson, 'date' | 'start' | 'cancelled' | 'isTest' | 'deleted'>
  >(existing.lessons);
  const homework = deletableRows<
    TEventData<'homework.upserted'>,
    Pick<TStoredHomework, 'dueDate' | 'text' | 'deleted'>
  >(existing.homework);
  const terms = createTermPlanner(existing.finalGrades);
  const news = createSchoolNewsPlanner(existing.schoolEvents, existing.announcementIds);
  const gradeHistory: TGradeHistoryRow[] = [];
  const outbox: TOutboxRow[] = [];

  for (const event of events) {
    switch (event.type) {
      case 'school.upserted':
        lastWins(schools, event.data.schoolId, laterSchool(schools.get(event.data.schoolId), event.data));
        break;
      case 'period.upserted':
      case 'period.deleted':
      case 'final_grade.upserted':
      case 'final_grade.deleted':
        terms.apply(event, outbox);
        break;
      case 'school_event.upserted':
      case 'school_event.deleted':
      case 'announcement.published':
        news.apply(event, outbox);
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
      case 'attendance.marked': {
        const key = attendanceKey(event.data);
        const fact = attendanceFact(
          event,
          statuses.get(key) ?? null,
          lessons.rows.get(event.data.lessonId) ?? existing.lessons.get(event.data.lessonId),
        );
        if (fact) outbox.push(fact);
        statuses.set(key, event.data.status);
        lastWins(attendance, key, event.data);
        break;
      }
      case 'pass.recorded':
        // A pass is a fact, as a canteen transaction is: stored once, told once.
        if (!existing.passIds.has(event.data.passId) && !passes.has(event.data.passId)) {
          passes.set(event.data.passId, event.data);
          outbox.push({
            kind: 'pass.recorded',
            studentId: event.data.studentId,
            classId: null,
            eventId: event.id,
            payload: {
              passId: event.data.passId,
              at: event.data.at,
              direction: event.data.direction,
              place: event.data.place ?? null,
              occurredAt: event.occurredAt,
            },
          });
        }
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
        const test = testFact(d, before, event);
        if (test) outbox.push(test);
        lessons.upsert(d.lessonId, d, {
          date: d.date,
          start: d.start,
          cancelled,
          isTest: d.isTest ?? false,
          deleted: false,
        });
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
    passes: [...passes.values()],
    ...terms.result(),
    ...news.result(),
    outbox,
  };
}

/**
 * A later school event in the batch that leaves the time zone or a setting out keeps what an
 * earlier one set, as it would keep the stored value: the write reads only the last one.
 */
function laterSchool(
  earlier: TEventData<'school.upserted'> | undefined,
  later: TEventData<'school.upserted'>,
): TEventData<'school.upserted'> {
  if (!earlier) return later;
  const settings =
    earlier.settings || later.settings ? { ...earlier.settings, ...definedOnly(later.settings) } : undefined;
  return { ...later, timezone: later.timezone ?? earlier.timezone, ...(settings ? { settings } : {}) };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
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

type TAttendanceStatus = TEventData<'attendance.marked'>['status'];
const MISSED: ReadonlySet<TAttendanceStatus> = new Set(['absent', 'late']);

/**
 * An attendance mark's fact, when parents may need to hear of it: it became absent or late, or it
 * stopped being one (a withdrawn absence). The same status again, or present after present, tells
 * nothing; neither does a mark of a removed or cancelled lesson.
 */
function attendanceFact(
  event: Extract<TJournalEvent, { type: 'attendance.marked' }>,
  previous: TAttendanceStatus | null,
  lesson:
    | (Pick<TStoredLesson, 'subjectId' | 'date' | 'start' | 'end'> & { cancelled?: boolean; deleted: boolean })
    | undefined,
): TOutboxRow | null {
  const { status } = event.data;
  if (status === previous || !lesson || lesson.deleted || lesson.cancelled) return null;
  if (!MISSED.has(status) && (previous === null || !MISSED.has(previous))) return null;
  return {
    kind: 'attendance.changed',
    studentId: event.data.studentId,
    classId: null,
    eventId: event.id,
    payload: {
      lessonId: event.data.lessonId,
      subjectId: lesson.subjectId,
      date: lesson.date,
      start: lesson.start,
      end: lesson.end,
      status,
      previousStatus: previous,
      reason: event.data.reason ?? null,
      occurredAt: event.occurredAt,
    },
  };
}
