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
  | 'canteen';

export type TOutboxKind =
  | 'grade.created'
  | 'grade.changed'
  | 'grade.deleted'
  | 'homework.changed'
  | 'lesson.cancelled'
  | 'lesson.moved'
  | 'canteen.transaction';

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
