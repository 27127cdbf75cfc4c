import type { Runtime } from '../runtime/runtime';

/** Where a command writes: the terminal, or buffers when the running server executes it. */
export interface TCommandIo {
  out: { write(chunk: string | Uint8Array): unknown };
  err: { write(chunk: string | Uint8Array): unknown };
  /** A terminal that can show a progress bar. */
  interactive: boolean;
}

export interface TCommandContext {
  io: TCommandIo;
  /** The database and services: opened for this command, or the running server's own. */
  withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T>;
}

export type TRuntimeCommand = (args: string[], ctx: TCommandContext) => Promise<number>;
