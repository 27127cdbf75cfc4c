import type { TDateRange, TGradeItem } from '../diary/diary-types';

// The read model of term results: what answers, alerts and charts about a period are built from.

/** One student's share of a term read. */
export interface TTermRequest {
  studentId: string;
  classId: string;
  /** The days whose grades are read and whose remaining lessons are counted: usually a period. */
  range: TDateRange;
  /** The school's today: the lessons left are those dated after it (and within `range`). */
  today: string;
  /** Periods whose final grades are read: one, or all of a school year's. */
  periodIds: readonly string[];
}

export interface TTermWants {
  /** Every grade of the range, one by one (a chart draws them). */
  grades?: boolean;
  /** The grades summed per subject (an average, "what is needed"): a year reads as a few rows. */
  subjects?: boolean;
  /** The grades summed per lesson topic ("which topics to pull up"). */
  topics?: boolean;
  finalGrades?: boolean;
  lessonsLeft?: boolean;
}

/** A grade with what a chart or an explanation needs: the subject's id, and the lesson's topic. */
export interface TTermGrade extends TGradeItem {
  subjectId: string;
  lessonId: string | null;
  /** The topic of the grade's lesson, when it names one that is not deleted. */
  topic: string | null;
}

/**
 * A subject's grades of the range, summed in the read: its average and what lifts it need only
 * these. The numbers count as core/diary's weightedAverage counts them: a mark 1–5 does, a pass
 * or fail does not.
 */
export interface TSubjectTally {
  subjectId: string;
  subject: string;
  /** Every grade, pass and fail included. */
  count: number;
  /** Σ value × weight over the marks. */
  sum: number;
  /** Σ weight over the marks: 0 when the subject has none. */
  weights: number;
  /** The heaviest mark's weight; 0 when there is none. */
  heaviest: number;
}

/** A lesson topic's grades summed, with the dates they were given (in order). */
export interface TTopicTally {
  subject: string;
  topic: string;
  sum: number;
  weights: number;
  dates: string[];
}

/** The mark a teacher fixed for a period (четвертная, годовая). */
export interface TFinalGradeItem {
  id: string;
  periodId: string;
  subjectId: string;
  subject: string;
  /** "1"–"5", "зачёт", "незачёт", "н/а" (not assessed) or "осв." (exempt). */
  value: string;
  comment: string | null;
}

/** Lessons of a subject still on the timetable: not cancelled, dated after today, within the range. */
export interface TLessonsLeft {
  subjectId: string;
  subject: string;
  count: number;
}

export interface TStudentTerm {
  /** In date order. */
  grades: TTermGrade[];
  /** In no particular order. */
  subjects: TSubjectTally[];
  /** Topics with at least one mark, in no particular order. */
  topics: TTopicTally[];
  /** By period (its start, then its end: a quarter before the half and the year), then subject name. */
  finalGrades: TFinalGradeItem[];
  /** Subjects with at least one lesson left, by name; a subject not listed has none. */
  lessonsLeft: TLessonsLeft[];
}
