import type {
  AlertObserver,
  AlertStore,
  ChatSender,
  Clock,
  DeliveryQueue,
  RateLimiter,
  TDeliveryJob,
} from './alert-ports';

// One delivery job: claim the message (so no other worker sends it), wait for a slot of the
// bot's and the chat's rate, send, and record the outcome. Nothing here drops a message quietly:
// every failure ends as "retry later", "failed after many tries" or "chat inactive".

export interface DeliveryOptions {
  /** A claim older than this is considered abandoned by a dead worker. */
  leaseMs: number;
  /** Waiting longer than this for a rate slot gives the message back to the queue instead. */
  maxInlineWaitMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  random?: () => number;
}

const NO_SENDER_RETRY_MS = 10 * 60_000;

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  leaseMs: 60_000,
  maxInlineWaitMs: 5_000,
  maxAttempts: 12,
  backoffBaseMs: 1_000,
  backoffMaxMs: 10 * 60_000,
};

export interface DeliveryDeps {
  store: AlertStore;
  queue: DeliveryQueue;
  limiter: RateLimiter;
  senders: Map<string, ChatSender>;
  clock: Clock;
  observer: AlertObserver;
  options: DeliveryOptions;
}

/** Exponential backoff with jitter, so many failed sends do not return in one burst. */
export function backoffMs(attempt: number, options: DeliveryOptions): number {
  const ceiling = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  const random = options.random ?? Math.random;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function createDeliveryHandler(deps: DeliveryDeps) {
  const { store, queue, limiter, senders, clock, observer, options } = deps;

  const retryLater = async (messageId: string, attempt: number, delayMs: number, error: string) => {
    await store.reschedule(messageId, delayMs, error);
    await queue.enqueue([{ messageId, attempt, delayMs }]);
  };

  return async function deliver(job: TDeliveryJob): Promise<void> {
    const message = await store.claim(job.messageId, options.leaseMs);
    if (!message) return;
    if (!message.chatActive) {
      await store.dropForInactiveChat(message.id, message.chatId, 'chat inactive');
      observer.failed(message.channel || 'none', 'inactive');
      return;
    }
    const sender = senders.get(message.channel);
    if (!sender) {
      // The bot is not configured in this process (yet): keep the message, do not blame the chat.
      await retryLater(message.id, message.attempts, NO_SENDER_RETRY_MS, `no sender for ${message.channel}`);
      return;
    }
    for (;;) {
      const wait = await limiter.reserve(sender.bot, message.externalId, sender.pacing);
      if (wait === 0) break;
      if (wait > options.maxInlineWaitMs) {
        await retryLater(message.id, message.attempts, wait, 'rate limited');
        return;
      }
      await clock.sleep(wait);
    }
    const result = await sender.send({
      externalId: message.externalId,
      text: message.text,
      key: `alert-message:${message.id}`,
    });
    if (result.ok) {
      await store.markSent(message.id);
      observer.sent(sender.channel, clock.now().getTime() - message.ingestedAt.getTime());
      return;
    }
    switch (result.kind) {
      case 'retry-after':
        await limiter.pause(sender.bot, result.retryAfterMs);
        observer.retried(sender.channel, '429');
        await retryLater(message.id, message.attempts, result.retryAfterMs, result.error);
        return;
      case 'transient':
        if (message.attempts >= options.maxAttempts) {
          await store.markFailed(message.id, result.error);
          observer.failed(sender.channel, 'gave-up');
          return;
        }
        observer.retried(sender.channel, 'transient');
        await retryLater(message.id, message.attempts, backoffMs(message.attempts, options), result.error);
        return;
      case 'blocked':
        await store.dropForInactiveChat(message.id, message.chatId, result.error);
        observer.failed(sender.channel, 'blocked');
        return;
      case 'rejected':
        await store.markFailed(message.id, result.error);
        observer.failed(sender.channel, 'rejected');
        return;
    }
  };
}
