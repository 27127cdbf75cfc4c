import type { TItemKind, TItemPayload } from './alert-types';
import type { TAlertTexts } from './locales';

// One line per alert item: which of the locale's texts an item kind is told with.

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
    case 'final_grade.created':
      return texts.finalGrade(p);
    case 'final_grade.changed':
      return texts.finalGradeChanged(p);
    case 'grade.average-low':
      return texts.averageLow(p);
  }
}
