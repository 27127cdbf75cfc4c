import { addDays } from '../calendar/civil-date';
import type { TDiaryStudent } from '../diary/diary-types';

// Teachers see what they teach (README "Who sees what"). A teacher's view of a class is granted,
// never remembered: it follows from their own lessons around today (in their school's zone), so
// a class handed to a colleague drops out within a month without anyone revoking anything.
//
// - Regular: two or more of their (not deleted) lessons in a class and subject in the last
//   REGULAR_DAYS days (today included), or one in the AHEAD_DAYS after today. Shows that class's
//   grades, homework and timetable in that subject only.
// - Substitution: any other lesson of theirs, from its day until SUBSTITUTION_DAYS after. Shows the
//   class list and that lesson's grades: those with its lessonId, and, for a journal that sends
//   grades without one, the class's grades in its subject on its date. Also the lesson itself in
//   the timetable; no homework.
// - Homeroom: the class teacher (SchoolClass.homeroomTeacherId) sees the class's grades, homework
//   and timetable in every subject, for as long as the journal names them.
// A cancelled lesson counts (it is still the teacher's timetable); a deleted one does not. Only
// classes of the teacher's own school count, whatever a lesson row says.

export const REGULAR_DAYS = 30;
export const REGULAR_LESSONS = 2;
export const AHEAD_DAYS = 14;
export const SUBSTITUTION_DAYS = 7;

/** The days a teacher's lessons are looked at, for one school's today. Inclusive ISO dates. */
export interface TReachDays {
  today: string;
  /** First day of the regular window (today is its last). */
  regularFrom: string;
  /** Last day a lesson still counts as scheduled ahead (today + AHEAD_DAYS). */
  aheadTo: string;
  /** Lessons from this day up to today are within their substitution week. */
  substitutionFrom: string;
}

export function reachDays(today: string): TReachDays {
  return {
    today,
    regularFrom: addDays(today, -(REGULAR_DAYS - 1)),
    aheadTo: addDays(today, AHEAD_DAYS),
    substitutionFrom: addDays(today, -SUBSTITUTION_DAYS),
  };
}

/** One thing a teacher may see of a class. */
export interface TTeacherGrant {
  classId: string;
  /** null: every subject (the homeroom teacher). */
  subjectId: string | null;
  /** A substitution: only this lesson. */
  lesson: { id: string; date: string } | null;
}

export interface TTeacherReach {
  /** Pupils of every class with a grant: whom the teacher may name. */
  students: TDiaryStudent[];
  grants: TTeacherGrant[];
}

/** The grants that concern these students' classes: all a diary read for them needs. */
export function grantsFor(
  grants: readonly TTeacherGrant[],
  students: readonly Pick<TDiaryStudent, 'classId'>[],
): TTeacherGrant[] {
  const classes = new Set(students.map((s) => s.classId));
  return grants.filter((g) => classes.has(g.classId));
}
