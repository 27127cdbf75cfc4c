import type { TAccessEntry } from '../access/access-log-port';
import type { TTeacherGrant } from '../access/teacher-reach';
import { dayInZone } from '../calendar/civil-date';
import type { TDiaryStudent } from '../diary/diary-types';
import type { TQuery } from '../nlu/types';
import type { TSchoolTerms, TPeriod as TTermPeriod } from '../terms/period-types';
import { markFor, type TRounding } from '../terms/rounding';
import type { TermReader } from '../terms/term-port';
import type { TStudentTerm, TSubjectTally, TTopicTally } from '../terms/term-types';
import type { TStudentRef } from './answer-types';
import { averageOf, fivesNeeded, nextMark } from './needed-grades';
import type {
  TFinalMark,
  TSubjectAverage,
  TSubjectNeed,
  TTermAnswer,
  TTermPeriodRef,
  TWeakTopic,
} from './term-answer-types';
import { choosePeriod } from './term-period';

// Term results for students already chosen by access (answer-service): the period is resolved
// against the first student's school (a family's children asked about together share the
// question's period words, and each is read in their own school's period of that kind).

const TOPICS_SHOWN = 3;
// One collator for every answer: `localeCompare(b, 'ru')` builds one per call, a millisecond each.
const BY_NAME = new Intl.Collator('ru');

const refOf = (p: TTermPeriod): TTermPeriodRef => ({ kind: p.kind, number: p.number, start: p.start, end: p.end });

/** The subjects asked about (all, or the one named), by name. */
function ofSubject(tallies: readonly TSubjectTally[], subject: string | null): TSubjectTally[] {
  return tallies.filter((t) => !subject || t.subject === subject).sort((a, b) => BY_NAME.compare(a.subject, b.subject));
}

function averages(tallies: readonly TSubjectTally[], subject: string | null, rounding: TRounding): TSubjectAverage[] {
  return ofSubject(tallies, subject).map((t) => {
    const average = averageOf(t);
    return { subject: t.subject, average, count: t.count, mark: markFor(average, rounding) };
  });
}

function needs(
  term: TStudentTerm,
  subject: string | null,
  target: TQuery['target'],
  rounding: TRounding,
): TSubjectNeed[] {
  const left = new Map(term.lessonsLeft.map((l) => [l.subject, l.count]));
  // A subject without a grade yet has no average to lift: it is left out, and an empty answer says so.
  return ofSubject(term.subjects, subject).map((tally) => {
    const average = averageOf(tally);
    const mark = markFor(average, rounding);
    const aim = target ?? nextMark(mark);
    // No lesson left in any subject: the timetable ahead is not known yet, rather than empty.
    const lessonsLeft = term.lessonsLeft.length === 0 ? null : (left.get(tally.subject) ?? 0);
    const fives = fivesNeeded(tally, aim, 1, rounding);
    const heaviest = Math.max(1, tally.heaviest);
    const heavyFives = heaviest > 1 ? fivesNeeded(tally, aim, heaviest, rounding) : null;
    const reachable = (n: number | null) => n !== null && (lessonsLeft === null || n <= lessonsLeft);
    const outcome: TSubjectNeed['outcome'] =
      fives === 0
        ? { kind: 'already' }
        : reachable(fives) || reachable(heavyFives)
          ? {
              kind: 'reach',
              fives: fives ?? 0,
              // Heavier work is worth naming only when it takes fewer grades.
              heavy:
                heavyFives !== null && (fives === null || heavyFives < fives)
                  ? { weight: heaviest, fives: heavyFives }
                  : null,
            }
          : { kind: 'out-of-reach' };
    return { subject: tally.subject, average, mark, target: aim, outcome, lessonsLeft };
  });
}

function weakTopics(tallies: readonly TTopicTally[], subject: string | null): TWeakTopic[] {
  const topics: TWeakTopic[] = [];
  for (const t of tallies) {
    const average = averageOf(t);
    if (average === null || (subject && t.subject !== subject)) continue;
    topics.push({ subject: t.subject, topic: t.topic, average, dates: t.dates });
  }
  // Only topics below a five are worth pulling up.
  return topics
    .filter((t) => t.average < 4.5)
    .sort((a, b) => a.average - b.average || a.dates[0].localeCompare(b.dates[0]))
    .slice(0, TOPICS_SHOWN);
}

/** The latest period (by end) among those with fixed marks, and its marks. */
function latestMarks(term: TStudentTerm, periods: readonly TTermPeriod[], subject: string | null): TFinalMark[] {
  const byId = new Map(periods.map((p) => [p.id, p]));
  const marks = term.finalGrades.filter((f) => byId.has(f.periodId) && (!subject || f.subject === subject));
  const latest = marks
    .map((f) => byId.get(f.periodId) as TTermPeriod)
    .filter((p) => p.kind !== 'year')
    .sort((a, b) => a.end.localeCompare(b.end))
    .at(-1);
  return marks
    .filter((f) => !latest || f.periodId === latest.id)
    .map((f) => ({ subject: f.subject, value: f.value, period: refOf(byId.get(f.periodId) as TTermPeriod) }));
}

export async function termAnswer(
  query: TQuery,
  students: readonly TDiaryStudent[],
  refs: readonly TStudentRef[],
  reader: TermReader,
  entries: readonly TAccessEntry[],
  grants: TTeacherGrant[] | null,
  now: Date,
): Promise<TTermAnswer> {
  const days = students.map((s) => dayInZone(now, s.timezone));
  const schools: TSchoolTerms[] = await reader.schoolTerms(
    students.map((s, i) => ({ schoolId: s.schoolId, day: days[i] })),
  );
  const choices = schools.map((s, i) => choosePeriod(s.periods, query.term, days[i]));
  const first = choices[0];
  if ('missing' in first)
    return { kind: 'no-such-period', periodKind: first.missing.kind, number: first.missing.number };
  const chosen = choices.map((c) => ('period' in c ? c.period : first.period));
  // «итоговые» with no period named: the latest marks of the year (the year's own when asked).
  const allFinals = query.intent === 'final-grades' && !query.term;
  const terms = await reader.studentTerms(
    students.map((s, i) => ({
      studentId: s.id,
      classId: s.classId,
      range: { from: chosen[i].start, to: chosen[i].end },
      today: days[i],
      periodIds: allFinals ? schools[i].periods.map((p) => p.id) : [chosen[i].id],
    })),
    {
      subjects: query.intent === 'average' || query.intent === 'needed',
      topics: query.intent === 'topics',
      finalGrades: query.intent === 'final-grades',
      lessonsLeft: query.intent === 'needed',
    },
    entries,
    grants,
  );
  const subject = query.subject;
  const period = refOf(first.period);
  switch (query.intent) {
    case 'final-grades':
      return {
        kind: 'final-grades',
        term: allFinals ? null : period,
        subject,
        sections: refs.map((student, i) => ({
          student,
          marks: allFinals
            ? latestMarks(terms[i], schools[i].periods, subject)
            : latestMarks(terms[i], [chosen[i]], subject),
        })),
      };
    case 'needed':
      return {
        kind: 'needed',
        term: period,
        subject,
        sections: refs.map((student, i) => ({
          student,
          subjects: needs(terms[i], subject, query.target, schools[i].rounding),
        })),
      };
    case 'topics':
      return {
        kind: 'topics',
        term: period,
        subject,
        sections: refs.map((student, i) => ({ student, topics: weakTopics(terms[i].topics, subject) })),
      };
    default:
      return {
        kind: 'average',
        term: period,
        subject,
        sections: refs.map((student, i) => ({
          student,
          subjects: averages(terms[i].subjects, subject, schools[i].rounding),
        })),
      };
  }
}
