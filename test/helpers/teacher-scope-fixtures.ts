import { event, type TRawEvent } from './journal-fixtures';

// Two schools for the teachers' view of their pupils, everything sent through ingestion. School
// "ts" (Moscow): 5А (class teacher T.home) and 6Б; algebra, physics, Russian. Its teachers, as
// of Wednesday 2 December 2026:
// - T.alg teaches 5А algebra every week (regular);
// - T.phys teaches 5А physics every week (regular), but was ill on 1 December, so
// - T.sub stood in for that one physics lesson in 5А (a substitution);
// - T.old taught one 5А algebra lesson on 2 November and none since;
// - T.ahead has one 6Б physics lesson coming on 10 December;
// - T.home teaches nothing and is 5А's class teacher.
// School "os" has its own 5А with a Мария of its own and its own teacher.

export const TS = 'ts';
export const T = {
  alg: 'ts-t-alg',
  phys: 'ts-t-phys',
  sub: 'ts-t-sub',
  old: 'ts-t-old',
  ahead: 'ts-t-ahead',
  home: 'ts-t-home',
  other: 'os-t',
} as const;
/** Мария and Иван in 5А, Ольга in 6Б; Мария of the other school. */
export const P = { maria: 'ts-st1', ivan: 'ts-st2', olga: 'ts-st3', otherMaria: 'os-st1' } as const;

type TLesson = { id: string; teacherId: string; classId: string; subjectId: string; date: string; second?: boolean };

export const LESSONS: TLesson[] = [
  { id: 'l-alg-1', teacherId: T.alg, classId: 'ts-5a', subjectId: 'ts-alg', date: '2026-11-25' },
  { id: 'l-alg-2', teacherId: T.alg, classId: 'ts-5a', subjectId: 'ts-alg', date: '2026-12-01' },
  { id: 'l-alg-3', teacherId: T.alg, classId: 'ts-5a', subjectId: 'ts-alg', date: '2026-12-03' },
  { id: 'l-phys-1', teacherId: T.phys, classId: 'ts-5a', subjectId: 'ts-phys', date: '2026-11-24', second: true },
  { id: 'l-phys-2', teacherId: T.phys, classId: 'ts-5a', subjectId: 'ts-phys', date: '2026-11-26', second: true },
  { id: 'l-phys-3', teacherId: T.phys, classId: 'ts-5a', subjectId: 'ts-phys', date: '2026-12-03', second: true },
  { id: 'l-sub', teacherId: T.sub, classId: 'ts-5a', subjectId: 'ts-phys', date: '2026-12-01', second: true },
  { id: 'l-old', teacherId: T.old, classId: 'ts-5a', subjectId: 'ts-alg', date: '2026-11-02' },
  { id: 'l-ahead', teacherId: T.ahead, classId: 'ts-6b', subjectId: 'ts-phys', date: '2026-12-10' },
  { id: 'l-os-1', teacherId: T.other, classId: 'os-5a', subjectId: 'os-alg', date: '2026-11-25' },
  { id: 'l-os-2', teacherId: T.other, classId: 'os-5a', subjectId: 'os-alg', date: '2026-12-01' },
];

type TGrade = { id: string; studentId: string; subjectId: string; date: string; lessonId?: string; value: string };

export const GRADES: TGrade[] = [
  { id: 'g-alg-1', studentId: P.maria, subjectId: 'ts-alg', date: '2026-11-25', lessonId: 'l-alg-1', value: '5' },
  { id: 'g-alg-2', studentId: P.maria, subjectId: 'ts-alg', date: '2026-12-01', lessonId: 'l-alg-2', value: '4' },
  { id: 'g-phys-1', studentId: P.maria, subjectId: 'ts-phys', date: '2026-11-26', lessonId: 'l-phys-2', value: '3' },
  { id: 'g-sub', studentId: P.maria, subjectId: 'ts-phys', date: '2026-12-01', lessonId: 'l-sub', value: '5' },
  // A journal that sends no lessonId: the substitute's by subject and date.
  { id: 'g-sub-bare', studentId: P.maria, subjectId: 'ts-phys', date: '2026-12-01', value: '4' },
  { id: 'g-rus', studentId: P.maria, subjectId: 'ts-rus', date: '2026-12-01', value: '5' },
  { id: 'g-ivan-alg', studentId: P.ivan, subjectId: 'ts-alg', date: '2026-12-01', lessonId: 'l-alg-2', value: '3' },
  { id: 'g-olga-phys', studentId: P.olga, subjectId: 'ts-phys', date: '2026-11-30', value: '5' },
  { id: 'g-os', studentId: P.otherMaria, subjectId: 'os-alg', date: '2026-12-01', lessonId: 'l-os-2', value: '2' },
];

const school = (id: string, name: string): TRawEvent[] => [
  event('school.upserted', { schoolId: id, name, timezone: 'Europe/Moscow' }),
];
const teacher = (schoolId: string, teacherId: string, lastName: string) =>
  event('teacher.upserted', { schoolId, teacherId, lastName, firstName: 'Анна' });
const student = (schoolId: string, studentId: string, classId: string, firstName: string) =>
  event('student.upserted', { schoolId, studentId, classId, lastName: 'Ученик', firstName });

export function teacherScopeEvents(): TRawEvent[] {
  return [
    ...school(TS, 'Школа № 7'),
    ...school('os', 'Школа № 8'),
    event('subject.upserted', { schoolId: TS, subjectId: 'ts-alg', name: 'Алгебра' }),
    event('subject.upserted', { schoolId: TS, subjectId: 'ts-phys', name: 'Физика' }),
    event('subject.upserted', { schoolId: TS, subjectId: 'ts-rus', name: 'Русский язык' }),
    event('subject.upserted', { schoolId: 'os', subjectId: 'os-alg', name: 'Алгебра' }),
    ...Object.entries(T).map(([key, id]) => teacher(id.startsWith('os') ? 'os' : TS, id, `Учитель-${key}`)),
    event('class.upserted', { schoolId: TS, classId: 'ts-5a', name: '5А', homeroomTeacherId: T.home }),
    event('class.upserted', { schoolId: TS, classId: 'ts-6b', name: '6Б' }),
    event('class.upserted', { schoolId: 'os', classId: 'os-5a', name: '5А' }),
    student(TS, P.maria, 'ts-5a', 'Мария'),
    student(TS, P.ivan, 'ts-5a', 'Иван'),
    student(TS, P.olga, 'ts-6b', 'Ольга'),
    student('os', P.otherMaria, 'os-5a', 'Мария'),
    ...LESSONS.map((l) =>
      event('lesson.upserted', {
        lessonId: l.id,
        classId: l.classId,
        subjectId: l.subjectId,
        teacherId: l.teacherId,
        date: l.date,
        ...(l.second ? { start: '09:25', end: '10:10' } : { start: '08:30', end: '09:15' }),
      }),
    ),
    event('homework.upserted', {
      homeworkId: 'hw-alg',
      classId: 'ts-5a',
      subjectId: 'ts-alg',
      dueDate: '2026-12-03',
      text: '№ 12',
      lessonId: 'l-alg-2',
    }),
    event('homework.upserted', {
      homeworkId: 'hw-phys',
      classId: 'ts-5a',
      subjectId: 'ts-phys',
      dueDate: '2026-12-03',
      text: '§ 4',
      lessonId: 'l-sub',
    }),
    ...GRADES.map((g) =>
      event('grade.upserted', {
        gradeId: g.id,
        studentId: g.studentId,
        subjectId: g.subjectId,
        date: g.date,
        value: g.value,
        weight: 1,
        ...(g.lessonId ? { lessonId: g.lessonId } : {}),
      }),
    ),
  ];
}
