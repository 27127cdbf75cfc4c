import type { TLang } from '../../i18n';
import type { TChannelAction, TPeriod } from '../answer-types';

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
  /** "пятёрка", "две четвёрки", "a five", "two fours". */
  gradeCount(value: string, count: number): string;
  /** The owner of the rest of a sentence: "У Марии", "Maria has". */
  ownerOf(firstName: string): string;
  studentName(firstName: string): string;
  money(kopecks: number): string;
  moneySpoken(kopecks: number): string;
  list(items: string[]): string;
  average(value: number): string;
  countLessons(n: number): string;
  andMore(n: number): string;
  texts: {
    help: string;
    helpSpoken: string;
    unknown: string;
    notLinked: string;
    refused: string;
    askChild: string;
    noPerson: string;
    slowDown: string;
    action: Record<TChannelAction, string>;
    /** `inSubject` is the worded subject a question named ("по математике"), or empty. */
    noGrades(when: string, inSubject: string): string;
    noHomework(when: string, inSubject: string): string;
    noLessons(when: string): string;
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
    homeworkItem(subject: string, text: string): string;
    noHomework(firstName: string, when: string, inSubject: string): string;
    schedulePrefix(firstName: string, when: string, lessons: string): string;
    scheduleItem(subject: string, flags: { cancelled: boolean; isTest: boolean }): string;
    noLessons(firstName: string, when: string): string;
    teacherPrefix(when: string, lessons: string): string;
    teacherItem(start: string, subject: string, className: string): string;
    balance(firstName: string, amount: string): string;
    noBalance(firstName: string): string;
  };
  /** Stress marks for Alice's TTS: words whose stress a synthesiser gets wrong. */
  stress: Record<string, string>;
}
