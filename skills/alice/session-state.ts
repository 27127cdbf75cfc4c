import { z } from 'zod';
import { PENDING_HANDLE_PATTERN } from '../../core/linking';
import { isCivilDate } from '../../core/calendar/civil-date';
import { printable } from '../../core/input/printable-text';
import { ZIntentSchema } from '../../core/nlu/types';
import { ALICE_STATE_LIMIT } from './alice-schemas';

// What the skill remembers within one Alice session. Yandex keeps it and sends it back as
// state.session, so it is read as untrusted input: anything that does not parse is forgotten.

// A forged state may name an impossible day ("9999-99-99") or text the database refuses: forgotten too.
const isoDate = z.string().refine(isCivilDate);

export const ZAliceSessionStateSchema = z.object({
  /** The previous diary question, for follow-ups ("а по физике?"). */
  last: z
    .object({
      intent: ZIntentSchema,
      date: isoDate.nullable().default(null),
      dateTo: isoDate.nullable().default(null),
      subject: printable(z.string()).max(80).nullable().default(null),
      child: printable(z.string()).max(40).nullable().default(null),
    })
    .optional(),
  /** The changed consent text was read out; the answer to it is awaited. */
  reconsent: z.literal(true).optional(),
  /** The handle of a checked link code waiting for the consent answer (never the code: Yandex keeps this state). */
  pending: z.object({ handle: z.string().regex(PENDING_HANDLE_PATTERN) }).optional(),
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
