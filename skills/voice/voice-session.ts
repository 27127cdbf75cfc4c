import { z } from 'zod';
import { PENDING_HANDLE_PATTERN } from '../../core/linking';

// What a voice skill keeps between the turns of one session: the previous diary question (for
// "а по физике?", "what about physics?") and where a consent question stands. The platform keeps
// it and sends it back with the next request, so it is read as untrusted input: anything that does
// not parse is forgotten, never trusted. Each skill says how it keeps the previous question.

export function voiceSessionSchema<TLast extends z.ZodType>(last: TLast) {
  return z.object({
    /** The previous diary question, for follow-ups. */
    last: last.optional(),
    /** The changed consent text was read out; yes or no is awaited. */
    reconsent: z.literal(true).optional(),
    /** The handle of a checked link code waiting for the consent answer (never the code: the platform keeps this state). */
    pending: z.object({ handle: z.string().regex(PENDING_HANDLE_PATTERN) }).optional(),
  });
}

/** The session a request carries; empty when it is missing or does not parse. */
export function readVoiceSession<TSession extends object>(
  schema: z.ZodType<TSession>,
  raw: unknown,
): Partial<TSession> {
  const parsed = schema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}
