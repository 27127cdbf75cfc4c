import type { TServerFile } from '../infra/server-file';
import type { TCommandIo } from './command-context';

/** Runs a command inside the server that holds the embedded database, and relays its output. */
export async function runInServer(server: TServerFile, argv: string[], io: TCommandIo): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${server.port}/internal/cli`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ argv }),
  });
  if (!res.ok) {
    io.err.write(`dnevnik: the running server (pid ${server.pid}) refused the command: ${res.status} ${await res.text()}\n`);
    return 1;
  }
  const result = (await res.json()) as { code: number; stdout: string; stderr: string };
  io.out.write(Buffer.from(result.stdout, 'base64'));
  io.err.write(result.stderr);
  return result.code;
}
