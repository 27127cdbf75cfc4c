import type { TAccessEntry } from '../access/access-log-port';
import type { AccessReader, TViewerScope } from '../access/access-port';
import { grantsFor, type TTeacherGrant } from '../access/teacher-reach';
import { chooseStudents } from '../access/viewer-access';
import type { TDiaryStudent } from '../diary/diary-types';
import type { TQuery } from '../nlu/types';
import type { PresenceReader } from '../presence/presence-port';
import type { TermReader } from '../terms/term-port';
import { absencesAnswer } from './absence-answers';
import type { TAnswer, TStudentRef } from './answer-types';
import { presenceAnswer } from './presence-answers';

// Who may ask about presence and attendance, before any is read (README "Who sees what"). A
// family sees its own children's, as for the diary. Where a pupil is, and when they came and
// went, is the family's business only: a teacher's reach opens none of it. Attendance is the
// journal's, so a teacher sees it as the diary's lessons: through grants, in the classes and
// subjects they teach (a substitution: its one lesson), limited in the read itself.

export interface TAttendanceRoute {
  access: AccessReader;
  presence: PresenceReader;
  terms: TermReader | null;
  /** The access-log entries of the students shown; `byGrants`: a teacher's grants opened them. */
  entriesFor(students: readonly TDiaryStudent[], byGrants: boolean): TAccessEntry[];
}

const ref = (s: TDiaryStudent): TStudentRef => ({
  id: s.id,
  firstName: s.firstName,
  lastName: s.lastName,
  className: s.className,
});

export async function attendanceAnswer(
  route: TAttendanceRoute,
  query: TQuery,
  scope: TViewerScope,
  now: Date,
): Promise<TAnswer> {
  const isTeacher = scope.teacherIds.length > 0;
  if (isTeacher && !query.child && scope.linkedStudents.length === 0) return { kind: 'ask-child' };
  let choice = chooseStudents(scope, query.child);
  let grants: TTeacherGrant[] | null = null;
  if (choice.kind === 'refused' && isTeacher && query.intent === 'absences') {
    const reach = await route.access.teacherReach(scope.teacherIds, now);
    choice = chooseStudents(scope, query.child, reach.students);
    if (choice.kind === 'students') grants = grantsFor(reach.grants, choice.students);
  }
  if (choice.kind === 'refused') return { kind: 'refused' };
  if (choice.kind === 'none') return { kind: 'not-linked' };
  const students = choice.students;
  // The access log is written by the read itself: no answer is returned before its entry is stored.
  const entries = route.entriesFor(students, grants !== null);
  const refs = students.map(ref);
  if (query.intent === 'presence') return presenceAnswer(query, students, refs, route.presence, entries, now);
  return absencesAnswer(query, students, refs, route.presence, route.terms, entries, grants, now);
}
