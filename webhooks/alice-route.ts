import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler, Router } from 'express';
import { AppError } from '../core/errors';
import type { AliceSkill } from '../skills/alice';
import { MAX_BODY_BYTES } from './limits';

export interface AliceRouteOptions {
  /**
   * ALICE_WEBHOOK_PATH_SECRET: only /webhooks/alice/<secret> answers, the URL entered in Yandex
   * Dialogs. Yandex signs nothing and the skill_id is public, so this is what keeps strangers from
   * posting forged requests (and spending Alice's budget of link-code tries).
   */
  pathSecret?: string;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The secret is a parameter of the route, not part of its pattern: metrics and logs name a request
 * by the pattern, so they show `/webhooks/alice/:secret` and never the secret. A wrong one is
 * answered like a path that does not exist, before the body is read.
 */
function requirePathSecret(secret: string): RequestHandler {
  const expected = digest(secret);
  return (req, _res, next) => {
    const given = String(req.params.secret ?? '');
    if (!timingSafeEqual(digest(given), expected))
      return next(new AppError('not_found', 'no route for POST /webhooks/alice/…'));
    next();
  };
}

/**
 * POST /webhooks/alice, or /webhooks/alice/<secret> (README "HTTP"). Yandex signs nothing,
 * so the skill checks skill_id; a refused or malformed request becomes 403/400 through the app's
 * error handler.
 */
export function aliceRoute(skill: AliceSkill, options: AliceRouteOptions = {}): Router {
  const router = Router();
  const handlers: RequestHandler[] = [
    express.json({ limit: MAX_BODY_BYTES, type: () => true }),
    async (req, res) => {
      res.json(await skill.handle(req.body));
    },
  ];
  if (options.pathSecret) router.post('/webhooks/alice/:secret', requirePathSecret(options.pathSecret), ...handlers);
  else router.post('/webhooks/alice', ...handlers);
  return router;
}
