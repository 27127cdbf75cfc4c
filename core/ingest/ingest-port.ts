import type { TJournalEvent } from './event-schemas';
import type { TEntityKind, TStoredGrade, TStoredHomework, TStoredLesson } from './ingest-types';
import type { TWritePlan } from './plan-batch';

/** The work ingestion does inside one database transaction. */
export interface IngestTransaction {
  /** Records the event ids; returns those that were not recorded before (the rest are duplicates). */
  claimEvents(events: Pick<TJournalEvent, 'id' | 'type'>[]): Promise<Set<string>>;
  findKnownIds(kind: TEntityKind, ids: string[]): Promise<Set<string>>;
  loadGrades(ids: string[]): Promise<Map<string, TStoredGrade>>;
  loadLessons(ids: string[]): Promise<Map<string, TStoredLesson>>;
  loadHomework(ids: string[]): Promise<Map<string, TStoredHomework>>;
  loadCanteenTransactionIds(ids: string[]): Promise<Set<string>>;
  /** Writes every row of the plan; `withOutbox: false` seeds silently (no alerts for old data). */
  write(plan: TWritePlan, options: { withOutbox: boolean; defaultTimezone: string }): Promise<void>;
}

export interface IngestStore {
  /** Runs `work` in one transaction: all of it commits, or none of it. */
  transaction<T>(work: (tx: IngestTransaction) => Promise<T>): Promise<T>;
}
