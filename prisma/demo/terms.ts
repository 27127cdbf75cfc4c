import { defaultPeriods, schoolYearOf, type TPeriod } from '../../core/terms';
import { chance, createRandom, type TRandom } from './prng';
import { studentsOf, type TStudent } from './roster';
import { CLASSES, type TClassInfo, type TSubjectCode } from './school-data';

// The demo school's marking periods and the marks fixed for those already over. A Moscow school:
// its periods are the default dates (core/terms/default-periods.ts), sent as the school's own, in
// quarters for the 5th to 9th grades and halves for the 10th, as Russian schools mark the senior
// grades, and a year for all. Everything is drawn from seeds of the period, pupil and subject, so
// a mark reads the same whichever "today" the demo is generated for.

export interface TDemoPeriod {
  id: string;
  name: string;
  period: TPeriod;
}

export interface TDemoFinalGrade {
  id: string;
  period: TDemoPeriod;
  student: TStudent;
  subject: TSubjectCode;
  value: '2' | '3' | '4' | '5' | 'зачёт' | 'незачёт' | 'н/а' | 'осв.';
}

const NAMES = { quarter: 'четверть', trimester: 'триместр', half: 'полугодие' } as const;

/** The periods of the school year containing `today`. */
export function demoPeriods(today: string): TDemoPeriod[] {
  const year = schoolYearOf(today).firstYear;
  return defaultPeriods(today).map((period) => ({
    // per-2026-q1, per-2026-h2, per-2026-y
    id: `per-${year}-${period.kind === 'year' ? 'y' : `${period.kind[0]}${period.number}`}`,
    name: period.kind === 'year' ? 'Учебный год' : `${period.number} ${NAMES[period.kind]}`,
    period,
  }));
}

/** Whether a class is marked for a period of this kind. */
function marksFor(cls: TClassInfo, period: TPeriod): boolean {
  if (period.kind === 'year') return true;
  return cls.grade >= 10 ? period.kind === 'half' : period.kind === 'quarter';
}

/**
 * The marks fixed for every period that ended before `today`: each pupil's usual grade give or
 * take a little, the project pass/fail, and now and then a pupil exempt from physical education
 * or not assessed after a long illness.
 */
export function demoFinalGrades(periods: readonly TDemoPeriod[], today: string): TDemoFinalGrade[] {
  const marks: TDemoFinalGrade[] = [];
  for (const period of periods.filter((p) => p.period.end < today)) {
    for (const cls of CLASSES.filter((c) => marksFor(c, period.period))) {
      const subjects = [...new Set(cls.timetable.flat())];
      for (const student of studentsOf(cls)) {
        for (const subject of subjects) {
          const rnd = createRandom('final', period.id, student.id, subject);
          marks.push({
            id: `fin-${period.id.slice(4)}-${student.code}-${subject}`,
            period,
            student,
            subject,
            value: markOf(rnd, student, subject),
          });
        }
      }
    }
  }
  return marks;
}

function markOf(rnd: TRandom, student: TStudent, subject: TSubjectCode): TDemoFinalGrade['value'] {
  if (subject === 'proj') return chance(rnd, 0.95) ? 'зачёт' : 'незачёт';
  if (subject === 'pe' && chance(rnd, 0.04)) return 'осв.';
  if (chance(rnd, 0.005)) return 'н/а';
  const noise = (rnd() + rnd() - 1) * 0.8;
  return String(Math.min(5, Math.max(2, Math.round(student.ability + noise)))) as '2' | '3' | '4' | '5';
}
