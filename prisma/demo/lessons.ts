import { compactDay, minutesOf, mondayOf, schoolYearStart, weekday } from './calendar';
import { createRandom, hashSeed, pick, randomInt } from './prng';
import {
  BELLS,
  CLASSES,
  hoursPerWeek,
  type TClassInfo,
  type TSubjectCode,
  teacherById,
  teacherOf,
} from './school-data';
import { TEST_TITLES, topicAt } from './topics';

// Lessons of the demo window, expanded from the weekly timetable. Everything about a lesson
// (its topic, whether it is a test, cancelled or online) is a function of its class, date and
// slot alone, so the same lesson looks the same whichever "today" the demo is generated for;
// only its state (held or still planned) depends on today.

export type TLessonState = 'held' | 'planned' | 'cancelled';

export interface TWindow {
  today: number;
  /** Lessons that end at or before this minute of today are held; later ones are planned. */
  nowMinutes: number;
  first: number;
  last: number;
}

export interface TLessonPlan {
  id: string;
  cls: TClassInfo;
  subject: TSubjectCode;
  teacherId: string;
  day: number;
  slot: number;
  start: string;
  end: string;
  room: string | null;
  /** Place of the lesson in its subject's school year, and the year's length in lessons. */
  position: number;
  yearLength: number;
  topicNumber: number;
  isTest: boolean;
  onlineUrl: string | null;
  state: TLessonState;
  topic: string | null;
  /** The last lesson of its subject that day: homework is set there (technology is a double). */
  lastOfDay: boolean;
}

/** A school year of 34 weeks, as the federal curriculum counts it. */
const YEAR_WEEKS = 34;
/** Subjects whose journals have контрольные: the rest are graded for classwork only. */
const TESTED = new Set<TSubjectCode>([
  'rus',
  'lit',
  'math',
  'alg',
  'geom',
  'prob',
  'inf',
  'phys',
  'chem',
  'bio',
  'geo',
  'hist',
  'soc',
  'eng',
]);
/** Subjects that make sense over a video call. */
const ONLINE_FRIENDLY = new Set<TSubjectCode>([
  'rus',
  'lit',
  'math',
  'alg',
  'geom',
  'prob',
  'inf',
  'hist',
  'soc',
  'eng',
  'geo',
  'bio',
]);
const ONLINE_BASE = 'https://meet.school1357.example/';

function lessonId(cls: TClassInfo, day: number, slot: number): string {
  return `les-${cls.code}-${compactDay(day)}-${slot}`;
}

/** Which lesson of its subject this is since the school year began. */
function ordinalOf(cls: TClassInfo, subject: TSubjectCode, day: number, slot: number): number {
  const weekIndex = (mondayOf(day) - schoolYearStart(day)) / 7;
  let inWeek = 0;
  cls.timetable.forEach((lessons, d) =>
    lessons.forEach((s, i) => {
      if (s === subject && (d + 1 < weekday(day) || (d + 1 === weekday(day) && i + 1 < slot))) inWeek++;
    }),
  );
  return weekIndex * hoursPerWeek(cls, subject) + inWeek;
}

/**
 * Tests come every four weeks (every eight for one-hour subjects). Each class and subject has
 * its own phase, so a class writes two or three tests a week rather than all of them at once.
 */
function isTestLesson(cls: TClassInfo, subject: TSubjectCode, ordinal: number): boolean {
  if (!TESTED.has(subject)) return false;
  const hours = hoursPerWeek(cls, subject);
  const period = hours * (hours >= 2 ? 4 : 8);
  return (ordinal + hashSeed('test-phase', cls.code, subject)) % period === period - 1;
}

function subjectAt(cls: TClassInfo, day: number, slot: number): TSubjectCode | undefined {
  return cls.timetable[weekday(day) - 1]?.[slot - 1];
}

function testAt(cls: TClassInfo, day: number, slot: number): boolean {
  const subject = subjectAt(cls, day, slot);
  return subject !== undefined && isTestLesson(cls, subject, ordinalOf(cls, subject, day, slot));
}

interface TWeekSpecial {
  kind: 'cancelled' | 'online';
  lessonId: string;
}

/**
 * Every other week one lesson somewhere is cancelled (a teacher off sick), and once in four
 * weeks one goes online instead; a four-week window therefore shows two of the first and one
 * of the second. Chosen from the week alone, never from today.
 */
function weekSpecial(monday: number): TWeekSpecial | null {
  const turn = ((((monday - 4) / 7) % 4) + 4) % 4;
  if (turn === 3) return null;
  const kind = turn === 1 ? 'online' : 'cancelled';
  const rnd = createRandom('week-special', monday);
  const cls = pick(rnd, CLASSES);
  const day = monday + randomInt(rnd, 0, 4);
  const lessons = cls.timetable[weekday(day) - 1];
  const candidates = lessons
    .map((subject, i) => ({ subject, slot: i + 1 }))
    .filter(({ subject, slot }) => lessons.filter((s) => s === subject).length === 1 && !testAt(cls, day, slot))
    .filter(({ subject }) => kind === 'cancelled' || ONLINE_FRIENDLY.has(subject));
  if (candidates.length === 0) return null;
  return { kind, lessonId: lessonId(cls, day, pick(rnd, candidates).slot) };
}

function planLesson(
  cls: TClassInfo,
  day: number,
  slot: number,
  window: TWindow,
  special: TWeekSpecial | null,
): TLessonPlan {
  const subject = subjectAt(cls, day, slot)!;
  const id = lessonId(cls, day, slot);
  const facts = planOf(cls, day, slot);
  const bell = BELLS[slot - 1];
  const teacherId = teacherOf(cls, subject);
  const online = special?.kind === 'online' && special.lessonId === id;
  const cancelled = special?.kind === 'cancelled' && special.lessonId === id;
  const held = day < window.today || (day === window.today && minutesOf(bell.end) <= window.nowMinutes);
  const state: TLessonState = cancelled ? 'cancelled' : held ? 'held' : 'planned';
  const testTitle = `${TEST_TITLES[subject] ?? 'Контрольная работа'}: ${facts.topic.base}`;
  return {
    id,
    cls,
    subject,
    teacherId,
    day,
    slot,
    start: bell.start,
    end: bell.end,
    room: online ? null : teacherById(teacherId).room,
    position: facts.position,
    yearLength: facts.yearLength,
    topicNumber: facts.topicNumber,
    isTest: facts.isTest,
    onlineUrl: online ? `${ONLINE_BASE}${id}` : null,
    state,
    // A planned lesson has no topic yet: teachers fill it in when they write the lesson up. A test
    // is announced with what it covers, so a parent can ask what the test will be on.
    topic: facts.isTest ? testTitle : state !== 'held' ? null : facts.topic.title,
    lastOfDay: cls.timetable[weekday(day) - 1].lastIndexOf(subject) === slot - 1,
  };
}

/** All lessons of the window, by date, then class, then bell. */
export function planLessons(window: TWindow): TLessonPlan[] {
  const plans: TLessonPlan[] = [];
  const specials = new Map<number, TWeekSpecial | null>();
  for (let day = window.first; day <= window.last; day++) {
    if (weekday(day) > 5) continue;
    const monday = mondayOf(day);
    if (!specials.has(monday)) specials.set(monday, weekSpecial(monday));
    for (const cls of CLASSES) {
      cls.timetable[weekday(day) - 1].forEach((_, i) =>
        plans.push(planLesson(cls, day, i + 1, window, specials.get(monday)!)),
      );
    }
  }
  return plans;
}

/** The next lesson of the same subject on a later day: when homework set today is due. */
export function nextLessonOf(cls: TClassInfo, subject: TSubjectCode, day: number): { day: number; slot: number } {
  for (let next = day + 1; next <= day + 14; next++) {
    const slot = (cls.timetable[weekday(next) - 1] ?? []).indexOf(subject);
    if (slot >= 0) return { day: next, slot: slot + 1 };
  }
  throw new Error(`${subject} never comes back in ${cls.name}'s timetable`);
}

/** What the curriculum says about a lesson: its place in the year, its topic, whether it is a test. */
export function planOf(cls: TClassInfo, day: number, slot: number) {
  const subject = subjectAt(cls, day, slot);
  if (!subject) throw new Error(`${cls.name} has no lesson ${slot} on day ${day}`);
  const yearLength = YEAR_WEEKS * hoursPerWeek(cls, subject);
  const ordinal = ordinalOf(cls, subject, day, slot);
  const position = ordinal % yearLength;
  const topic = topicAt(cls, subject, position, yearLength);
  return { position, yearLength, topic, topicNumber: topic.index + 1, isTest: isTestLesson(cls, subject, ordinal) };
}
