// Rows as the ingest planner sees them: only the fields that decide what changed.

export interface TStoredGrade {
  id: string;
  studentId: string;
  subjectId: string;
  date: string;
  value: string;
  weight: number;
  lessonId: string | null;
  workType: string | null;
  comment: string | null;
  deleted: boolean;
}

export interface TStoredLesson {
  id: string;
  classId: string;
  subjectId: string;
  date: string;
  start: string;
  end: string;
  cancelled: boolean;
  isTest: boolean;
  deleted: boolean;
}

/** A school event as stored: what decides whether an upsert is news. */
export interface TStoredSchoolEvent {
  id: string;
  schoolId: string;
  classIds: string[];
  title: string;
  date: string;
  start: string | null;
  place: string | null;
  onlineUrl: string | null;
  deleted: boolean;
}

export interface TStoredHomework {
  id: string;
  classId: string;
  subjectId: string;
  dueDate: string;
  text: string;
  deleted: boolean;
}

/** A school's period as the batch rules see it (core/ingest/term-rules.ts). */
export interface TStoredPeriod {
  id: string;
  schoolId: string;
  kind: string;
  start: string;
  end: string;
}

export interface TStoredFinalGrade {
  id: string;
  studentId: string;
  subjectId: string;
  periodId: string;
  value: string;
  comment: string | null;
  deleted: boolean;
}

/** Entity kinds an event can refer to; the store answers which ids of a kind exist. */
export type TEntityKind =
  | 'school'
  | 'class'
  | 'subject'
  | 'teacher'
  | 'student'
  | 'lesson'
  | 'homework'
  | 'grade'
  | 'canteen'
  | 'period'
  | 'final_grade'
  | 'pass'
  | 'school_event'
  | 'announcement';

/** One pupil's mark for one lesson. */
export interface TAttendanceKey {
  lessonId: string;
  studentId: string;
}

export type TOutboxKind =
  | 'grade.created'
  | 'grade.changed'
  | 'grade.deleted'
  | 'homework.changed'
  | 'lesson.cancelled'
  | 'lesson.moved'
  | 'canteen.transaction'
  | 'final_grade.created'
  | 'final_grade.changed'
  | 'final_grade.deleted'
  /** A turnstile record, once per pass id (core/alerts/fact-schemas.ts ZPassFactSchema). */
  | 'pass.recorded'
  /**
   * A lesson's mark for a pupil became absent or late, or stopped being one: each change that
   * involves absent or late, once (ZAttendanceFactSchema).
   */
  | 'attendance.changed'
  /** A lesson became a test, or a test moved to another day or time (classId set). */
  | 'lesson.test-scheduled'
  /** A school event is new, or its day, time, title, place or link changed (payload: schoolId, classIds). */
  | 'school_event.changed'
  /** An announcement, once (payload: schoolId, classIds, title, text, urgent). */
  | 'announcement.published';

export interface TOutboxRow {
  kind: TOutboxKind;
  studentId: string | null;
  classId: string | null;
  eventId: string;
  payload: Record<string, unknown>;
}

/** A superseded version of a grade: what it was before a change, or when it was removed. */
export interface TGradeHistoryRow {
  gradeId: string;
  action: 'changed' | 'deleted';
  value: string | null;
  weight: number | null;
  workType: string | null;
  comment: string | null;
  eventId: string;
}
