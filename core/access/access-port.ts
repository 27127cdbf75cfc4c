import type { TDiaryStudent } from '../diary/diary-types';
import type { TLang } from '../i18n';
import type { TActiveConsent } from '../linking/linking-port';
import type { TChatRef } from '../linking/linking-types';
import type { TTeacherReach } from './teacher-reach';

/** What a person may see, as stored: their links. */
export interface TViewerScope {
  personId: string;
  locale: TLang;
  /** The time zone of the person's school (the first link's), or null without links. */
  timezone: string | null;
  /** Students linked to the person as guardian or as themselves. */
  linkedStudents: TDiaryStudent[];
  /** Those of linkedStudents the person is linked to as themselves (a pupil's own chat), not as a guardian. */
  selfStudentIds: string[];
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
  /**
   * What these teachers may see at `now` (each in their school's today), by the rule of
   * core/access/teacher-reach.ts: the grants and the pupils of the classes they cover.
   */
  teacherReach(teacherIds: readonly string[], now: Date): Promise<TTeacherReach>;
}
