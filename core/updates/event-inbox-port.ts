/**
 * Where a platform's pushed events wait for processing. `put` resolves only once the event can no
 * longer be lost by a crash of this process: stored in the shared queue (Redis), or — with nothing
 * to store it in — already handled. Only then may the platform be told "received". An id offered
 * again while it is remembered is not processed twice.
 */
export interface EventInbox<T> {
  put(id: string, event: T): Promise<void>;
  /** Starts processing; an event whose handler throws is tried again later (queue) or reported (inline). */
  start(handler: (event: T) => Promise<void>): Promise<void>;
  /** Events stored and not yet processed. */
  depth(): Promise<number>;
  /** Milliseconds since the oldest of those arrived (0: none): how far processing lags behind. */
  oldestAgeMs(): Promise<number>;
  close(): Promise<void>;
}
