import { createHash, timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { readQueuedEvent, type TVkQueuedEvent, ZVkEnvelopeSchema } from '../bots/vk';
import { AppError } from '../core/errors';
import type { EventInbox } from '../core/updates';
import { MAX_BODY_BYTES } from './limits';

export interface VkRouteDeps {
  groupId: number;
  /** VK_CALLBACK_SECRET: VK puts it in every event's `secret`. */
  secret: string;
  /** VK_CONFIRMATION: the string VK expects back when the server is added. */
  confirmation: string;
  inbox: EventInbox<TVkQueuedEvent>;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * POST /webhooks/vk (README "HTTP"). Unlike vk-io's own webhook callback, which answers "ok"
 * before running the handlers, the event is in the inbox before "ok" is sent: a crash after the
 * answer cannot lose it, and a crash before it makes VK send it again.
 */
export function vkRoute(deps: VkRouteDeps): Router {
  const router = Router();
  const expected = digest(deps.secret);
  router.post('/webhooks/vk', express.json({ limit: MAX_BODY_BYTES, type: () => true }), async (req, res, next) => {
    try {
      const parsed = ZVkEnvelopeSchema.safeParse(req.body);
      if (!parsed.success)
        throw new AppError(
          'bad_request',
          `body must be a VK Callback API event: ${parsed.error.issues[0].path.join('.') || 'body'} ${parsed.error.issues[0].message}`,
        );
      const event = parsed.data;
      if (event.group_id !== deps.groupId) throw new AppError('forbidden', 'event for another community');
      if (event.type === 'confirmation') return void res.type('text/plain').send(deps.confirmation);
      if (event.secret === undefined || !timingSafeEqual(digest(event.secret), expected))
        throw new AppError('forbidden', 'wrong or missing secret');
      if (!event.event_id) throw new AppError('bad_request', 'event_id is required');
      // Answered "ok" whether queued or not: VK would only send an ignored or broken event again.
      const intake = readQueuedEvent(event);
      if (intake.kind === 'malformed')
        req.log.warn({ eventId: event.event_id, type: event.type }, 'vk event with a malformed object skipped');
      if (intake.kind === 'queued') {
        try {
          await deps.inbox.put(intake.event.event_id, intake.event);
        } catch {
          // Not stored: VK must not hear "ok", so it sends the event again. The inbox logs the cause.
          throw new AppError('unavailable', 'event not stored, send it again');
        }
      }
      res.type('text/plain').send('ok');
    } catch (err) {
      next(err);
    }
  });
  return router;
}
