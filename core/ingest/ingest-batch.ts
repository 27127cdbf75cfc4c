import { AppError } from '../errors';
import { ZBatchSchema, type TJournalEvent } from './event-schemas';
import type { IngestStore } from './ingest-port';
import { planBatch, rowsToLoad } from './plan-batch';
import { collectReferences, unknownReferences, validateEvents, type TEventError } from './validate-batch';

export interface TIngestResult {
  accepted: number;
  duplicates: number;
  /** Outbox rows written (alerts to plan). */
  facts: number;
}

export interface IngestOptions {
  defaultTimezone: string;
  /** false for seeding and back-fills: store the data, raise no alerts. */
  withOutbox?: boolean;
}

export class BatchRejectedError extends AppError {
  constructor(readonly errors: TEventError[]) {
    super('validation_failed', `${errors.length} invalid event(s); nothing applied`, errors);
  }
}

/**
 * The only way diary data gets written (CONTRACT section 4): the whole batch is validated,
 * then every upsert and the outbox rows they cause commit in one transaction, or nothing does.
 * Repeated event ids are counted as duplicates and change nothing.
 */
export async function ingestBatch(store: IngestStore, body: unknown, options: IngestOptions): Promise<TIngestResult> {
  const batch = ZBatchSchema.safeParse(body);
  if (!batch.success) {
    throw new AppError('validation_failed', batch.error.issues[0]?.message ?? 'body must be {"events": [...]}', [
      { index: null, id: null, message: batch.error.issues.map((i) => [i.path.join('.'), i.message].filter(Boolean).join(': ')).join('; ') },
    ]);
  }
  const { events, errors } = validateEvents(batch.data.events);
  if (errors.length > 0) throw new BatchRejectedError(errors);
  return ingestValidEvents(store, events, options);
}

export async function ingestValidEvents(store: IngestStore, events: TJournalEvent[], options: IngestOptions): Promise<TIngestResult> {
  const references = collectReferences(events);
  // Loaded for every event, not only the fresh ones: the lookup happens before the claim's answer is known.
  const load = rowsToLoad(events);
  return store.transaction(async (tx) => {
    const found = await tx.lookup({ claim: uniqueById(events), references: references.wanted, ...load });
    // Thrown inside the transaction, so the claim just made is rolled back with it.
    const referenceErrors = unknownReferences(events, references, found.known);
    if (referenceErrors.length > 0) throw new BatchRejectedError(referenceErrors);

    // An id repeated inside one batch is applied once, at its first position.
    const seen = new Set<string>();
    const fresh = events.filter((e) => found.claimed.has(e.id) && !seen.has(e.id) && seen.add(e.id));
    if (fresh.length === 0) return { accepted: 0, duplicates: events.length, facts: 0 };

    const plan = planBatch(fresh, found.existing);
    const withOutbox = options.withOutbox ?? true;
    await tx.write(plan, { withOutbox, defaultTimezone: options.defaultTimezone });
    return { accepted: fresh.length, duplicates: events.length - fresh.length, facts: withOutbox ? plan.outbox.length : 0 };
  });
}

function uniqueById(events: TJournalEvent[]) {
  const byId = new Map<string, Pick<TJournalEvent, 'id' | 'type'>>();
  for (const e of events) if (!byId.has(e.id)) byId.set(e.id, { id: e.id, type: e.type });
  return [...byId.values()];
}
