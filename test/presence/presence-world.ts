import { event, type TRawEvent } from '../helpers/journal-fixtures';

// One school that sends turnstile passes and one that does not, with a family's two pupils and
// another school's pupil; lessons of a few days with attendance marks, among them a cancelled and
// a deleted lesson whose marks must not count. Today is Wednesday 2026-12-02 in Moscow (UTC+3).

export const TODAY = '2026-12-02';
export const TZ = 'Europe/Moscow';

function lesson(id: string, classId: string, date: string, subject: string, start: string, extra = {}): TRawEvent {
  const [h, m] = start.split(':').map(Number);
  const end = `${String(h).padStart(2, '0')}:${String(m + 45).padStart(2, '0')}`;
  return event('lesson.upserted', {
    lessonId: id,
    classId,
    subjectId: `s-${subject}`,
    teacherId: subject === 'math' ? 's-t1' : 's-t2',
    date,
    start,
    end,
    ...extra,
  });
}

const mark = (lessonId: string, studentId: string, status: string) =>
  event('attendance.marked', { lessonId, studentId, status });

const pass = (passId: string, studentId: string, at: string, direction: 'in' | 'out', place?: string) =>
  event('pass.recorded', { passId, studentId, at, direction, ...(place ? { place } : {}) });

export const PRESENCE_WORLD: TRawEvent[] = [
  event('school.upserted', { schoolId: 's', name: 'Школа № 5', timezone: TZ }),
  event('school.upserted', { schoolId: 'other', name: 'Школа № 6', timezone: TZ }),
  event('class.upserted', { schoolId: 's', classId: 's-5a', name: '5А' }),
  event('class.upserted', { schoolId: 's', classId: 's-6b', name: '6Б' }),
  event('class.upserted', { schoolId: 'other', classId: 'o-7v', name: '7В' }),
  event('subject.upserted', { schoolId: 's', subjectId: 's-math', name: 'Математика' }),
  event('subject.upserted', { schoolId: 's', subjectId: 's-phys', name: 'Физика' }),
  event('subject.upserted', { schoolId: 'other', subjectId: 'o-math', name: 'Математика' }),
  event('teacher.upserted', { schoolId: 's', teacherId: 's-t1', lastName: 'Петрова', firstName: 'Анна' }),
  event('teacher.upserted', { schoolId: 's', teacherId: 's-t2', lastName: 'Орлов', firstName: 'Иван' }),
  event('teacher.upserted', { schoolId: 'other', teacherId: 'o-t1', lastName: 'Белова', firstName: 'Ольга' }),
  event('student.upserted', {
    schoolId: 's',
    studentId: 's-st1',
    classId: 's-5a',
    lastName: 'Иванова',
    firstName: 'Маша',
  }),
  event('student.upserted', {
    schoolId: 's',
    studentId: 's-st2',
    classId: 's-6b',
    lastName: 'Иванов',
    firstName: 'Петя',
  }),
  event('student.upserted', {
    schoolId: 's',
    studentId: 's-st3',
    classId: 's-5a',
    lastName: 'Орлова',
    firstName: 'Варвара',
  }),
  event('student.upserted', {
    schoolId: 'other',
    studentId: 'o-st1',
    classId: 'o-7v',
    lastName: 'Сидоров',
    firstName: 'Коля',
  }),
  // Маша today: in at 08:05, out for lunch at 12:00, back at 12:30; and passes just outside the day.
  pass('p0', 's-st1', '2026-12-01T23:30:00+03:00', 'out'),
  pass('p1', 's-st1', '2026-12-02T08:05:00+03:00', 'in', 'Главный вход'),
  pass('p2', 's-st1', '2026-12-02T12:00:00+03:00', 'out'),
  pass('p3', 's-st1', '2026-12-02T12:30:00+03:00', 'in'),
  pass('p4', 's-st1', '2026-12-03T00:10:00+03:00', 'in'),
  // Маша yesterday: came and went.
  pass('p5', 's-st1', '2026-12-01T08:10:00+03:00', 'in'),
  pass('p6', 's-st1', '2026-12-01T14:20:00+03:00', 'out'),
  // Варвара, a classmate of another family, today.
  pass('p7', 's-st3', '2026-12-02T07:55:00+03:00', 'in'),
  // Petya has none today; Коля's school sends none at all.
  // 5А: maths yesterday, two physics lessons today, maths today cancelled, a deleted one, older physics.
  lesson('l1', 's-5a', '2026-12-01', 'math', '09:00'),
  lesson('l2', 's-5a', TODAY, 'phys', '09:00'),
  lesson('l3', 's-5a', TODAY, 'phys', '10:00'),
  lesson('l4', 's-5a', TODAY, 'math', '11:00', { cancelled: true }),
  lesson('l5', 's-5a', '2026-11-30', 'math', '09:00'),
  lesson('l6', 's-5a', '2026-11-25', 'phys', '09:00'),
  lesson('l7', 's-5a', '2026-11-26', 'math', '09:00'),
  lesson('p1l', 's-6b', TODAY, 'math', '09:00'),
  event('lesson.upserted', {
    lessonId: 'o1',
    classId: 'o-7v',
    subjectId: 'o-math',
    teacherId: 'o-t1',
    date: TODAY,
    start: '09:00',
    end: '09:45',
  }),
  mark('l1', 's-st1', 'absent'),
  mark('l2', 's-st1', 'late'),
  mark('l4', 's-st1', 'absent'),
  mark('l5', 's-st1', 'absent'),
  mark('l6', 's-st1', 'absent'),
  mark('l7', 's-st1', 'late'),
  mark('l2', 's-st3', 'present'),
  mark('l1', 's-st3', 'absent'),
  mark('p1l', 's-st2', 'absent'),
  mark('o1', 'o-st1', 'absent'),
  event('lesson.deleted', { lessonId: 'l5' }),
];
