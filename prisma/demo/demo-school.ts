import type { TEventData, TEventType, TJournalEvent } from '../../core/ingest';
import { AbsenceBook, MARK_AFTER_START, type TAttendanceMark } from './attendance';
import { formatDay, minutesOf, mondayOf, parseDay, SchoolClock, schoolYearStart } from './calendar';
import { canteenLedger } from './canteen';
import { gradeLesson } from './grades';
import { hasHomework, homeworkText } from './homework-texts';
import { nextLessonOf, planLessons, planOf, type TLessonPlan, type TWindow } from './lessons';
import { PassBook } from './passes';
import { demoPeople, type TDemoPerson } from './people';
import { createRandom } from './prng';
import { roster, studentsOf, type TStudent } from './roster';
import { CLASSES, SCHOOL, SUBJECT_NAMES, subjectId, TEACHERS, type TSubjectCode } from './school-data';
import { demoSchoolNews } from './school-news';
import { demoFinalGrades, demoPeriods, type TDemoPeriod } from './terms';

// The demo school as the journal events a school's e-journal would push: a snapshot taken
// today at DEMO_NOW, school time. Lessons run from Monday `weeksBefore` weeks before today's
// week to Sunday of the next week. The generator has no clock: the same `today` always gives
// the same events, byte for byte.

export type { TDemoPerson } from './people';

export interface DemoOptions {
  /** YYYY-MM-DD in school time. */
  today: string;
  /**
   * Full weeks of history before today's week (default 2, so averages have something to average);
   * up to a school year's 44, which the benchmarks use for a pupil with a whole year of grades.
   */
  weeksBefore?: number;
}

export interface DemoSchool {
  events: TJournalEvent[];
  people: TDemoPerson[];
}

/**
 * The moment of the snapshot. Today's first four lessons (they end at 12:20) are written up
 * — topic, attendance, grades — and the later ones are still planned, which is what a parent
 * sees at lunchtime and what a teacher reminder later in the day needs.
 */
export const DEMO_NOW = '12:30';

/** A school year, September to the end of May, in weeks. */
const MAX_WEEKS_BEFORE = 44;

type TMoment = { day: number; minutes: number };

function event<T extends TEventType>(type: T, id: string, occurredAt: string, data: TEventData<T>): TJournalEvent {
  return { id, type, occurredAt, data } as TJournalEvent;
}

export function generateDemoSchool(options: DemoOptions): DemoSchool {
  const today = parseDay(options.today);
  const weeksBefore = options.weeksBefore ?? 2;
  if (!Number.isInteger(weeksBefore) || weeksBefore < 1 || weeksBefore > MAX_WEEKS_BEFORE)
    throw new Error(`weeksBefore must be an integer from 1 to ${MAX_WEEKS_BEFORE}`);
  const monday = mondayOf(today);
  const window: TWindow = {
    today,
    nowMinutes: minutesOf(DEMO_NOW),
    first: monday - 7 * weeksBefore,
    last: monday + 13,
  };
  const clock = new SchoolClock(SCHOOL.timezone);
  const setup: TMoment = { day: window.first, minutes: 7 * 60 };
  // Nothing is recorded after the snapshot: what is known about the future was entered by then.
  const at = (m: TMoment) =>
    m.day > today || (m.day === today && m.minutes > window.nowMinutes)
      ? clock.at(today, window.nowMinutes)
      : clock.at(m.day, m.minutes);
  const setupAt = at(setup);

  const lessons = planLessons(window);
  const periods = demoPeriods(options.today);
  const absences = new AbsenceBook();
  const passBook = new PassBook();
  const events: TJournalEvent[] = [
    event('school.upserted', `demo:school:${SCHOOL.id}`, setupAt, {
      schoolId: SCHOOL.id,
      name: SCHOOL.name,
      timezone: SCHOOL.timezone,
    }),
    ...periods.map((p) => periodEvent(p, setupAt)),
    ...subjectEvents(setupAt),
    ...TEACHERS.map((t) =>
      event('teacher.upserted', `demo:teacher:${t.id}`, setupAt, {
        schoolId: SCHOOL.id,
        teacherId: t.id,
        lastName: t.lastName,
        firstName: t.firstName,
        middleName: t.middleName,
      }),
    ),
    // After the teachers: a class names its class teacher. The id carries the class teacher, so
    // a demo loaded before classes had one gets them from `dnevnik seed-demo`.
    ...CLASSES.map((c) =>
      event('class.upserted', `demo:class:${c.id}:${c.classTeacherId}`, setupAt, {
        schoolId: SCHOOL.id,
        classId: c.id,
        name: c.name,
        homeroomTeacherId: c.classTeacherId,
      }),
    ),
    ...roster().map((s) =>
      event('student.upserted', `demo:student:${s.id}`, setupAt, {
        schoolId: SCHOOL.id,
        studentId: s.id,
        classId: s.cls.id,
        lastName: s.lastName,
        firstName: s.firstName,
        middleName: s.middleName,
      }),
    ),
    ...lessons.map((l) => lessonEvent(l, at, setupAt)),
    ...homeworkEvents(lessons, monday + 6, at),
    // Sent this morning: the events of next week and an announcement.
    ...demoSchoolNews(today, at({ day: today, minutes: 9 * 60 })),
  ];

  const grades: TJournalEvent[] = [];
  const marks: TJournalEvent[] = [];
  for (const lesson of lessons.filter((l) => l.state === 'held')) {
    const rnd = createRandom('attendance', lesson.id);
    const pupils = studentsOf(lesson.cls).map((student) => ({
      student,
      mark: absences.mark(rnd, student, lesson.day, lesson.slot),
    }));
    const present = pupils.filter((p) => p.mark.status !== 'absent').map((p) => p.student);
    const gradedAt = at({ day: lesson.day, minutes: minutesOf(lesson.end) });
    for (const g of gradeLesson(lesson, present)) {
      grades.push(
        event('grade.upserted', `demo:grade:${g.id}`, gradedAt, {
          gradeId: g.id,
          studentId: g.student.id,
          subjectId: subjectId(lesson.subject),
          date: formatDay(lesson.day),
          value: g.value,
          weight: g.weight,
          lessonId: lesson.id,
          workType: g.workType,
          ...(g.comment ? { comment: g.comment } : {}),
        }),
      );
    }
    const markedAt = at({ day: lesson.day, minutes: minutesOf(lesson.start) + MARK_AFTER_START });
    for (const p of pupils) {
      marks.push(attendanceEvent(lesson, p.student, p.mark, markedAt));
      passBook.attend(lesson, p.student, p.mark.status);
    }
  }
  // Today's lessons still to come: everyone who has not stayed home is in school for them.
  for (const lesson of lessons.filter((l) => l.day === today && l.state === 'planned'))
    for (const student of studentsOf(lesson.cls))
      if (!absences.dayAbsence(student, today)) passBook.attend(lesson, student, 'present');
  const passes = passBook.passes(today, window.nowMinutes).map((p) => {
    const when = clock.at(p.day, p.minutes);
    return event('pass.recorded', `demo:pass:${p.id}`, when, {
      passId: p.id,
      studentId: p.student.id,
      at: when,
      direction: p.direction,
      place: p.place,
    });
  });

  const ledger = roster()
    .flatMap((s) =>
      canteenLedger(
        s,
        { from: schoolYearStart(window.first), first: window.first, today, nowMinutes: window.nowMinutes },
        absences,
      ),
    )
    .sort((a, b) => a.day - b.day || a.minutes - b.minutes || (a.student.id < b.student.id ? -1 : 1));
  const canteen = ledger.map((t) => {
    const when = clock.at(t.day, t.minutes);
    return event('canteen.transaction', `demo:canteen:${t.id}`, when, {
      transactionId: t.id,
      studentId: t.student.id,
      amountKopecks: t.amountKopecks,
      balanceKopecks: t.balanceKopecks,
      at: when,
      description: t.description,
    });
  });

  // A period's marks are fixed on its last day, after lessons.
  const finals = demoFinalGrades(periods, options.today).map((f) =>
    event('final_grade.upserted', `demo:final:${f.id}`, at({ day: parseDay(f.period.period.end), minutes: 16 * 60 }), {
      finalGradeId: f.id,
      studentId: f.student.id,
      subjectId: subjectId(f.subject),
      periodId: f.period.id,
      value: f.value,
    }),
  );

  // A year's worth is past what a spread of arguments may hold.
  for (const part of [grades, finals, marks, passes, canteen]) for (const e of part) events.push(e);
  return { events, people: demoPeople() };
}

function periodEvent(p: TDemoPeriod, setupAt: string): TJournalEvent {
  return event('period.upserted', `demo:period:${p.id}`, setupAt, {
    schoolId: SCHOOL.id,
    periodId: p.id,
    name: p.name,
    kind: p.period.kind,
    start: p.period.start,
    end: p.period.end,
  });
}

function subjectEvents(setupAt: string): TJournalEvent[] {
  const used = new Set(CLASSES.flatMap((c) => c.timetable.flat()));
  return (Object.keys(SUBJECT_NAMES) as TSubjectCode[])
    .filter((code) => used.has(code))
    .map((code) =>
      event('subject.upserted', `demo:subject:${subjectId(code)}`, setupAt, {
        schoolId: SCHOOL.id,
        subjectId: subjectId(code),
        name: SUBJECT_NAMES[code],
      }),
    );
}

/**
 * The event id carries the lesson's state, so generating the demo again on a later day (`dnevnik
 * seed-demo`) sends the written-up lesson as a new event instead of a duplicate of the plan.
 */
function lessonEvent(l: TLessonPlan, at: (m: TMoment) => string, setupAt: string): TJournalEvent {
  const occurredAt =
    l.state === 'held'
      ? at({ day: l.day, minutes: minutesOf(l.end) })
      : l.state === 'cancelled'
        ? at({ day: l.day - 1, minutes: 18 * 60 })
        : setupAt;
  return event('lesson.upserted', `demo:lesson:${l.id}:${l.state}`, occurredAt, {
    lessonId: l.id,
    classId: l.cls.id,
    subjectId: subjectId(l.subject),
    teacherId: l.teacherId,
    date: formatDay(l.day),
    start: l.start,
    end: l.end,
    ...(l.room ? { room: l.room } : {}),
    ...(l.topic ? { topic: l.topic } : {}),
    ...(l.isTest ? { isTest: true } : {}),
    ...(l.state === 'cancelled' ? { cancelled: true } : {}),
    ...(l.onlineUrl ? { onlineUrl: l.onlineUrl } : {}),
  });
}

/**
 * Homework is set at the last lesson of a subject on a day and is due at the subject's next
 * lesson. Teachers plan the current week ahead, so its later lessons carry homework already;
 * next week's do not yet.
 */
function homeworkEvents(lessons: TLessonPlan[], lastDay: number, at: (m: TMoment) => string): TJournalEvent[] {
  return lessons
    .filter((l) => l.state !== 'cancelled' && l.lastOfDay && l.day <= lastDay && hasHomework(l.subject))
    .map((l) => {
      const next = nextLessonOf(l.cls, l.subject, l.day);
      const due = planOf(l.cls, next.day, next.slot);
      const id = `hw-${l.id.slice(4)}`;
      return event('homework.upserted', `demo:homework:${id}`, at({ day: l.day, minutes: minutesOf(l.end) }), {
        homeworkId: id,
        classId: l.cls.id,
        subjectId: subjectId(l.subject),
        dueDate: formatDay(next.day),
        text: homeworkText(l.subject, {
          position: due.position,
          yearLength: due.yearLength,
          topicNumber: due.topicNumber,
          dueIsTest: due.isTest,
        }),
        lessonId: l.id,
      });
    });
}

function attendanceEvent(
  lesson: TLessonPlan,
  student: TStudent,
  mark: TAttendanceMark,
  markedAt: string,
): TJournalEvent {
  return event('attendance.marked', `demo:attendance:${lesson.id}:${student.id}`, markedAt, {
    lessonId: lesson.id,
    studentId: student.id,
    status: mark.status,
    ...(mark.reason ? { reason: mark.reason } : {}),
  });
}
