import { z } from 'zod';

// A Callback API / Bots Long Poll event as VK sends it, read in two steps. The envelope says whose
// event it is and whether it is answered at all; then, for the types the bot handles, the object
// is checked too, so each handler gets it typed. Other types (wall posts, joins, typing) are
// acknowledged and dropped: there is nothing to answer and nothing personal to process.

const ZEventId = z.string().regex(/^[\w-]{1,100}$/, 'must be VK’s event id');
const ZGroupId = z.number().int().positive();

export const ZVkEnvelopeSchema = z.object({
  type: z.string().min(1).max(64),
  group_id: ZGroupId,
  event_id: ZEventId.optional(),
  v: z.string().optional(),
  secret: z.string().optional(),
  object: z.unknown().optional(),
});

export type TVkEnvelope = z.infer<typeof ZVkEnvelopeSchema>;

/** Peer ids from 2e9 up are conversations with several people (VK's chat offset). */
export const VK_CHAT_PEER_OFFSET = 2_000_000_000;

const ZPeer = z.number().int().positive();

/**
 * A handled event as it is queued. Its object is loose: the fields the bot relies on are checked,
 * the rest of VK's object stays for vk-io to read. There is no `secret`: it has done its job at
 * the route and is not stored with the event.
 */
const handled = <T extends string, O extends z.ZodType>(type: T, object: O) =>
  z.object({ type: z.literal(type), group_id: ZGroupId, event_id: ZEventId, v: z.string().optional(), object });

// A `ref` or `conversation_message_id` of the wrong kind only loses what it adds (a link code, an
// edit in place): the message or tap itself is still answered, so such a field reads as absent.
export const ZVkQueuedEventSchema = z.discriminatedUnion('type', [
  handled(
    'message_new',
    z.looseObject({
      message: z.looseObject({
        peer_id: ZPeer,
        from_id: z.number().int(),
        text: z.string().max(10_000).optional(),
        ref: z.string().optional().catch(undefined),
      }),
    }),
  ),
  handled(
    'message_event',
    z.looseObject({
      user_id: ZPeer,
      peer_id: ZPeer,
      event_id: z.string().min(1).max(100),
      payload: z.unknown(),
      conversation_message_id: z.number().int().optional().catch(undefined),
    }),
  ),
  handled('message_allow', z.looseObject({ user_id: ZPeer })),
  handled('message_deny', z.looseObject({ user_id: ZPeer })),
]);

/** An event the bot handles, checked whole: what the inbox stores and the bot processes. */
export type TVkQueuedEvent = z.infer<typeof ZVkQueuedEventSchema>;
export type TVkEventOf<T extends TVkQueuedEvent['type']> = Extract<TVkQueuedEvent, { type: T }>;

const HANDLED_TYPES: ReadonlySet<string> = new Set(
  ZVkQueuedEventSchema.options.map((option) => option.shape.type.value),
);

/** What becomes of an event whose envelope passed: queued, ignored (not a type the bot handles) or malformed. */
export type TVkIntake = { kind: 'queued'; event: TVkQueuedEvent } | { kind: 'ignored' } | { kind: 'malformed' };

export function readQueuedEvent(envelope: TVkEnvelope): TVkIntake {
  if (!HANDLED_TYPES.has(envelope.type)) return { kind: 'ignored' };
  const parsed = ZVkQueuedEventSchema.safeParse(envelope);
  return parsed.success ? { kind: 'queued', event: parsed.data } : { kind: 'malformed' };
}
