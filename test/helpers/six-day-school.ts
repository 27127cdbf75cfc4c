import { addDays, isoWeekday } from '../../core/calendar/civil-date';
import type { Database } from '../../prisma/db/database';
import { event, type TRawEvent } from './journal-fixtures';
import { ingest } from './reminder-fixtures';

// A second school beside the demo one, sent through ingestion: it teaches six days a week, and
// its class has the demo's name 5А, a pupil with the demo's name Мария and a subject with the
// demo's name Алгебра, which the demo's 5А does not have. Nothing of it may change how the demo
// family's answers are worded. Two lessons a day, Monday to Saturday, 16 November to 12 December 2026.

export const SIX = {
  school: 'six',
  classId: 'six-5a',
  pupil: 'six-st1',
  parent: 'six-parent',
  algebra: 'six-alg',
  firstDay: '2026-11-16',
  lastDay: '2026-12-12',
} as const;

export function sixDaySchoolEvents(): TRawEvent[] {
  const events: TRawEvent[] = [
    event('school.upserted', { schoolId: SIX.school, name: 'Гимназия № 6', timezone: 'Europe/Moscow' }),
    event('class.upserted', { schoolId: SIX.school, classId: SIX.classId, name: '5А' }),
    event('subject.upserted', { schoolId: SIX.school, subjectId: SIX.algebra, name: 'Алгебра' }),
    event('subject.upserted', { schoolId: SIX.school, subjectId: 'six-rus', name: 'Русский язык' }),
    event('teacher.upserted', { schoolId: SIX.school, teacherId: 'six-t1', lastName: 'Белкина', firstName: 'Вера' }),
    event('student.upserted', {
      schoolId: SIX.school,
      studentId: SIX.pupil,
      classId: SIX.classId,
      lastName: 'Зайцева',
      firstName: 'Мария',
    }),
  ];
  for (let day: string = SIX.firstDay; day <= SIX.lastDay; day = addDays(day, 1)) {
    if (isoWeekday(day) === 7) continue;
    for (const [slot, subjectId] of [SIX.algebra, 'six-rus'].entries())
      events.push(
        event('lesson.upserted', {
          lessonId: `six-l-${day}-${slot}`,
          classId: SIX.classId,
          subjectId,
          teacherId: 'six-t1',
          date: day,
          start: slot === 0 ? '08:30' : '09:25',
          end: slot === 0 ? '09:15' : '10:10',
          room: 'Спортзал 2',
        }),
      );
  }
  return events;
}

/** The school's data and a parent of its Мария, linked the way a code would link them. */
export async function loadSixDaySchool(db: Database): Promise<void> {
  await ingest(db, sixDaySchoolEvents());
  await db.prisma.person.create({
    data: { id: SIX.parent, studentLinks: { create: { studentId: SIX.pupil, role: 'guardian' } } },
  });
}
