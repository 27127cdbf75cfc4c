// What a runtime must release. Work first — the HTTP server, pollers, queues and workers, newest
// first: whatever started later depends on what started earlier —, then the database, then the
// shared Redis connections, so nothing still running loses its database or Redis under it.

export type TCloser = () => Promise<void> | void;

/** When a closer runs: with the work (the default), with the database after it, or with Redis last. */
export type TClosePhase = 'work' | 'database' | 'redis';

const PHASES: readonly TClosePhase[] = ['work', 'database', 'redis'];

export interface Closers {
  /** Registers a closer; within its phase it runs before every closer registered earlier. */
  onClose(closer: TCloser, phase?: TClosePhase): void;
  /** Runs the closers once, phase by phase, newest first within one; a failing one does not keep the others open. */
  close(): Promise<void>;
}

export function createClosers(): Closers {
  const closers = new Map<TClosePhase, TCloser[]>(PHASES.map((p) => [p, []]));
  let closing: Promise<void> | undefined;
  return {
    onClose: (closer, phase = 'work') => void closers.get(phase)!.push(closer),
    close: () =>
      (closing ??= (async () => {
        let firstError: unknown;
        for (const phase of PHASES)
          for (const closer of [...closers.get(phase)!].reverse()) {
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
