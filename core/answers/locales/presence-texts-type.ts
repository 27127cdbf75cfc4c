import type { TNameGender } from '../../i18n/ru-gender';
import type { TAttendanceStatus } from '../../presence/presence-types';
import type { TPresenceState } from '../presence-answer-types';
import type { TNumberStyle } from '../voice-form';

/**
 * The words of the presence and attendance answers; the rest (days, subjects, names, periods) is
 * TAnswerTexts' and TTermTexts'. `name` is a first name as stored (Cyrillic); `gender` is read
 * from it (ru-gender.ts) and null when it cannot be told — Russian then words it without a verb.
 * `when` is worded already ("сегодня", "вчера", "в среду, 2 декабря").
 */
export interface TPresenceTexts {
  /** "Проходы сегодня", "School passes today". */
  presenceHead(when: string): string;
  /** A chat line after the name: "в школе с 12:30, пришла в 8:05". */
  presenceLine(state: TPresenceState, gender: TNameGender, when: string): string;
  /** A whole spoken sentence: "Маша в школе с 12:30, пришла в 8:05." */
  presenceSpoken(name: string, state: TPresenceState, gender: TNameGender, when: string): string;
  /** "Пропуски за 2-ю четверть", with `inSubject` ("по физике") or empty. */
  absencesHead(period: string, inSubject: string): string;
  /** "3 пропуска, 1 опоздание"; both nil: "пропусков и опозданий нет". */
  absenceCounts(absent: number, late: number, numbers: TNumberStyle): string;
  /** "и ещё 2 предмета". */
  moreSubjects(n: number, numbers: TNumberStyle): string;
  /** The spoken opening of a student's absences: "У Маши за 2-ю четверть". */
  absencesOwner(name: string, period: string): string;
  /** "Физика сегодня", "Physics today". */
  attendedHead(subject: string, when: string): string;
  /** A lesson's mark: "был", "не была", "опоздал", "отметки ещё нет". */
  attended(status: TAttendanceStatus | null, gender: TNameGender): string;
  /** "в 9:00", "at 9:00": the lesson a mark is of. */
  lessonAt(start: string): string;
  /** The subject had no lesson that day: "урока по физике нет". */
  noLesson(inSubject: string): string;
  /** The same, spoken: "У Пети сегодня урока по физике нет." */
  noLessonSpoken(name: string, inSubject: string, when: string): string;
  /** The spoken opening of a student's lessons: "Петя, физика сегодня". */
  attendedOwner(name: string, subject: string, when: string): string;
}
