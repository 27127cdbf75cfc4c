import type { TComposedMessage, TItemGroup, TPlannedItem, TPlanningInput, TRecipient } from './alert-types';
import type { TTestTomorrow } from './plan-coming';
import type { TMissingPass } from './plan-no-pass';

// What the alerts pipeline needs from the outside: a store (the database), a queue, a rate
// limiter shared by all workers, one sender per chat platform, a clock and an observer (metrics).

export interface AlertStore {
  /**
   * In one transaction, with at most one planner at a time: takes the oldest unprocessed outbox
   * facts, withdraws unsent items the facts supersede, lets `plan` decide, writes the items and
   * marks the facts processed. Returns how many facts were taken (0: none, or another planner runs).
   */
  planNext(limit: number, plan: (input: TPlanningInput) => TPlannedItem[]): Promise<{ facts: number; items: number }>;
  /**
   * Pupils of schools with turnstiles (a pass in the last week) whose class's first lesson of the
   * day began at most `latestMs` ago and who have not passed in today, with their recipients of
   * `no-pass`; writes what `plan` makes of them, a second time for the same pupil, day and chat
   * never (core/alerts/plan-no-pass.ts). Returns the items written. Optional: stores without
   * turnstile data have none.
   */
  scanMissingPasses?(
    now: Date,
    latestMs: number,
    plan: (found: TMissingPass[], recipients: Map<string, TRecipient[]>) => TPlannedItem[],
  ): Promise<number>;
  /**
   * The evening scan of tomorrow's tests: in one transaction, finds the tests of tomorrow (school
   * time) of pupils whose 'tests' subscription's evening time (`defaultTime` when unset) has come and
   * whose person has no reminder yet, plans them, writes the items; a second concurrent scan writes
   * nothing (core/alerts/plan-coming.ts). Returns the items written. Optional, as scanMissingPasses.
   */
  scanTestsTomorrow?(
    now: Date,
    defaultTime: string,
    plan: (found: TTestTomorrow[], recipients: Map<string, TRecipient[]>) => TPlannedItem[],
  ): Promise<number>;
  /** In one transaction: groups due items per chat, writes one message per group; returns their ids. */
  composeDue(now: Date, limit: number, compose: (group: TItemGroup) => TComposedMessage): Promise<string[]>;
  /** Takes a message for sending unless another worker holds it (or it is done); a stale hold expires after `leaseMs`. */
  claim(messageId: string, leaseMs: number): Promise<TClaimedMessage | null>;
  markSent(messageId: string): Promise<void>;
  /** Back to the queue after `delayMs`. */
  reschedule(messageId: string, delayMs: number, error: string): Promise<void>;
  markFailed(messageId: string, error: string): Promise<void>;
  /** The chat blocked us or is gone: the message is dropped and the chat marked inactive. */
  dropForInactiveChat(messageId: string, chatId: string, reason: string): Promise<void>;
  /** Messages whose queue job may have been lost (crash between commit and enqueue, dead worker). */
  findStranded(now: Date, leaseMs: number, graceMs: number, limit: number): Promise<TDeliveryJob[]>;
  /**
   * How long the longest-waiting message has been due and not taken for sending (0: none): the
   * queue's lag, read from the delivery record, which the in-process queue and BullMQ share.
   */
  oldestDueAgeMs?(): Promise<number>;
}

export interface TClaimedMessage {
  id: string;
  chatId: string;
  channel: string;
  externalId: string;
  chatActive: boolean;
  text: string;
  /** Including this one. */
  attempts: number;
  ingestedAt: Date;
}

export interface TDeliveryJob {
  messageId: string;
  /** The message's attempt count when queued: with the id, it names the job, so a re-queue is a no-op. */
  attempt: number;
  delayMs?: number;
}

export interface DeliveryQueue {
  enqueue(jobs: TDeliveryJob[]): Promise<void>;
  /** Starts consuming; a job the handler throws on is retried by the queue after a short delay. */
  start(handler: (job: TDeliveryJob) => Promise<void>, options: { concurrency: number }): Promise<void>;
  /** Jobs waiting or delayed. */
  depth(): Promise<number>;
  close(): Promise<void>;
}

export interface TPacing {
  /** Sustained messages per second for the whole bot (token). */
  perSecond: number;
  /** Minimum gap between two messages to one chat. */
  perChatIntervalMs: number;
}

export interface RateLimiter {
  /** Takes a send slot for (bot, chat) if both allow it: 0 = go now, otherwise milliseconds to wait before asking again. */
  reserve(bot: string, chat: string, pacing: TPacing): Promise<number>;
  /** The platform said "too many requests": nobody sends for this bot for `ms`. */
  pause(bot: string, ms: number): Promise<void>;
}

export type TSendResult =
  | { ok: true }
  | { ok: false; kind: 'retry-after'; retryAfterMs: number; error: string }
  | { ok: false; kind: 'transient'; error: string }
  | { ok: false; kind: 'blocked'; error: string }
  | { ok: false; kind: 'rejected'; error: string };

export interface ChatSender {
  channel: string;
  /** Names the token whose limits are shared by every worker. */
  bot: string;
  pacing: TPacing;
  /** `key` is stable for one message to one chat, for platforms that de-duplicate (VK random_id). */
  send(message: { externalId: string; text: string; key: string }): Promise<TSendResult>;
}

export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export interface AlertObserver {
  planned(items: number): void;
  composed(messages: number): void;
  sent(channel: string, latencyMs: number): void;
  failed(channel: string, reason: string): void;
  retried(channel: string, reason: string): void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const silentObserver: AlertObserver = { planned() {}, composed() {}, sent() {}, failed() {}, retried() {} };
