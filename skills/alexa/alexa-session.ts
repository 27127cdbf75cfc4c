import { z } from 'zod';
import { PENDING_HANDLE_PATTERN } from '../../core/linking';
import { ZQuerySchema } from '../../core/nlu/types';

// What the skill keeps in Alexa's session attributes between turns: the previous diary question
// (for "what about physics?") and the handle of a checked link code waiting for the consent
// answer — never the code: Amazon keeps these attributes. Read back through a schema: anything
// that does not parse is forgotten, never trusted.

export const ZAlexaSessionSchema = z.object({
  last: ZQuerySchema.optional(),
  /** The changed consent text was read out; yes or no is awaited. */
  reconsent: z.literal(true).optional(),
  pending: z.object({ handle: z.string().regex(PENDING_HANDLE_PATTERN) }).optional(),
});
export type TAlexaSession = z.infer<typeof ZAlexaSessionSchema>;

export function readAlexaSession(raw: unknown): TAlexaSession {
  const parsed = ZAlexaSessionSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}
