import type { TItemKind, TItemPayload } from './alert-types';
import { enTexts } from './texts-en';
import { ruTexts } from './texts-ru';

// One line per alert item, in the chat's locale; the student's name is added by the composer.

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

export function textsFor(locale: string): TAlertTexts {
  return locale.startsWith('en') ? enTexts : ruTexts;
}

export function renderItem(texts: TAlertTexts, kind: TItemKind, p: TItemPayload): string {
  switch (kind) {
    case 'grade.created':
      return texts.gradeCreated(p);
    case 'grade.changed':
      return texts.gradeChanged(p);
    case 'grade.deleted':
      return texts.gradeDeleted(p);
    case 'homework.changed':
      return texts.homework(p);
    case 'lesson.cancelled':
      return texts.lessonCancelled(p);
    case 'lesson.moved':
      return texts.lessonMoved(p);
    case 'canteen.low':
      return texts.canteenLow(p);
  }
}
