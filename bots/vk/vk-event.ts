import { z } from 'zod';

// A Callback API / Bots Long Poll event as VK sends it. Only the envelope is checked here; the
// `object` of the events the bot handles is read through vk-io's contexts.

export const ZVkEventSchema = z.object({
  type: z.string().min(1).max(64),
  group_id: z.number().int().positive(),
  event_id: z.string().regex(/^[\w-]{1,100}$/, 'must be VK’s event id').optional(),
  v: z.string().optional(),
  secret: z.string().optional(),
  object: z.unknown().optional(),
});

export type TVkEvent = z.infer<typeof ZVkEventSchema>;

/** An event that can be queued and processed: it has an id. */
export type TVkQueuedEvent = TVkEvent & { event_id: string };

/** Peer ids from 2e9 up are conversations with several people (VK's chat offset). */
export const VK_CHAT_PEER_OFFSET = 2_000_000_000;

const ZPeer = z.number().int().positive();

/** The parts of the handled events' objects the bot relies on; anything else there is vk-io's to read. */
export const ZVkObjectSchemas = {
  message_new: z.object({ message: z.object({ peer_id: ZPeer, from_id: z.number().int(), text: z.string().max(10_000).optional() }) }),
  message_event: z.object({ user_id: ZPeer, peer_id: ZPeer, event_id: z.string().min(1).max(100), payload: z.unknown() }),
  message_allow: z.object({ user_id: ZPeer }),
  message_deny: z.object({ user_id: ZPeer }),
};
