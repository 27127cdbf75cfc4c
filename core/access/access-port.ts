import type { TDiaryStudent } from '../diary/diary-types';

/** What a person may see, as stored: their links. */
export interface TViewerScope {
  personId: string;
  locale: 'ru' | 'en';
  /** The time zone of the person's school (the first link's), or null without links. */
  timezone: string | null;
  /** Students linked to the person as guardian or as themselves. */
  linkedStudents: TDiaryStudent[];
  /** Teachers this person is (TeacherLink). */
  teacherIds: string[];
}

export interface AccessReader {
  /** null when there is no such person. */
  viewerScope(personId: string): Promise<TViewerScope | null>;
  /** Students of the classes these teachers have lessons with: a teacher may look at their own pupils. */
  taughtStudents(teacherIds: readonly string[]): Promise<TDiaryStudent[]>;
}
