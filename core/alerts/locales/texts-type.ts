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
  instantHeader(student: string, count: number): string;
  digestHeader(count: number): string;
  more(count: number): string;
}
