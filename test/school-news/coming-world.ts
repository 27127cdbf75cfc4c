import { event, type TRawEvent } from '../helpers/journal-fixtures';

// Two schools: in "s", a family's pupil in 5А and a classmate's brother in 6Б; in "other", a pupil
// of 7В. Tests next week (one cancelled, one deleted), and school events for 5А, for the whole
// school, for 6Б alone, a deleted one, and one of the other school. Today is Wednesday 2026-12-02
// in Moscow.

export const TODAY = '2026-12-02';
export const TZ = 'Europe/Moscow';

function lesson(id: string, classId: string, date: string, subject: string, start: string, extra = {}): TRawEvent {
  const [h, m] = start.split(':').map(Number);
  const minutes = h * 60 + m + 45;
  const end = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const school = classId.startsWith('o-') ? 'o' : 's';
  return event('lesson.upserted', {
    lessonId: id,
    classId,
    subjectId: `${school}-${subject}`,
    teacherId: `${school}-t1`,
    date,
    start,
    end,
    ...extra,
  });
}

const student = (schoolId: string, studentId: string, classId: string, firstName: string) =>
  event('student.upserted', { schoolId, studentId, classId, lastName: 'Иванов', firstName });

export const COMING_WORLD: TRawEvent[] = [
  event('school.upserted', { schoolId: 's', name: 'Школа № 5', timezone: TZ }),
  event('school.upserted', { schoolId: 'other', name: 'Школа № 6', timezone: TZ }),
  event('class.upserted', { schoolId: 's', classId: 's-5a', name: '5А' }),
  event('class.upserted', { schoolId: 's', classId: 's-6b', name: '6Б' }),
  event('class.upserted', { schoolId: 'other', classId: 'o-7v', name: '7В' }),
  event('subject.upserted', { schoolId: 's', subjectId: 's-alg', name: 'Алгебра' }),
  event('subject.upserted', { schoolId: 's', subjectId: 's-phys', name: 'Физика' }),
  event('subject.upserted', { schoolId: 'other', subjectId: 'o-alg', name: 'Алгебра' }),
  event('teacher.upserted', { schoolId: 's', teacherId: 's-t1', lastName: 'Петрова', firstName: 'Анна' }),
  event('teacher.upserted', { schoolId: 'other', teacherId: 'o-t1', lastName: 'Белова', firstName: 'Ольга' }),
  student('s', 's-st1', 's-5a', 'Маша'),
  student('s', 's-st2', 's-6b', 'Петя'),
  student('other', 'o-st1', 'o-7v', 'Коля'),
  // 5А on Friday 11 December: physics first, the algebra test second.
  lesson('l1', 's-5a', '2026-12-11', 'phys', '08:30'),
  lesson('l2', 's-5a', '2026-12-11', 'alg', '09:30', { isTest: true, topic: 'Квадратные уравнения' }),
  lesson('l3', 's-5a', '2026-12-08', 'phys', '10:30', { isTest: true, topic: 'Законы Ньютона' }),
  lesson('l4', 's-5a', '2026-12-09', 'alg', '10:30', { isTest: true, cancelled: true }),
  lesson('l5', 's-5a', '2026-12-10', 'alg', '10:30', { isTest: true }),
  event('lesson.deleted', { lessonId: 'l5' }),
  // Friday 4 December, the day of the volleyball match.
  lesson('l9', 's-5a', '2026-12-04', 'phys', '08:30'),
  // Far off: past the default fortnight.
  lesson('l6', 's-5a', '2026-12-28', 'alg', '08:30', { isTest: true, topic: 'Итоговая' }),
  lesson('l7', 's-6b', '2026-12-08', 'alg', '08:30', { isTest: true, topic: 'Дроби' }),
  lesson('l8', 'o-7v', '2026-12-08', 'alg', '08:30', { isTest: true, topic: 'Чужая' }),
  event('school_event.upserted', {
    schoolEventId: 'ev-5a',
    schoolId: 's',
    classIds: ['s-5a'],
    title: 'Турнир по волейболу',
    date: '2026-12-04',
    start: '15:00',
    end: '17:00',
    place: 'Спортзал',
    onlineUrl: 'https://example.org/live',
  }),
  event('school_event.upserted', {
    schoolEventId: 'ev-all',
    schoolId: 's',
    title: 'День открытых дверей',
    date: '2026-12-03',
  }),
  event('school_event.upserted', {
    schoolEventId: 'ev-6b',
    schoolId: 's',
    classIds: ['s-6b'],
    title: 'Экскурсия',
    date: '2026-12-04',
  }),
  event('school_event.upserted', { schoolEventId: 'ev-gone', schoolId: 's', title: 'Отменено', date: '2026-12-04' }),
  event('school_event.deleted', { schoolEventId: 'ev-gone' }),
  event('school_event.upserted', {
    schoolEventId: 'ev-o',
    schoolId: 'other',
    title: 'Чужой концерт',
    date: '2026-12-04',
  }),
];
