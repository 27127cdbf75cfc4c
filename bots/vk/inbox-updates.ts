import type { Agent } from 'node:https';
import { type API, Updates, type Upload } from 'vk-io';
import type { TConversationLogger } from '../../core/conversation';
import { readQueuedEvent, type TVkQueuedEvent, ZVkEnvelopeSchema } from './vk-event';

/**
 * vk-io's Bots Long Poll, with each polled event handed to `intake` (the same inbox the Callback
 * API route writes to) instead of vk-io's middleware: both transports then share one path —
 * stored, deduplicated by event_id, processed by the bot.
 */
export class InboxUpdates extends Updates {
  constructor(
    options: { api: API; upload: Upload; agent: Agent; pollingGroupId: number },
    private readonly intake: (event: TVkQueuedEvent) => Promise<void>,
    private readonly log: TConversationLogger,
  ) {
    super({ ...options, pollingWait: 3_000 });
  }

  // vk-io's poller calls this for every group event and does not wait for it or catch its failure.
  override async handleWebhookUpdate(update: Record<string, unknown>): Promise<void> {
    const parsed = ZVkEnvelopeSchema.safeParse(update);
    if (!parsed.success || !parsed.data.event_id) {
      this.log.warn({ type: update.type }, 'vk polled event without an id skipped');
      return;
    }
    const intake = readQueuedEvent(parsed.data);
    if (intake.kind === 'malformed')
      this.log.warn(
        { eventId: parsed.data.event_id, type: parsed.data.type },
        'vk event with a malformed object skipped',
      );
    if (intake.kind !== 'queued') return;
    try {
      await this.intake(intake.event);
    } catch (err) {
      this.log.error({ eventId: intake.event.event_id, err }, 'vk polled event not stored');
    }
  }
}
