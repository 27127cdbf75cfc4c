import type { TDiaryStudent } from '../diary/diary-types';
import type { TActiveConsent } from '../linking/linking-port';
import type { TChatRef } from '../linking/linking-types';

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

/** Who writes in a chat, what they consented to and what they may see: every turn starts here. */
export interface TChatViewer {
  consent: TActiveConsent | null;
  scope: TViewerScope;
}

export interface AccessReader {
  /**
   * The person behind a stored chat with their active consent and their scope, in one read (the
   * first thing every message needs, and all an answer needs besides the diary). null for a chat
   * not stored.
   */
  chatViewer(chat: TChatRef): Promise<TChatViewer | null>;
  /** null when there is no such person. */
  viewerScope(personId: string): Promise<TViewerScope | null>;
  /** Students of the classes these teachers have lessons with: a teacher may look at their own pupils. */
  taughtStudents(teacherIds: readonly string[]): Promise<TDiaryStudent[]>;
}
