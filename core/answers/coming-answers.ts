import type { TAccessEntry } from '../access/access-log-port';
import type { AccessReader, TViewerScope } from '../access/access-port';
import { grantsFor, type TTeacherGrant } from '../access/teacher-reach';
import { chooseStudents } from '../access/viewer-access';
import { addDays, dayInZone, isoWeekday } from '../calendar/civil-date';
import type { TDateRange, TDiaryStudent } from '../diary/diary-types';
import type { TQuery } from '../nlu/types';
import type { ComingReader } from '../school-news/coming-port';
import type { TAnswer, TStudentRef } from './answer-types';

// «Когда контрольные?», «какие мероприятия на неделе?»: who may ask, which days, one read. A
// family sees its own children's; a teacher sees the tests and events of the classes their grants
// reach (what they teach there), and is refused any other pupil, as for the diary.

/** Tests are looked for two weeks ahead; a subject's next one a term ahead. */
const TESTS_DAYS = 14;
const NEXT_TEST_DAYS = 90;

export interface TComingRoute {
  access: AccessReader;
  coming: ComingReader;
  /** The access-log entries of the students shown; `byGrants`: a teacher's grants opened them. */
  entriesFor(students: readonly TDiaryStudent[], byGrants: boolean): TAccessEntry[];
}

const ref = (s: TDiaryStudent): TStudentRef => ({
  id: s.id,
  firstName: s.firstName,
  lastName: s.lastName,
  className: s.className,
});

/** The days said, else the default: tests two weeks from today, events the rest of this week. */
function rangeOf(query: TQuery, today: string): TDateRange & { defaulted: boolean } {
  if (query.date) return { from: query.date, to: query.dateTo ?? query.date, defaulted: false };
  if (query.intent === 'events') return { from: today, to: addDays(today, 7 - isoWeekday(today)), defaulted: true };
  const days = query.subject ? NEXT_TEST_DAYS : TESTS_DAYS;
  return { from: today, to: addDays(today, days), defaulted: true };
}

export async function comingAnswer(
  route: TComingRoute,
  query: TQuery,
  scope: TViewerScope,
  now: Date,
  defaultTimezone: string,
): Promise<TAnswer> {
  const isTeacher = scope.teacherIds.length > 0;
  if (isTeacher && !query.child && scope.linkedStudents.length === 0) return { kind: 'ask-child' };
  let choice = chooseStudents(scope, query.child);
  let grants: TTeacherGrant[] | null = null;
  if (choice.kind === 'refused' && isTeacher) {
    const reach = await route.access.teacherReach(scope.teacherIds, now);
    choice = chooseStudents(scope, query.child, reach.students);
    if (choice.kind === 'students') grants = grantsFor(reach.grants, choice.students);
  }
  if (choice.kind === 'refused') return { kind: 'refused' };
  if (choice.kind === 'none') return { kind: 'not-linked' };
  const students = choice.students;
  const today = dayInZone(now, students[0]?.timezone ?? scope.timezone ?? defaultTimezone);
  const range = rangeOf(query, today);
  const period = { from: range.from, to: range.to, today };
  const days = { from: range.from, to: range.to };
  const requests = students.map((s) => ({ studentId: s.id, range: days, subject: query.subject }));
  // The access log is written by the read itself: no answer is returned before its entry is stored.
  const entries = route.entriesFor(students, grants !== null);
  if (query.intent === 'events') {
    // A school event is the class's or the school's, not a subject's: a teacher's grants reach it
    // through the class alone, checked when the pupil was chosen.
    const events = await route.coming.events(requests, entries);
    return {
      kind: 'events',
      period,
      thisWeek: range.defaulted,
      sections: students.map((s, i) => ({ student: ref(s), events: events[i] })),
    };
  }
  const tests = await route.coming.tests(requests, entries, grants);
  const next = query.subject !== null && range.defaulted;
  return {
    kind: 'tests',
    period,
    fortnight: range.defaulted && !next,
    subject: query.subject,
    next,
    sections: students.map((s, i) => ({ student: ref(s), tests: next ? tests[i].slice(0, 1) : tests[i] })),
  };
}
