import type { TLang } from '../../i18n';
import type { TChannelAction, TPeriod } from '../answer-types';
import type { TNumberStyle } from '../voice-form';

/** What a student's empty section was about. */
export type TEmptyPart = 'grades' | 'homework' | 'lessons';

/** Everything language-specific the renderers need: words, grammar and whole phrases. */
export interface TAnswerTexts {
  lang: TLang;
  /** "сегодня", "завтра", "в среду, 2 декабря", "с 30 ноября по 4 декабря". */
  when(period: TPeriod): string;
  /** A short date for lists: "2 дек.", "Dec 2". */
  shortDate(date: string): string;
  subject(name: string): string;
  /** The subject as it follows "по"/"in": "по математике", "in maths". */
  inSubject(name: string): string;
  /** "пятёрка", "две четвёрки" ("2 четвёрки" in digits), "a five", "two fours". */
  gradeCount(value: string, count: number, numbers: TNumberStyle): string;
  /** The owner of the rest of a sentence: "У Марии", "Maria has". */
  ownerOf(firstName: string): string;
  studentName(firstName: string): string;
  money(kopecks: number): string;
  moneySpoken(kopecks: number): string;
  /** "A, B и C"; with `or`, "A, B или C". */
  list(items: string[], joiner?: 'and' | 'or'): string;
  average(value: number): string;
  countLessons(n: number, numbers: TNumberStyle): string;
  andMore(n: number, numbers: TNumberStyle): string;
  texts: {
    help: string;
    helpSpoken: string;
    unknown: string;
    notLinked: string;
    refused: string;
    askChild: string;
    /** A fragment with nothing to follow ("а по физике?"): grades or homework? `inSubject` may be empty. */
    clarify(inSubject: string): string;
    /** The child meant by position is not there ("а у третьего?" with two): which one, by name. */
    whichChild(names: string): string;
    noPerson: string;
    slowDown: string;
    action: Record<TChannelAction, string>;
    /** `inSubject` is the worded subject a question named ("по математике"), or empty. */
    noGrades(when: string, inSubject: string): string;
    noHomework(when: string, inSubject: string): string;
    noLessons(when: string): string;
    /** A single day the class does not study: "Сегодня выходной — оценок нет." */
    dayOff(when: string, part: TEmptyPart): string;
    /** `subject` (its canonical name) has no lessons in the class timetable at all. */
    notTaught(subject: string): string;
    noBalance: string;
    gradesHead(when: string): string;
    homeworkHead(when: string): string;
    scheduleHead(when: string): string;
    teacherHead(when: string): string;
    balance(amount: string): string;
    recentSpending: string;
    test: string;
    cancelled: string;
    online: string;
    room(room: string): string;
    firstLessonAt(time: string): string;
    weight(n: number): string;
  };
  /** Sentences for voice assistants, built from names, dates and already-worded parts. */
  spoken: {
    gradesPrefix(firstName: string, when: string): string;
    noGrades(firstName: string, when: string, inSubject: string): string;
    homeworkPrefix(firstName: string, when: string): string;
    /** `due` (YYYY-MM-DD) when the answer spans several days, else null: the prefix said the day. */
    homeworkItem(subject: string, text: string, due: string | null): string;
    /** For a voice that speaks English only: the task is written in Russian, and is not read. */
    homeworkInRussian(subject: string, due: string | null): string;
    /** Said once after homework written in Russian: where to read it. */
    readInRussianWhere: string;
    noHomework(firstName: string, when: string, inSubject: string): string;
    schedulePrefix(firstName: string, when: string, lessons: string): string;
    /** A lesson with its test said as part of it: "английский язык — контрольная". */
    scheduleItem(subject: string, isTest: boolean): string;
    /** A cancelled lesson as named in `cancelled`; `date` when the answer spans several days, else null. */
    cancelledLesson(subject: string, date: string | null): string;
    teacherCancelledLesson(start: string, subject: string, className: string): string;
    /** Cancelled lessons, said apart from the lessons counted: "урок по физике отменён". `count` of them. */
    cancelled(lessons: string, count: number): string;
    /** Every lesson of the period is cancelled; `cancelled` is worded by `cancelled`. */
    allCancelled(firstName: string, when: string, cancelled: string): string;
    teacherAllCancelled(when: string, cancelled: string): string;
    noLessons(firstName: string, when: string): string;
    dayOff(firstName: string, when: string, part: TEmptyPart): string;
    notTaught(firstName: string, subject: string): string;
    teacherPrefix(when: string, lessons: string): string;
    teacherItem(start: string, subject: string, className: string): string;
    balance(firstName: string, amount: string): string;
    noBalance(firstName: string): string;
  };
  /** Stress marks for Alice's TTS: words whose stress a synthesiser gets wrong. */
  stress: Record<string, string>;
}
