import { z } from 'zod';
import { ZIntentSchema } from '../../core/nlu/types';
import { ALICE_STATE_LIMIT } from './alice-schemas';

// What the skill remembers within one Alice session. Yandex keeps it and sends it back as
// state.session, so it is read as untrusted input: anything that does not parse is forgotten.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ZAliceSessionStateSchema = z.object({
  /** The previous diary question, for follow-ups ("а по физике?"). */
  last: z
    .object({
      intent: ZIntentSchema,
      date: isoDate.nullable().default(null),
      dateTo: isoDate.nullable().default(null),
      subject: z.string().max(80).nullable().default(null),
      child: z.string().max(40).nullable().default(null),
    })
    .optional(),
  /** The changed consent text was read out; the answer to it is awaited. */
  reconsent: z.literal(true).optional(),
  /** A checked link code waiting for the consent answer. */
  pending: z.object({ code: z.string().regex(/^\d{12}$/) }).optional(),
});
export type TAliceSessionState = z.infer<typeof ZAliceSessionStateSchema>;

export function readSessionState(raw: unknown): TAliceSessionState {
  const parsed = ZAliceSessionStateSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

/** The state to send back, kept under Yandex's 1 KB: the follow-up memory goes first if it must. */
export function writeSessionState(state: TAliceSessionState): TAliceSessionState {
  if (Buffer.byteLength(JSON.stringify(state)) < ALICE_STATE_LIMIT) return state;
  const { pending } = state;
  return pending ? { pending } : {};
}
