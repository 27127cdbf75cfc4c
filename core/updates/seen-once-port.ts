/**
 * Remembers keys for a while so that a platform's redelivery (a webhook retried after a timeout,
 * a poller restarted mid-batch) is processed once. Redis when several processes share the work,
 * an in-process map otherwise.
 */
export interface SeenOnce {
  /** true the first time a key is offered within the retention window, false on every repeat. */
  firstTime(key: string): Promise<boolean>;
}
