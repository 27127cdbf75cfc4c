import { z } from 'zod';
import { ZQuerySchema } from '../../core/nlu/types';

// What the skill keeps in Alexa's session attributes between turns: the previous diary question
// (for "what about physics?") and a checked link code waiting for the consent answer. Read back
// through a schema: anything that does not parse is forgotten, never trusted.

export const ZAlexaSessionSchema = z.object({
  last: ZQuerySchema.optional(),
  /** The changed consent text was read out; yes or no is awaited. */
  reconsent: z.literal(true).optional(),
  pending: z.object({ code: z.string().regex(/^\d{12}$/) }).optional(),
});
export type TAlexaSession = z.infer<typeof ZAlexaSessionSchema>;

export function readAlexaSession(raw: unknown): TAlexaSession {
  const parsed = ZAlexaSessionSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}
