import type { Runtime } from '../runtime/runtime';
import type { TCliOutput, TCliRequest } from '../webhooks/cli-route';
import type { TCommandIo, TProgress } from './command-context';
import { failureLine } from './failure-line';
import { isRuntimeCommand, runRuntimeCommand } from './runtime-commands';

/**
 * Runs a CLI database command inside the server, on the server's own runtime, writing to the
 * stream back to the CLI. It says and exits as it would in the CLI's own process: an error no
 * command expected is logged here and becomes the CLI's one line and exit code 1, not a 500.
 */
export function createCliExecutor(getRuntime: () => Runtime) {
  return async ({ argv, interactive }: TCliRequest, output: TCliOutput): Promise<number> => {
    const [name, ...args] = argv;
    if (!isRuntimeCommand(name)) {
      output.stderr(`dnevnik: "${name}" cannot run in the server\n`);
      return 1;
    }
    const io: TCommandIo = {
      out: { write: (chunk) => output.stdout(Buffer.from(chunk)) },
      err: { write: (chunk) => output.stderr(Buffer.from(chunk).toString('utf8')) },
      interactive,
      progress: (label, unit, total) => streamedProgress(output, label, unit, total),
    };
    try {
      return await runRuntimeCommand(name, args, { io, withRuntime: (work) => work(getRuntime()) });
    } catch (err) {
      getRuntime().logger.error({ err, command: name }, 'cli command failed');
      output.stderr(failureLine(err));
      return 1;
    }
  };
}

/** A progress bar drawn by the CLI: each update is a line of the answer. */
function streamedProgress(output: TCliOutput, label: string, unit: string, total: number): TProgress {
  output.progress({ label, unit, value: 0, total });
  return {
    update: (value) => output.progress({ label, unit, value, total }),
    stop: () => output.progress(null),
  };
}
