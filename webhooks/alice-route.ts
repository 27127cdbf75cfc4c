import express, { Router } from 'express';
import type { AliceSkill } from '../skills/alice';
import { MAX_BODY_BYTES } from './limits';

/**
 * POST /webhooks/alice (CONTRACT section 3). Yandex signs nothing, so the skill checks skill_id;
 * a refused or malformed request becomes 403/400 through the app's error handler.
 */
export function aliceRoute(skill: AliceSkill): Router {
  const router = Router();
  router.post('/webhooks/alice', express.json({ limit: MAX_BODY_BYTES, type: () => true }), async (req, res) => {
    res.json(await skill.handle(req.body));
  });
  return router;
}
