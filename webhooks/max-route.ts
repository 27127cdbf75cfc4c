import { createHash, timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { readMaxUpdate, type TMaxUpdate, ZMaxEnvelopeSchema } from '../bots/max';
import { AppError } from '../core/errors';
import type { EventInbox } from '../core/updates';
import { MAX_BODY_BYTES } from './limits';

export interface MaxRouteDeps {
  /** MAX_WEBHOOK_SECRET: MAX sends it back in X-Max-Bot-Api-Secret with every update. */
  secret: string;
  inbox: EventInbox<TMaxUpdate>;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * POST /webhooks/max (README "HTTP"). The secret is checked before the body is read as an update;
 * the update is claimed in the inbox by what identifies it (MAX gives updates no id) before MAX
 * hears 200, so a crash after the answer cannot lose it and a repeat is not processed twice.
 */
export function maxRoute(deps: MaxRouteDeps): Router {
  const router = Router();
  const expected = digest(deps.secret);
  router.post(
    '/webhooks/max',
    (req, _res, next) => {
      const given = req.get('x-max-bot-api-secret');
      if (given === undefined || !timingSafeEqual(digest(given), expected))
        return next(new AppError('unauthorized', 'wrong or missing X-Max-Bot-Api-Secret'));
      next();
    },
    express.json({ limit: MAX_BODY_BYTES, type: () => true }),
    async (req, res, next) => {
      try {
        const envelope = ZMaxEnvelopeSchema.safeParse(req.body);
        if (!envelope.success) {
          const issue = envelope.error.issues[0];
          throw new AppError(
            'bad_request',
            `body must be a MAX update: ${issue.path.join('.') || 'body'} ${issue.message}`,
          );
        }
        // Answered 200 whether queued or not: MAX would only send an ignored or broken update again.
        const intake = readMaxUpdate(envelope.data);
        if (intake.kind === 'malformed')
          req.log.warn(
            { type: envelope.data.update_type, reason: intake.reason },
            'max update with a malformed body skipped',
          );
        if (intake.kind === 'queued') {
          try {
            await deps.inbox.put(intake.id, intake.update);
          } catch {
            // Not stored: MAX must not hear 200, so it sends the update again. The inbox logs the cause.
            throw new AppError('unavailable', 'update not stored, send it again');
          }
        }
        res.json({ ok: true });
      } catch (err) {
        next(err);
      }
    },
  );
  return router;
}
