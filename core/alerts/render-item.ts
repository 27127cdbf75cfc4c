import type { TItemKind, TItemPayload } from './alert-types';
import type { TAlertTexts } from './locales';

// One line per alert item: which of the locale's texts an item kind is told with.

/** Kinds told as a sentence about the pupil («Варвара пришла в школу»), not as a diary entry after a colon. */
export const PRESENCE_KINDS: ReadonlySet<TItemKind> = new Set([
  'pass.arrival',
  'pass.departure',
  'attendance.absence',
  'pass.missing',
]);

/** School news: a message of its own, not about one pupil (it may address the whole school). */
export const NEWS_KINDS: ReadonlySet<TItemKind> = new Set(['school_event.changed', 'announcement.published']);

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
    case 'pass.arrival':
      return texts.arrival(p);
    case 'pass.departure':
      return texts.departure(p);
    case 'attendance.absence':
      return texts.absence(p);
    case 'pass.missing':
      return texts.noPass(p);
    case 'lesson.test-scheduled':
      return texts.testScheduled(p);
    case 'lesson.test-tomorrow':
      return texts.testTomorrow(p);
    case 'school_event.changed':
      return texts.schoolEvent(p);
    case 'announcement.published':
      return texts.announcement(p);
  }
}
