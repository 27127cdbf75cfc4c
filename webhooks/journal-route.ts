import express, { Router } from 'express';
import { AppError } from '../core/errors';
import { ingestBatch, type IngestOptions } from '../core/ingest/ingest-batch';
import type { IngestStore } from '../core/ingest/ingest-port';
import type { TMetrics } from '../infra/metrics';
import { MAX_BODY_BYTES } from './limits';
import { verifyJournalSignature } from './journal-signature';

export interface JournalRouteDeps {
  secret?: string;
  store: IngestStore;
  ingestOptions: IngestOptions;
  metrics: TMetrics;
  nowSeconds?: () => number;
}

/** POST /webhooks/journal — CONTRACT section 4. The signature covers the raw bytes, so parse after checking it. */
export function journalRoute(deps: JournalRouteDeps): Router {
  const router = Router();
  const now = deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  router.post('/webhooks/journal', express.raw({ type: () => true, limit: MAX_BODY_BYTES }), async (req, res) => {
    if (!deps.secret) throw new AppError('unauthorized', 'journal ingestion is not configured: JOURNAL_WEBHOOK_SECRET is unset');
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const check = verifyJournalSignature(
      deps.secret,
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
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('bad_request', 'body must be a JSON object {"events": [...]}');

    const stopTimer = deps.metrics.ingestBatchDuration.startTimer();
    try {
      const result = await ingestBatch(deps.store, body, deps.ingestOptions);
      deps.metrics.ingestEvents.inc({ result: 'accepted' }, result.accepted);
      deps.metrics.ingestEvents.inc({ result: 'duplicate' }, result.duplicates);
      req.log.info({ accepted: result.accepted, duplicates: result.duplicates, facts: result.facts }, 'journal batch applied');
      res.json({ accepted: result.accepted, duplicates: result.duplicates });
    } catch (err) {
      if (err instanceof AppError) deps.metrics.ingestEvents.inc({ result: 'rejected' }, Array.isArray((body as { events?: unknown }).events) ? (body as { events: unknown[] }).events.length : 1);
      throw err;
    } finally {
      stopTimer();
    }
  });
  return router;
}
