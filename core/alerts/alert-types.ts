import type { TOutboxKind } from '../ingest/ingest-types';

// The vocabulary of the alerts pipeline: outbox facts in, planned items, composed messages out.

/**
 * `final-grades`: a period's mark (четвертная, годовая), its own type so it can be switched alone;
 * `grade-average`: a subject's average of the current period fell below the school's "4";
 * `arrival`, `departure`: the school's turnstile saw the pupil come in (first time that day) or leave;
 * `absence`: a lesson marked absent or late; `no-pass`: no pass by the start of the first lesson;
 * `tests`: a test scheduled or moved, and the evening before it; `school-news`: school events and announcements.
 */
export type TAlertType =
  | 'grades'
  | 'final-grades'
  | 'grade-average'
  | 'homework'
  | 'schedule'
  | 'balance'
  | 'arrival'
  | 'departure'
  | 'absence'
  | 'no-pass'
  | 'tests'
  | 'school-news';
export type TAlertMode = 'instant' | 'digest';

/** One outbox row as the planner sees it; `payload` is checked by fact-schemas. */
export interface TOutboxFact {
  id: string;
  kind: string;
  studentId: string | null;
  classId: string | null;
  payload: unknown;
  /** Ingestion time: the start of the coalescing window and of the end-to-end latency. */
  createdAt: Date;
}

export interface TSubscriptionSettings {
  type: TAlertType;
  enabled: boolean;
  mode: TAlertMode;
  /** "HH:mm" school time; digest mode only. */
  digestTime: string | null;
  /** "HH:mm" school time; equal values mean no quiet hours. */
  quietFrom: string;
  quietTo: string;
  thresholdKopecks: number | null;
}

/** One chat of one person linked to one student, with that person's subscription of one type. */
export interface TRecipient {
  chatId: string;
  channel: string;
  chatActive: boolean;
  /** The person has a consent that is not withdrawn. */
  consentActive: boolean;
  personId: string;
  studentId: string;
  studentName: string;
  /** Russian words agree with the pupil's gender («пришла», «пришёл»): guessed once, by ruFeminine. */
  studentFeminine?: boolean;
  timezone: string;
  subscription: TSubscriptionSettings;
}

/** What a rendered line needs; names are resolved at planning time so sending reads one table. */
export interface TItemPayload {
  studentName: string;
  subjectName?: string;
  value?: string;
  previousValue?: string;
  weight?: number;
  workType?: string | null;
  date?: string;
  dueDate?: string;
  isNew?: boolean;
  start?: string;
  previousDate?: string;
  previousStart?: string;
  balanceKopecks?: number;
  thresholdKopecks?: number;
  /** A final grade's period: its kind ("quarter", "trimester", "half", "year") and number within the school year. */
  periodKind?: string;
  periodNumber?: number;
  /** A subject's weighted average of the current period, rounded to hundredths. */
  average?: number;
  /** The pupil's grammatical gender in Russian texts (arrival, departure, absence). */
  feminine?: boolean;
  /** A pass's or a lesson's local time, "HH:mm" in the school's zone. */
  time?: string;
  /** A pass's instant (ISO): what a later pass compares with to take a departure back. */
  passAt?: string;
  /** An attendance mark and the lesson's position in the class's day (1 = first lesson). */
  status?: 'absent' | 'late';
  lessonNumber?: number;
  /** An absence summary sent on the lesson's own day says «сегодня», a later one names the date. */
  sameDay?: boolean;
  /** A test's topic; an event's or an announcement's title, text, end time, place and online link. */
  topic?: string | null;
  title?: string;
  text?: string;
  end?: string | null;
  place?: string | null;
  onlineUrl?: string | null;
  /** The school's urgent announcement: sent at once, quiet hours or not. */
  urgent?: boolean;
}

/**
 * Outbox kinds become item kinds one to one, except a canteen transaction: it alerts only as a low
 * balance; and a removed final grade, which tells nothing (it only withdraws what was not sent).
 */
export type TItemKind =
  | Exclude<TOutboxKind, 'canteen.transaction' | 'final_grade.deleted' | 'pass.recorded' | 'attendance.changed'>
  | 'canteen.low'
  /** Derived from new grades: their subject's average crossed below the school's "4". */
  | 'grade.average-low'
  /** From passes (plan-presence.ts): the day's first way in, a way out not followed by a way back in. */
  | 'pass.arrival'
  | 'pass.departure'
  /** From attendance.changed (plan-absence.ts): one lesson missed or come late to. */
  | 'attendance.absence'
  /** From the worker's scan (no-pass): the first lesson began and the pupil has not passed in. */
  | 'pass.missing'
  /** From the worker's evening scan (plan-coming.ts): a test tomorrow. */
  | 'lesson.test-tomorrow';

export interface TPlannedItem {
  outboxId: string;
  chatId: string;
  studentId: string;
  type: TAlertType;
  kind: TItemKind;
  /**
   * A grade id, or a final grade's as `final:<id>` (the two id spaces may overlap): a later change
   * or removal may withdraw this item while unsent.
   */
  refId: string | null;
  groupKey: string;
  payload: TItemPayload;
  ingestedAt: Date;
  dueAt: Date;
}

/** An unsent item taken back from the store because a later fact supersedes it. */
export interface TWithdrawnItem {
  chatId: string;
  refId: string;
  kind: TItemKind;
}

export interface TPlanningInput {
  facts: TOutboxFact[];
  /** Recipients per student id. */
  recipients: Map<string, TRecipient[]>;
  /** Student ids per class id, for class-wide facts (homework, lessons). */
  classStudents: Map<string, string[]>;
  subjectNames: Map<string, string>;
  withdrawn: TWithdrawnItem[];
  /** Subjects of the batch's new grades whose average a subscriber watches (plan-average.ts). */
  averages?: TSubjectAverage[];
  /** The stored passes around the batch's passes, per pupil (plan-presence.ts). */
  passes?: Map<string, TStoredPass[]>;
  /** `${arrivalRef}\u0000${chatId}` of arrivals already planned: one a day per chat, whatever came late. */
  arrived?: Set<string>;
  /** The school day of the batch's attendance marks (plan-absence.ts), by `lessonDayKey`. */
  lessonDays?: Map<string, TLessonDay>;
  /**
   * Per school-news fact id: the pupils it addresses — of its classes, or of the whole school when it
   * names none — read by the store within the fact's own school only.
   */
  newsStudents?: Map<string, string[]>;
}

/** A stored pass of a pupil, as the presence planner compares them. */
export interface TStoredPass {
  id: string;
  at: Date;
  direction: 'in' | 'out';
}

/** One lesson's place in its class's day, and when that day's lessons end ("HH:mm", school time). */
export interface TLessonDay {
  lessonNumber: number | null;
  lastEnd: string | null;
}

/** One subject of one student: its current period's average before and after the batch's new grades. */
export interface TSubjectAverage {
  studentId: string;
  subjectId: string;
  /** null: no numeric grade in the period. */
  before: number | null;
  after: number | null;
  /** The lowest average that earns a "4" at the student's school. */
  threshold: number;
  /** Chats already warned of this subject within the last week. */
  warnedChats: string[];
  /** The last new grade's fact: the warning's time and (negated) outbox id. */
  factId: string;
  createdAt: Date;
}

/** Due items of one chat that go out together. */
export interface TItemGroup {
  chatId: string;
  locale: string;
  groupKey: string;
  items: { id: string; kind: TItemKind; payload: TItemPayload; ingestedAt: Date }[];
}

export interface TComposedMessage {
  chatId: string;
  text: string;
  itemIds: string[];
  ingestedAt: Date;
}
