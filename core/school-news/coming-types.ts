import type { TDateRange } from '../diary/diary-types';

// What is coming at school: tests (lessons the journal marked `isTest`, their topic saying what
// they cover) and school events (a match, an open day). Days are YYYY-MM-DD in the school's
// calendar, times "HH:mm" as the journal sent them.

/**
 * One student's days to look at; `subject` (a canonical name) keeps only that subject's tests.
 * The class and school are the student's as stored, never the caller's.
 */
export interface TComingRequest {
  studentId: string;
  range: TDateRange;
  subject?: string | null;
}

/** A test still to be written: not cancelled, not deleted. */
export interface TComingTest {
  id: string;
  date: string;
  start: string;
  end: string;
  subject: string;
  /** What it covers, as the teacher wrote it; null when not sent. */
  topic: string | null;
  /** Its place among the class's lessons held that day (1 = the first lesson). */
  lessonNumber: number;
}

/** A school event for the student's class, or for the whole school. */
export interface TSchoolEventItem {
  id: string;
  title: string;
  date: string;
  start: string | null;
  end: string | null;
  place: string | null;
  /** http(s) only, checked at ingestion. */
  onlineUrl: string | null;
  description: string | null;
}
