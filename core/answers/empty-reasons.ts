import { addDays, isoWeekday } from '../calendar/civil-date';
import type { DiaryReader } from '../diary/diary-port';
import type { TDiaryStudent, TLessonItem, TTimetableOutline } from '../diary/diary-types';
import type { TAnswer, TEmptyReason, TPeriod } from './answer-types';

// "Сегодня оценок пока нет" on a Sunday, or "по алгебре ничего не задано" for a class without
// algebra, is true and still misleading. When an answer comes back empty for a student, the
// class's timetable around the days asked about tells why: the day is one the class does not
// study, or the class has no lessons of the subject at all. Only empty answers that could have
// such a reason read it, so the answers that show something cost nothing more.

/**
 * The timetable is looked at from four weeks before the days asked about to two weeks after. A
 * timetable repeats weekly, so four weeks back hold every subject a class has even across a week
 * or two of school holidays, and two weeks ahead is as far as journals send lessons before they
 * happen. That is at most a few dozen rows per class on the Lesson(classId, date) index.
 */
const WEEKS_BEFORE = 4;
const WEEKS_AFTER = 2;

/** Saturday and Sunday. Schools with a six-day week teach on Saturday: the timetable says so. */
const isWeekend = (day: string) => isoWeekday(day) >= 6;

type TSectionAnswer = Extract<TAnswer, { kind: 'grades' | 'homework' | 'schedule' }>;

const isEmpty = (section: TSectionAnswer['sections'][number]): boolean =>
  ('grades' in section ? section.grades : 'homework' in section ? section.homework : section.lessons).length === 0;

/** A single day on a weekend: the only days called a day off (the data holds no school holidays). */
const maybeDayOff = (period: TPeriod) => period.from === period.to && isWeekend(period.from);

/**
 * The answer with a reason on each empty section that has one; `students` in the order of its
 * sections. Reads the timetable outline only when a section is empty and either a subject was
 * named or the day may be a day off.
 */
export async function explainEmpty(
  answer: TAnswer,
  students: readonly Pick<TDiaryStudent, 'classId'>[],
  diary: DiaryReader,
): Promise<TAnswer> {
  if (answer.kind !== 'grades' && answer.kind !== 'homework' && answer.kind !== 'schedule') return answer;
  const empty = answer.sections.map(isEmpty);
  if (!empty.includes(true) || (answer.subject === null && !maybeDayOff(answer.period))) return answer;
  const asked = students.filter((_, i) => empty[i]);
  const range = {
    from: addDays(answer.period.from, -7 * WEEKS_BEFORE),
    to: addDays(answer.period.to, 7 * WEEKS_AFTER),
  };
  const outlines = await diary.timetableOutlines(asked, range, answer.subject);
  let next = 0;
  const sections = answer.sections.map((section, i) => {
    if (!empty[i]) return section;
    const reason = reasonFor(answer.period, answer.subject, outlines[next++]);
    return reason ? { ...section, emptyReason: reason } : section;
  });
  return { ...answer, sections } as TSectionAnswer;
}

function reasonFor(period: TPeriod, subject: string | null, outline: TTimetableOutline): TEmptyReason | null {
  // A weekend day is a day off unless the class studies on that weekday at all in these weeks.
  if (maybeDayOff(period)) {
    const weekday = isoWeekday(period.from);
    if (!outline.lessonDays.some((day) => isoWeekday(day) === weekday)) return 'day-off';
  }
  // With no lessons at all in these weeks (summer, a timetable not sent yet) nothing is known.
  if (subject !== null && outline.lessonDays.length > 0 && !outline.hasSubject) return 'subject-not-taught';
  return null;
}

/**
 * A teacher's own timetable needs no further read: a weekend day without a lesson of theirs is
 * their day off. Not when a subject narrowed the lessons: other lessons may be on that day.
 */
export function teacherDayOff(period: TPeriod, lessons: readonly TLessonItem[], subject: string | null): boolean {
  return lessons.length === 0 && subject === null && maybeDayOff(period);
}
