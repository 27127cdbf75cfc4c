import { MARK_AFTER_START, type TAttendanceStatus } from './attendance';
import { compactDay, minutesOf } from './calendar';
import type { TLessonPlan } from './lessons';
import { chance, createRandom, randomInt } from './prng';
import type { TStudent } from './roster';
import { BELLS } from './school-data';

// Turnstile passes («Москвёнок») that agree with the journal: a pupil comes in before the first
// lesson they were at and goes out after the last one. A pupil's day is drawn from a PRNG seeded
// by the pupil and the date, with the same draws whatever happened, so a past day's passes are
// the same whichever "today" the demo is generated for (only today's are cut at the snapshot).

export interface TPass {
  id: string;
  student: TStudent;
  day: number;
  minutes: number;
  direction: 'in' | 'out';
  place: string;
}

const MAIN = 'Главный вход';
const YARD = 'Вход со двора';
/** About four step-outs a week in a school of a hundred pupils (500 pupil-days). */
const STEP_OUT_CHANCE = 0.008;

/** The lessons a pupil was (or, later today, will be) in school for, in bell order. */
interface TPupilDay {
  student: TStudent;
  day: number;
  first: TLessonPlan;
  lateForFirst: boolean;
  last: TLessonPlan;
}

export class PassBook {
  private readonly days = new Map<string, TPupilDay>();

  /**
   * One pupil at one lesson, called in bell order for each pupil and day: a written-up lesson
   * with its mark, or one still to come today ('present' for a pupil who has not stayed home).
   * Cancelled lessons are not passed here: nobody comes in for them.
   */
  attend(lesson: TLessonPlan, student: TStudent, status: TAttendanceStatus): void {
    if (status === 'absent') return;
    const key = `${student.id}|${lesson.day}`;
    const known = this.days.get(key);
    if (known) known.last = lesson;
    else this.days.set(key, { student, day: lesson.day, first: lesson, lateForFirst: status === 'late', last: lesson });
  }

  /** Every pass up to the snapshot (`today` at `nowMinutes`), by time, then pupil. */
  passes(today: number, nowMinutes: number): TPass[] {
    const happened = (p: TPass) => p.day < today || (p.day === today && p.minutes <= nowMinutes);
    return [...this.days.values()]
      .flatMap(dayPasses)
      .filter(happened)
      .sort((a, b) => a.day - b.day || a.minutes - b.minutes || (a.id < b.id ? -1 : 1));
  }
}

function dayPasses(d: TPupilDay): TPass[] {
  const rnd = createRandom('pass', d.student.id, d.day);
  // Every draw is taken whether it is used or not, so one choice does not shift the others.
  const early = randomInt(rnd, 5, 25);
  const lateBy = randomInt(rnd, 1, MARK_AFTER_START - 2);
  const stay = randomInt(rnd, 5, 40);
  const inPlace = chance(rnd, 0.15) ? YARD : MAIN;
  const outPlace = chance(rnd, 0.2) ? YARD : MAIN;
  const steps = chance(rnd, STEP_OUT_CHANCE);
  const stepBreak = rnd();
  const stepAfter = randomInt(rnd, 1, 3);
  const stepAway = randomInt(rnd, 2, 5);

  const passes: TPass[] = [];
  const add = (minutes: number, direction: TPass['direction'], place: string) =>
    passes.push({
      id: `pass-${compactDay(d.day)}-${d.student.code}-${passes.length + 1}`,
      student: d.student,
      day: d.day,
      minutes,
      direction,
      place,
    });

  const firstStart = minutesOf(d.first.start);
  // A latecomer passes the turnstile after the bell, a couple of minutes before being marked late.
  add(d.lateForFirst ? firstStart + lateBy : firstStart - early, 'in', inPlace);
  if (steps && d.last.slot > d.first.slot) {
    // Out and back within one break (the shortest is ten minutes): to the shop, to meet a parent.
    const slot = d.first.slot + Math.floor(stepBreak * (d.last.slot - d.first.slot));
    const out = minutesOf(BELLS[slot - 1].end) + stepAfter;
    add(out, 'out', YARD);
    add(out + stepAway, 'in', YARD);
  }
  add(minutesOf(d.last.end) + stay, 'out', outPlace);
  return passes;
}
