import express, { type Request, Router } from 'express';
import { AppError } from '../core/errors';
import type { IngestStore } from '../core/ingest';
import { type IngestOptions, ingestBatch, OPERATOR_SCOPE, type TIngestScope } from '../core/ingest';
import type { JournalKeys } from '../core/journal-keys';
import type { TMetrics } from '../infra/metrics';
import { verifyJournalSignature } from './journal-signature';
import { MAX_BODY_BYTES } from './limits';

export interface JournalRouteDeps {
  /** The operator's key (JOURNAL_WEBHOOK_SECRET): writes every school. */
  secret?: string;
  /** Schools' own keys, named by X-Dnevnik-Key-Id. */
  keys: Pick<JournalKeys, 'resolve'>;
  store: IngestStore;
  ingestOptions: IngestOptions;
  metrics: TMetrics;
  nowSeconds?: () => number;
}

/** POST /webhooks/journal — README "Journal ingestion API". The signature covers the raw bytes, so parse after checking it. */
export function journalRoute(deps: JournalRouteDeps): Router {
  const router = Router();
  const now = deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  router.post('/webhooks/journal', express.raw({ type: () => true, limit: MAX_BODY_BYTES }), async (req, res) => {
    const { secret, scope } = await signer(req, deps);
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const check = verifyJournalSignature(
      secret,
      { timestamp: req.get('x-dnevnik-timestamp'), signature: req.get('x-dnevnik-signature') },
      rawBody,
      now(),
    );
    if (!check.ok) throw new AppError('unauthorized', check.reason);

    let body: unknown;
    try {
      body = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw new AppError('bad_request', 'body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new AppError('bad_request', 'body must be a JSON object {"events": [...]}');

    const stopTimer = deps.metrics.ingestBatchDuration.startTimer();
    const keyId = scope.kind === 'school' ? scope.keyId : 'operator';
    try {
      const result = await ingestBatch(deps.store, body, { ...deps.ingestOptions, scope });
      deps.metrics.ingestEvents.inc({ result: 'accepted' }, result.accepted);
      deps.metrics.ingestEvents.inc({ result: 'duplicate' }, result.duplicates);
      req.log.info(
        { keyId, accepted: result.accepted, duplicates: result.duplicates, facts: result.facts },
        'journal batch applied',
      );
      res.json({ accepted: result.accepted, duplicates: result.duplicates });
    } catch (err) {
      if (err instanceof AppError) {
        deps.metrics.ingestEvents.inc(
          { result: 'rejected' },
          Array.isArray((body as { events?: unknown }).events) ? (body as { events: unknown[] }).events.length : 1,
        );
        if (err.code === 'forbidden') req.log.warn({ keyId }, "journal batch refused: beyond the key's school");
      }
      throw err;
    } finally {
      stopTimer();
    }
  });
  return router;
}

/** The secret the request must be signed with, and what that signer may write. */
async function signer(req: Request, deps: JournalRouteDeps): Promise<{ secret: string; scope: TIngestScope }> {
  const keyId = req.get('x-dnevnik-key-id')?.trim();
  if (keyId !== undefined) {
    const key = await deps.keys.resolve(keyId);
    // One answer for unknown and revoked: the header tells an outsider nothing about which key ids exist.
    if (!key) throw new AppError('unauthorized', 'unknown or revoked journal key (X-Dnevnik-Key-Id)');
    return { secret: key.secret, scope: { kind: 'school', schoolId: key.schoolId, keyId } };
  }
  if (!deps.secret) {
    throw new AppError(
      'unauthorized',
      'sign with a school key named in X-Dnevnik-Key-Id (the operator key JOURNAL_WEBHOOK_SECRET is unset)',
    );
  }
  return { secret: deps.secret, scope: OPERATOR_SCOPE };
}
