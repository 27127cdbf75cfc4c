import { AppError } from '../errors';
import { type TJournalEvent, ZBatchSchema } from './event-schemas';
import type { IngestStore } from './ingest-port';
import { OPERATOR_SCOPE, shownId, type TIngestScope, toStoredIds } from './ingest-scope';
import { planBatch } from './plan-batch';
import { rowsToLoad } from './rows-to-load';
import { checkTenancy, foreignSchoolFields } from './tenancy';
import { finalGradeConflicts, periodOverlaps } from './term-rules';
import { collectReferences, type TEventError, unknownReferences, validateEvents } from './validate-batch';

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
  /** Who writes: the operator (default) or one school's key. */
  scope?: TIngestScope;
}

export class BatchRejectedError extends AppError {
  constructor(readonly errors: TEventError[]) {
    super('validation_failed', `${errors.length} invalid event(s); nothing applied`, errors);
  }
}

/** A school key's batch that reaches beyond its school: refused whole, before any other check. */
export class BatchForbiddenError extends AppError {
  constructor(readonly errors: TEventError[]) {
    super('forbidden', `${errors.length} event(s) reach beyond this key's school; nothing applied`, errors);
  }
}

/**
 * The only way diary data gets written (README "Journal ingestion API"): the whole batch is validated,
 * then every upsert and the outbox rows they cause commit in one transaction, or nothing does.
 * Repeated event ids are counted as duplicates and change nothing.
 */
export async function ingestBatch(store: IngestStore, body: unknown, options: IngestOptions): Promise<TIngestResult> {
  const batch = ZBatchSchema.safeParse(body);
  if (!batch.success) {
    throw new AppError('validation_failed', batch.error.issues[0]?.message ?? 'body must be {"events": [...]}', [
      {
        index: null,
        id: null,
        message: batch.error.issues.map((i) => [i.path.join('.'), i.message].filter(Boolean).join(': ')).join('; '),
      },
    ]);
  }
  const { events, errors, indices } = validateEvents(batch.data.events);
  const scope = options.scope ?? OPERATOR_SCOPE;
  // 403 wins over 422: a school key's malformed batch is still checked for what it reaches.
  if (errors.length > 0 && scope.kind === 'operator') throw new BatchRejectedError(errors);
  // Valid events are checked against the database below; the malformed ones only by what they name.
  const valid = new Set(indices);
  const foreign = foreignSchoolFields(batch.data.events, scope).filter((e) => !valid.has(e.index));
  return applyEvents(store, events, options, { indices, schemaErrors: errors, foreign });
}

/** Events already validated (the CLI checks a whole file first, then applies it in batches). */
export async function ingestValidEvents(
  store: IngestStore,
  events: TJournalEvent[],
  options: IngestOptions,
): Promise<TIngestResult> {
  return applyEvents(store, events, options, { indices: events.map((_, i) => i), schemaErrors: [], foreign: [] });
}

interface TChecked {
  /** Batch position of each event. */
  indices: number[];
  /** 422s found before the database was asked; nothing is applied, but a 403 still wins. */
  schemaErrors: TEventError[];
  /** 403s found before the database was asked, by batch position. */
  foreign: TEventError[];
}

async function applyEvents(
  store: IngestStore,
  sent: TJournalEvent[],
  options: IngestOptions,
  checked: TChecked,
): Promise<TIngestResult> {
  const scope = options.scope ?? OPERATOR_SCOPE;
  const shown = (id: string) => shownId(scope, id);
  // Errors name events as the writer sent them: its own positions and ids.
  const asSent = (errors: TEventError[]) =>
    errors.map((e) => ({ ...e, index: checked.indices[e.index], id: sent[e.index].id }));
  const events = toStoredIds(scope, sent);
  const references = collectReferences(events);
  const applicable = checked.schemaErrors.length === 0;
  // Loaded for every event, not only the fresh ones: the lookup happens before the claim's answer is known.
  const load = applicable
    ? rowsToLoad(events)
    : {
        gradeIds: [],
        lessonIds: [],
        homeworkIds: [],
        canteenTransactionIds: [],
        passIds: [],
        schoolEventIds: [],
        announcementIds: [],
        attendanceKeys: [],
        finalGradeIds: [],
        finalGradeSlots: [],
        periodSchoolIds: [],
      };
  return store.transaction(async (tx) => {
    const found = await tx.lookup({
      claim: applicable ? uniqueById(events) : [],
      references: references.wanted,
      ...load,
    });
    // Thrown inside the transaction, so the claim just made is rolled back with it.
    const tenancy = checkTenancy(events, references, found.known, scope, shown);
    const forbidden = byIndex([...checked.foreign, ...asSent(tenancy.forbidden)]);
    if (forbidden.length > 0) throw new BatchForbiddenError(forbidden);
    if (!applicable) throw new BatchRejectedError(checked.schemaErrors);
    const invalid = byIndex(
      asSent([...unknownReferences(events, references, found.known, shown), ...tenancy.inconsistent]),
    );
    if (invalid.length > 0) throw new BatchRejectedError(invalid);

    // An id repeated inside one batch is applied once, at its first position.
    const seen = new Set<string>();
    const applies = events.map((e) => found.claimed.has(e.id) && !seen.has(e.id) && Boolean(seen.add(e.id)));
    // The rules that span rows are judged on what the batch leaves behind, so only on what applies.
    const conflicts = byIndex(
      asSent([
        ...periodOverlaps(events, applies, found.existing.periods, shown),
        ...finalGradeConflicts(events, applies, found.existing.finalGrades, shown),
      ]),
    );
    if (conflicts.length > 0) throw new BatchRejectedError(conflicts);
    const fresh = events.filter((_, i) => applies[i]);
    if (fresh.length === 0) return { accepted: 0, duplicates: events.length, facts: 0 };

    const plan = planBatch(fresh, found.existing);
    const withOutbox = options.withOutbox ?? true;
    await tx.write(plan, { withOutbox, defaultTimezone: options.defaultTimezone });
    return {
      accepted: fresh.length,
      duplicates: events.length - fresh.length,
      facts: withOutbox ? plan.outbox.length : 0,
    };
  });
}

/** One error per event, in batch order (an event may be both unknown-referring and mixed). */
function byIndex(errors: TEventError[]): TEventError[] {
  const merged = new Map<number, TEventError>();
  for (const e of errors) {
    const before = merged.get(e.index);
    merged.set(e.index, before ? { ...before, message: `${before.message}; ${e.message}` } : e);
  }
  return [...merged.values()].sort((a, b) => a.index - b.index);
}

function uniqueById(events: TJournalEvent[]) {
  const byId = new Map<string, Pick<TJournalEvent, 'id' | 'type'>>();
  for (const e of events) if (!byId.has(e.id)) byId.set(e.id, { id: e.id, type: e.type });
  return [...byId.values()];
}
