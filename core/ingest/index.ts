// The public face of core/ingest: outside core, the module is imported only from here.

export type { TEventData, TEventType, TJournalEvent } from './event-schemas';
export { DEFAULT_REMINDER_DELAY_HOURS, EVENT_DATA_SCHEMAS, EVENT_TYPES, MAX_EVENTS_PER_BATCH } from './event-schemas';
export type { IngestOptions } from './ingest-batch';
export { BatchForbiddenError, BatchRejectedError, ingestBatch, ingestValidEvents } from './ingest-batch';
export type { IngestStore, IngestTransaction, TLookupRequest, TLookupResult } from './ingest-port';
export type { TIngestScope } from './ingest-scope';
export { OPERATOR_SCOPE } from './ingest-scope';
export type {
  TAttendanceKey,
  TEntityKind,
  TStoredFinalGrade,
  TStoredGrade,
  TStoredHomework,
  TStoredLesson,
  TStoredPeriod,
  TStoredSchoolEvent,
} from './ingest-types';
export type { TWritePlan } from './plan-batch';
export { attendanceKey } from './rows-to-load';
export { foreignSchoolFields } from './tenancy';
export type { TEventError } from './validate-batch';
export { validateEvents } from './validate-batch';
