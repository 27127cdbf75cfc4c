import type { Runtime } from '../runtime/runtime';
import type { TCliExecution } from '../webhooks/cli-route';
import { RUNTIME_COMMANDS, runRuntimeCommand } from './runtime-commands';

/** Runs a CLI database command inside the server, on the server's own runtime, capturing its output. */
export function createCliExecutor(getRuntime: () => Runtime) {
  return async (argv: string[]): Promise<TCliExecution> => {
    const [name, ...args] = argv;
    const stdout: Buffer[] = [];
    let stderr = '';
    if (!RUNTIME_COMMANDS[name]) return { code: 1, stdout: Buffer.alloc(0), stderr: `dnevnik: "${name}" cannot run in the server\n` };
    const io = {
      out: { write: (chunk: string | Uint8Array) => stdout.push(Buffer.from(chunk)) },
      err: { write: (chunk: string | Uint8Array) => (stderr += Buffer.from(chunk).toString('utf8')) },
      interactive: false,
    };
    const code = await runRuntimeCommand(name, args, { io, withRuntime: (work) => work(getRuntime()) });
    return { code, stdout: Buffer.concat(stdout), stderr };
  };
}
