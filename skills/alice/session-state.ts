import { z } from 'zod';
import { isCivilDate } from '../../core/calendar';
import { printable } from '../../core/input';
import { ZIntentSchema, ZTargetMarkSchema, ZTermMentionSchema } from '../../core/nlu';
import { voiceSessionSchema } from '../voice/voice-session';
import { ALICE_STATE_LIMIT } from './alice-schemas';

// What the skill remembers within one Alice session, sent back by Yandex as state.session.

// A forged state may name an impossible day ("9999-99-99") or text the database refuses: forgotten too.
const isoDate = z.string().refine(isCivilDate);

export const ZAliceSessionStateSchema = voiceSessionSchema(
  // The previous question, bounded: Yandex keeps at most 1 KB of state.
  z.object({
    intent: ZIntentSchema,
    date: isoDate.nullable().default(null),
    dateTo: isoDate.nullable().default(null),
    subject: printable(z.string()).max(80).nullable().default(null),
    child: printable(z.string()).max(40).nullable().default(null),
    // A term question's period and target mark, so «а по физике?» keeps «за прошлую четверть».
    term: ZTermMentionSchema.nullable().optional(),
    target: ZTargetMarkSchema.nullable().optional(),
  }),
);
export type TAliceSessionState = z.infer<typeof ZAliceSessionStateSchema>;

/** The state to send back, kept under Yandex's 1 KB: the follow-up memory goes first if it must. */
export function writeSessionState(state: TAliceSessionState): TAliceSessionState {
  if (Buffer.byteLength(JSON.stringify(state)) < ALICE_STATE_LIMIT) return state;
  const { pending } = state;
  return pending ? { pending } : {};
}
