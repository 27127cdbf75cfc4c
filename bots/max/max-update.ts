import { createHash } from 'node:crypto';
import { z } from 'zod';

// A MAX update as the Bot API sends it (a webhook's body or one of GET /updates), read in two
// steps as VK's events are: the envelope names the type; for the types the bot handles the fields
// it relies on are checked too, so each handler gets them typed. Other types (edits, removals,
// chat renames) are acknowledged and dropped: nothing to answer, nothing personal to process.

export const ZMaxEnvelopeSchema = z.looseObject({
  update_type: z.string().min(1).max(64),
  timestamp: z.number().int().nonnegative(),
});

export type TMaxEnvelope = z.infer<typeof ZMaxEnvelopeSchema>;

const ZId = z.number().int().safe();
const ZLocale = z.string().max(35).nullish();
const ZUser = z.looseObject({ user_id: ZId, is_bot: z.boolean().optional() });
const ZRecipient = z.looseObject({ chat_id: ZId.nullish(), chat_type: z.string().max(32) });
const ZMid = z.string().min(1).max(200);
const ZMessage = z.looseObject({
  sender: ZUser.nullish(),
  recipient: ZRecipient,
  body: z.looseObject({ mid: ZMid, text: z.string().nullish() }),
});

const ZMessageCreated = z.looseObject({
  update_type: z.literal('message_created'),
  timestamp: z.number(),
  message: ZMessage,
  user_locale: ZLocale,
});
const ZMessageCallback = z.looseObject({
  update_type: z.literal('message_callback'),
  timestamp: z.number(),
  callback: z.looseObject({ callback_id: z.string().min(1).max(200), payload: z.string().nullish(), user: ZUser }),
  // The message the button was under; MAX may leave it out (a message too old).
  message: ZMessage.nullish(),
  user_locale: ZLocale,
});
const ZBotStarted = z.looseObject({
  update_type: z.literal('bot_started'),
  timestamp: z.number(),
  chat_id: ZId,
  user: ZUser,
  // The deep link's start payload: at most 128 characters by MAX's rules; a longer one reads as none.
  payload: z.string().max(128).nullish().catch(null),
  user_locale: ZLocale,
});
const ZBotStopped = z.looseObject({
  update_type: z.literal('bot_stopped'),
  timestamp: z.number(),
  chat_id: ZId,
  user: ZUser,
});

export const ZMaxUpdateSchema = z.discriminatedUnion('update_type', [
  ZMessageCreated,
  ZMessageCallback,
  ZBotStarted,
  ZBotStopped,
]);

export type TMaxUpdate = z.infer<typeof ZMaxUpdateSchema>;
export type TMaxUpdateOf<T extends TMaxUpdate['update_type']> = Extract<TMaxUpdate, { update_type: T }>;

/** The update types the bot asks MAX for (a subscription's and long polling's `types`). */
export const MAX_UPDATE_TYPES = ['message_created', 'message_callback', 'bot_started', 'bot_stopped'] as const;

const HANDLED: ReadonlySet<string> = new Set(MAX_UPDATE_TYPES);

export type TMaxIntake =
  | { kind: 'queued'; id: string; update: TMaxUpdate }
  | { kind: 'ignored' }
  | { kind: 'malformed'; reason: string };

/**
 * What makes an update itself, since MAX gives none an id: a message's `mid`, a tap's
 * `callback_id`, and for a start or stop its chat, type and moment. Hashed: the claim is an inbox
 * key (BullMQ job ids take no ':'), and nothing readable about the chat stays in Redis.
 */
export function claimIdOf(update: TMaxUpdate): string {
  let identity: string;
  switch (update.update_type) {
    case 'message_created':
      identity = `message\n${update.message.body.mid}`;
      break;
    case 'message_callback':
      identity = `callback\n${update.callback.callback_id}`;
      break;
    case 'bot_started':
    case 'bot_stopped':
      identity = `${update.update_type}\n${update.chat_id}\n${update.timestamp}`;
      break;
  }
  return `max-${createHash('sha256').update(identity).digest('hex').slice(0, 40)}`;
}

/** The envelope's update, checked when it is of a handled type. */
export function readMaxUpdate(envelope: TMaxEnvelope): TMaxIntake {
  if (!HANDLED.has(envelope.update_type)) return { kind: 'ignored' };
  const parsed = ZMaxUpdateSchema.safeParse(envelope);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'malformed', reason: `${issue.path.join('.') || 'update'} ${issue.message}` };
  }
  return { kind: 'queued', id: claimIdOf(parsed.data), update: parsed.data };
}

/** The chat an update is about (0 for none): the order of its updates is kept per chat. */
export function chatOfUpdate(update: TMaxUpdate): number {
  switch (update.update_type) {
    case 'message_created':
      return update.message.recipient.chat_id ?? 0;
    case 'message_callback':
      return update.message?.recipient.chat_id ?? 0;
    case 'bot_started':
    case 'bot_stopped':
      return update.chat_id;
  }
}
