import type { TViewerRole } from '../access/access-log-port';
import type { TLang } from '../i18n';
import type { TFeedWindow } from './school-year';

// What a calendar feed is made of, and the two ports behind it: the store (CalendarFeed rows,
// the child's lessons, homework and school events) and the renderer that writes iCalendar text
// (infra/, with a library core may not import).

/** A feed found by its token whose parent (or pupil) is still linked to the child. */
export interface TFeedHead {
  feedId: string;
  personId: string;
  studentId: string;
  /** The StudentLink's role: the access log's viewer role. */
  role: Extract<TViewerRole, 'guardian' | 'student'>;
  firstName: string;
  classId: string;
  schoolId: string;
  timezone: string;
  locale: TLang;
}

/** The consent texts in force: a feed serves only a person who accepted one of them. */
export interface TCurrentConsent {
  version: string;
  hashes: readonly string[];
}

/** What changes whenever the feed's content may have: compared before anything is read or rendered. */
export interface TFeedVersion {
  /** The latest change of any row in the window (lessons, homework, events, subjects, the school). */
  lastModified: Date;
  /** Row counts and the like: a deleted row changes the feed without a newer timestamp. */
  tag: string;
}

export interface TFeedLessonRow {
  id: string;
  date: string;
  start: string;
  end: string;
  subject: string;
  room: string | null;
  topic: string | null;
  isTest: boolean;
  cancelled: boolean;
  onlineUrl: string | null;
}

export interface TFeedHomeworkRow {
  id: string;
  dueDate: string;
  subject: string;
  text: string;
}

export interface TFeedEventRow {
  id: string;
  date: string;
  start: string | null;
  end: string | null;
  title: string;
  place: string | null;
  onlineUrl: string | null;
  description: string | null;
}

export interface TFeedRows {
  lessons: TFeedLessonRow[];
  homework: TFeedHomeworkRow[];
  events: TFeedEventRow[];
}

/** One child's feed as the chat knows it: only that it exists (the token is not stored). */
export interface TFeedIssue {
  studentId: string;
  tokenHash: string;
}

export interface CalendarFeedStore {
  /**
   * The feed of a token's hash, with its access-log entry (viewer: the feed's person, role: the
   * link's) written by the same statement; null for an unknown token, a link that is gone, or a
   * person whose consent in force is not to one of the current texts.
   */
  open(
    tokenHash: string,
    entry: { channel: string; intent: string; at: Date },
    consent: TCurrentConsent,
  ): Promise<TFeedHead | null>;
  version(head: TFeedHead, window: TFeedWindow): Promise<TFeedVersion>;
  rows(head: TFeedHead, window: TFeedWindow): Promise<TFeedRows>;
  /** The children of the person's links that have a feed. */
  feedsOf(personId: string): Promise<string[]>;
  /** Creates or replaces (the old token stops working) the feeds of children linked to the person; the ids written. */
  issue(personId: string, feeds: readonly TFeedIssue[]): Promise<string[]>;
  /** Deletes every feed of the person; how many went. */
  revoke(personId: string): Promise<number>;
}

/** One calendar entry, in the school's local time (or a whole day). */
export interface TFeedEntry {
  uid: string;
  summary: string;
  date: string;
  /** "HH:mm" school time; absent: an all-day entry. */
  start?: string;
  end?: string;
  location?: string;
  url?: string;
  description?: string;
  cancelled?: boolean;
}

export interface TFeedCalendar {
  name: string;
  timezone: string;
  entries: TFeedEntry[];
  lastModified: Date;
}

/** Writes a calendar as iCalendar (RFC 5545) text. */
export interface FeedRenderer {
  render(calendar: TFeedCalendar): string;
}
