import type { TJournalEvent } from './event-schemas';
import type { TAttendanceKey, TEntityKind } from './ingest-types';
import type { TExistingRows, TWritePlan } from './plan-batch';
import type { TFinalGradeSlot } from './plan-terms';

/** Everything a batch needs to know before it is planned; the store answers it in one go. */
export interface TLookupRequest {
  /** Event ids to record; those recorded before are duplicates. */
  claim: Pick<TJournalEvent, 'id' | 'type'>[];
  /** Ids the batch refers to or defines, by kind: which of them exist, and in which school? */
  references: Map<TEntityKind, string[]>;
  /** Rows whose current state decides what changed. */
  gradeIds: string[];
  lessonIds: string[];
  homeworkIds: string[];
  canteenTransactionIds: string[];
  passIds: string[];
  schoolEventIds: string[];
  announcementIds: string[];
  /** Attendance marks (lesson, student) whose stored status a new mark is compared with. */
  attendanceKeys: TAttendanceKey[];
  /** Final grades by id, and the live ones holding any of these slots (one mark per slot). */
  finalGradeIds: string[];
  finalGradeSlots: TFinalGradeSlot[];
  /** Schools whose live periods an upsert must not overlap. */
  periodSchoolIds: string[];
}

export interface TLookupResult {
  /** The ids of `claim` that were not recorded before. */
  claimed: Set<string>;
  /** Of each kind's ids asked about, those that exist (deleted rows included), each with its school. */
  known: Map<TEntityKind, Map<string, string>>;
  existing: TExistingRows;
}

/**
 * The work ingestion does inside one database transaction: one lookup, one write. Each is a
 * single round trip, because a batch's latency is mostly the number of trips it makes.
 */
export interface IngestTransaction {
  lookup(request: TLookupRequest): Promise<TLookupResult>;
  /** Writes every row of the plan; `withOutbox: false` seeds silently (no alerts for old data). */
  write(plan: TWritePlan, options: { withOutbox: boolean; defaultTimezone: string }): Promise<void>;
}

export interface IngestStore {
  /** Runs `work` in one transaction: all of it commits, or none of it. */
  transaction<T>(work: (tx: IngestTransaction) => Promise<T>): Promise<T>;
}
