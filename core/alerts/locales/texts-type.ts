import type { TItemPayload } from '../alert-types';

/** One line per alert item, per locale; the student's name is added by the composer. */
export interface TAlertTexts {
  gradeCreated(p: TItemPayload): string;
  gradeChanged(p: TItemPayload): string;
  gradeDeleted(p: TItemPayload): string;
  homework(p: TItemPayload): string;
  lessonCancelled(p: TItemPayload): string;
  lessonMoved(p: TItemPayload): string;
  canteenLow(p: TItemPayload): string;
  /** A period's mark fixed: the period by its kind and number, the mark worded («н/а», «осв.»). */
  finalGrade(p: TItemPayload): string;
  finalGradeChanged(p: TItemPayload): string;
  /** A subject's average of the current period fell below the school's "4". */
  averageLow(p: TItemPayload): string;
  /** The pupil's day at school, each line after the name: «пришла в школу в 08:12». */
  arrival(p: TItemPayload): string;
  departure(p: TItemPayload): string;
  /** One lesson missed or come late to: «не была на физике (3-й урок)». */
  absence(p: TItemPayload): string;
  noPass(p: TItemPayload): string;
  /** A test set or moved: «назначена контрольная по алгебре на пт 11 декабря: квадратные уравнения». */
  testScheduled(p: TItemPayload): string;
  /** The evening before: «завтра контрольная по алгебре: квадратные уравнения». */
  testTomorrow(p: TItemPayload): string;
  /** School news: a whole message, told without the pupil's name (it may concern the whole school). */
  schoolEvent(p: TItemPayload): string;
  announcement(p: TItemPayload): string;
  /** An absence summary's opening before its lines: «Варвара сегодня». */
  absenceDay(student: string, p: TItemPayload): string;
  instantHeader(student: string, count: number): string;
  digestHeader(count: number): string;
  more(count: number): string;
}
