// What a runtime must release, closed last-in-first-out: whatever started later (a worker, the
// server file, a poller) depends on what started earlier (the database), so it stops first.

export type TCloser = () => Promise<void> | void;

export interface Closers {
  /** Registers a closer; it runs before every closer registered earlier. */
  onClose(closer: TCloser): void;
  /** Runs the closers once, newest first; a failing one does not keep the older ones open. */
  close(): Promise<void>;
}

export function createClosers(): Closers {
  const closers: TCloser[] = [];
  let closing: Promise<void> | undefined;
  return {
    onClose: (closer) => void closers.push(closer),
    close: () =>
      (closing ??= (async () => {
        let firstError: unknown;
        for (const closer of closers.reverse()) {
          try {
            await closer();
          } catch (err) {
            firstError ??= err;
          }
        }
        if (firstError) throw firstError;
      })()),
  };
}
