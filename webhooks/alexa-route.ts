import type { Skill } from 'ask-sdk-core';
import { ExpressAdapter, type Verifier } from 'ask-sdk-express-adapter';
import { Router } from 'express';
import { z } from 'zod';
import { printable } from '../core/input';

// POST /webhooks/alexa (README "HTTP") through ask-sdk-express-adapter, which reads the raw
// body itself (so this router has no body parser) and verifies Amazon's signature and timestamp.
// The adapter answers 400 only for a failed verifier and 500 for anything the skill throws, so
// what would make the skill throw on bad input — not JSON, not an envelope, another skill's
// id — is checked here as one more verifier, and bad input stays a 400.

// The user id names a chat in the database: NUL or a lone surrogate in it is bad input too.
const ZEnvelopeSchema = z.object({
  version: z.string(),
  context: z.object({
    System: z.object({
      application: z.object({ applicationId: z.string() }),
      user: z.object({ userId: printable(z.string()) }),
    }),
  }),
  request: z.object({ type: z.string(), requestId: z.string(), timestamp: z.string() }),
});

export function envelopeVerifier(skillId: string): Verifier {
  return {
    async verify(body: string) {
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new Error('body is not valid JSON');
      }
      const parsed = ZEnvelopeSchema.safeParse(json);
      if (!parsed.success) throw new Error(`not an Alexa request envelope: ${parsed.error.issues[0].path.join('.')}`);
      if (parsed.data.context.System.application.applicationId !== skillId)
        throw new Error('request for another skill id');
    },
  };
}

export interface AlexaRouteOptions {
  skill: Skill;
  skillId: string;
  /** ALEXA_VERIFY_SIGNATURE: off only for local testing with a simulator that cannot sign. */
  verify: boolean;
}

export function alexaRoute(options: AlexaRouteOptions): Router {
  const adapter = new ExpressAdapter(options.skill, options.verify, options.verify, [
    envelopeVerifier(options.skillId),
  ]);
  const router = Router();
  router.post('/webhooks/alexa', ...adapter.getRequestHandlers());
  return router;
}
