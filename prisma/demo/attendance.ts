import { mondayOf, weekday } from './calendar';
import { chance, createRandom, randomInt, type TRandom } from './prng';
import type { TStudent } from './roster';

// Who was at a lesson. Whole-day absences (a cold that lasts a few days, a family trip) come
// from the student and the date alone, because the canteen needs them too: a pupil at home
// buys no lunch.

export type TAttendanceStatus = 'present' | 'absent' | 'late';

/** Attendance is marked this many minutes into a lesson: a latecomer is in class by then. */
export const MARK_AFTER_START = 5;

export interface TAttendanceMark {
  status: TAttendanceStatus;
  reason: string | null;
}

const ILLNESS = 'болезнь';
const FAMILY = 'по заявлению родителей';
const LATE_REASONS = ['задержка транспорта', 'посещение врача'] as const;
const SKIP_REASONS = ['соревнования', 'олимпиада', 'медосмотр', 'без уважительной причины'] as const;

/** A pupil's whole-day absences in one week: weekdays 1–5, 0 when none. */
interface TWeekAbsence {
  sickFrom: number;
  sickTo: number;
  awayDay: number;
}

/** Whole-day absences, memoised per pupil and week (lessons and the canteen ask for every day). */
export class AbsenceBook {
  private readonly weeks = new Map<string, Map<number, TWeekAbsence>>();

  /** The reason a student missed the whole day, or null when they came. */
  dayAbsence(student: TStudent, day: number): string | null {
    let byWeek = this.weeks.get(student.id);
    if (!byWeek) this.weeks.set(student.id, (byWeek = new Map()));
    const monday = mondayOf(day);
    let week = byWeek.get(monday);
    if (!week) byWeek.set(monday, (week = weekOf(student, monday)));
    const d = weekday(day);
    if (d >= week.sickFrom && d <= week.sickTo) return ILLNESS;
    return d === week.awayDay ? FAMILY : null;
  }

  /** A mark for one pupil at one lesson; `rnd` is the lesson's own generator. */
  mark(rnd: TRandom, student: TStudent, day: number, slot: number): TAttendanceMark {
    const away = this.dayAbsence(student, day);
    // Always three draws per pupil, so one pupil's absence does not reshuffle the others' marks.
    const late = rnd();
    const skip = rnd();
    const why = rnd();
    if (away) return { status: 'absent', reason: away };
    if (late < (slot === 1 ? 0.03 : 0.004))
      return { status: 'late', reason: why < 0.5 ? LATE_REASONS[Math.floor(why * 4)] : null };
    if (skip < 0.004) return { status: 'absent', reason: SKIP_REASONS[Math.floor(why * SKIP_REASONS.length)] };
    return { status: 'present', reason: null };
  }
}

/**
 * About one pupil in twenty catches a cold in a given week and stays home for two to four days;
 * now and then a family keeps a child at home for a day.
 */
function weekOf(student: TStudent, monday: number): TWeekAbsence {
  const rnd = createRandom('absence', student.id, monday);
  const sick = chance(rnd, 0.05);
  const sickFrom = randomInt(rnd, 1, 5);
  const sickTo = sickFrom + randomInt(rnd, 1, 3);
  const away = chance(rnd, 0.03);
  const awayDay = randomInt(rnd, 1, 5);
  return { sickFrom: sick ? sickFrom : 0, sickTo: sick ? sickTo : -1, awayDay: away ? awayDay : 0 };
}
