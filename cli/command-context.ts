import type { Runtime } from '../runtime/runtime';

/** A progress bar's handle: the count done so far, then stop. */
export interface TProgress {
  update(value: number): void;
  stop(): void;
}

/** Where a command writes: the terminal, or the stream back to the CLI when the running server executes it. */
export interface TCommandIo {
  out: { write(chunk: string | Uint8Array): unknown };
  err: { write(chunk: string | Uint8Array): unknown };
  /** A terminal that can show a progress bar. */
  interactive: boolean;
  /** Starts a progress bar (`import … 42% | 4200/10000 events`); none when not given. */
  progress?(label: string, unit: string, total: number): TProgress;
}

export interface TCommandContext {
  io: TCommandIo;
  /** The database and services: opened for this command, or the running server's own. */
  withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T>;
}

export type TRuntimeCommand = (args: string[], ctx: TCommandContext) => Promise<number>;
