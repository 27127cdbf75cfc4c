import type { TNumberStyle } from '../voice-form';

/**
 * The words of the answers about tests and school events coming; days, subjects and names are
 * TAnswerTexts'. `span` is worded already: «в ближайшие две недели», «на этой неделе», «с 7 по 13
 * декабря»; `inSubject` is «по алгебре» or empty. `name` is a first name as stored.
 */
export interface TComingTexts {
  /** The default span of tests: «в ближайшие две недели». */
  fortnight: string;
  /** The default span of events: «на этой неделе» (from today on). */
  thisWeek: string;
  /** «Контрольные по алгебре в ближайшие две недели». */
  testsHead(span: string, inSubject: string): string;
  /** «Контрольных по алгебре в ближайшие две недели нет». */
  noTests(span: string, inSubject: string): string;
  /** A subject's next test asked for, and none set yet: «Контрольных по физике пока не назначено». */
  noNextTest(inSubject: string): string;
  /** A test's day as a chat shows it: «Пт 11 декабря». */
  testDay(date: string): string;
  /** A test's day as a voice says it: «в пятницу, 11 декабря». */
  spokenDay(date: string): string;
  /** «2-й урок»; spoken «вторым уроком». */
  lessonNumber(n: number, form: 'shown' | 'spoken'): string;
  /** The spoken opening of a student's tests: «У Маши в ближайшие две недели 2 контрольные». */
  testsOwner(name: string, span: string, count: number, numbers: TNumberStyle): string;
  /** The next test of a subject: «Следующая контрольная по алгебре у Маши». */
  nextTestOwner(name: string, inSubject: string): string;
  /** «Тема», "Topic". */
  topic: string;
  /** «Мероприятия на этой неделе». */
  eventsHead(span: string): string;
  /** «На этой неделе мероприятий нет». */
  noEvents(span: string): string;
  /** The spoken opening of a student's events: «У Маши на этой неделе»: */
  eventsOwner(name: string, span: string): string;
  /** An event's time: «в 15:00», «15:00–17:00». */
  eventTime(start: string, end: string | null, form: 'shown' | 'spoken'): string;
  /** What an English voice says for a title it cannot read: "a school event". */
  unreadableEvent: string;
  /** The online link's words: «онлайн-трансляция». */
  onlineLink: string;
  /** A schedule's events line head: «В школе». */
  dayEventsHead: string;
}
