import type { TAccessEntry } from '../access/access-log-port';
import type { TTeacherGrant } from '../access/teacher-reach';
import { dayInZone } from '../calendar/civil-date';
import type { TDateRange, TDiaryStudent } from '../diary/diary-types';
import type { TQuery } from '../nlu/types';
import type { PresenceReader } from '../presence/presence-port';
import type { TAbsenceTally } from '../presence/presence-types';
import { defaultPeriods } from '../terms/default-periods';
import type { TPeriod as TTermPeriod } from '../terms/period-types';
import type { TermReader } from '../terms/term-port';
import type { TStudentRef } from './answer-types';
import type { TAbsenceSection, TPresenceAnswer } from './presence-answer-types';
import type { TTermAnswer } from './term-answer-types';
import { choosePeriod } from './term-period';

// Attendance for students already chosen by access (answer-service). Two questions:
// - «был ли Петя на физике?»: a subject and at most one day (today when none is said) — that
//   subject's lessons that day and the pupil's mark for each;
// - «сколько пропусков за четверть», «опоздания за неделю»: the days said, else the period named or
//   the current one (the school's own periods, as term questions read them) — lessons missed and
//   late, per subject.

export const ABSENCE_LINES = 5;

/** The subjects that count, most missed first (then most late, then by name). */
function tallies(rows: readonly TAbsenceTally[], subject: string | null): TAbsenceTally[] {
  return rows
    .filter((r) => (!subject || r.subject === subject) && r.absent + r.late > 0)
    .sort((a, b) => b.absent - a.absent || b.late - a.late || a.subject.localeCompare(b.subject, 'ru'));
}

function section(student: TStudentRef, rows: readonly TAbsenceTally[], subject: string | null): TAbsenceSection {
  const counted = tallies(rows, subject);
  return {
    student,
    absent: counted.reduce((n, r) => n + r.absent, 0),
    late: counted.reduce((n, r) => n + r.late, 0),
    subjects: counted.slice(0, ABSENCE_LINES),
    more: Math.max(0, counted.length - ABSENCE_LINES),
  };
}

/** «был ли на физике»: a subject and one day, or none said. */
export const asksOneLesson = (query: TQuery): boolean => query.subject !== null && query.dateTo === null && !query.term;

export async function absencesAnswer(
  query: TQuery,
  students: readonly TDiaryStudent[],
  refs: readonly TStudentRef[],
  reader: PresenceReader,
  terms: TermReader | null,
  entries: readonly TAccessEntry[],
  grants: TTeacherGrant[] | null,
  now: Date,
): Promise<TPresenceAnswer | TTermAnswer> {
  const todays = students.map((s) => dayInZone(now, s.timezone));
  const today = todays[0];
  if (query.subject !== null && asksOneLesson(query)) {
    const subject = query.subject;
    const day = query.date ?? today;
    const read = await reader.lessons(
      students.map((s) => ({ studentId: s.id, classId: s.classId, range: { from: day, to: day } })),
      entries,
      grants,
    );
    return {
      kind: 'attended',
      period: { from: day, to: day, today },
      subject,
      sections: refs.map((student, i) => ({
        student,
        lessons: read[i]
          .filter((l) => l.subject === subject)
          .map((l) => ({ start: l.start, end: l.end, status: l.status })),
      })),
    };
  }

  let ranges: TDateRange[];
  let term: TTermPeriod | null = null;
  if (query.date !== null && !query.term) {
    ranges = students.map(() => ({ from: query.date as string, to: query.dateTo ?? (query.date as string) }));
  } else {
    const periods = terms
      ? (await terms.schoolTerms(students.map((s, i) => ({ schoolId: s.schoolId, day: todays[i] })))).map(
          (s) => s.periods,
        )
      : todays.map((d) => defaultPeriods(d));
    const choices = periods.map((p, i) => choosePeriod(p, query.term, todays[i]));
    const first = choices[0];
    if ('missing' in first)
      return { kind: 'no-such-period', periodKind: first.missing.kind, number: first.missing.number };
    term = first.period;
    // A period still going is counted up to today: the lessons ahead have no marks yet.
    ranges = choices.map((c, i) => {
      const p = 'period' in c ? c.period : first.period;
      return { from: p.start, to: p.end < todays[i] ? p.end : todays[i] };
    });
  }
  const read = await reader.absences(
    students.map((s, i) => ({ studentId: s.id, classId: s.classId, range: ranges[i] })),
    entries,
    grants,
  );
  return {
    kind: 'absences',
    period: { from: ranges[0].from, to: ranges[0].to, today },
    term: term ? { kind: term.kind, number: term.number, start: term.start, end: term.end } : null,
    subject: query.subject,
    sections: refs.map((student, i) => section(student, read[i], query.subject)),
  };
}
