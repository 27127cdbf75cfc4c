import http from 'node:http';
import readline from 'node:readline';
import type { TServerFile } from '../infra/server-file';
import type { TCliStreamLine } from '../webhooks/cli-route';
import type { TCommandIo, TProgress } from './command-context';

/**
 * Runs a command inside the server that holds the embedded database, relaying its output, its
 * progress and its exit code as they come. null when nothing answers on the server's port (it is
 * still starting, or stopping): the command was not run.
 */
export async function runInServer(server: TServerFile, argv: string[], io: TCommandIo): Promise<number | null> {
  const res = await post(server, JSON.stringify({ argv, interactive: io.interactive }));
  if (!res) return null;
  if (res.statusCode !== 200) {
    io.err.write(
      `dnevnik: the running server (pid ${server.pid}) refused the command: ${res.statusCode} ${(await text(res)).trim()}\n`,
    );
    return 1;
  }
  let bar: TProgress | undefined;
  try {
    for await (const line of readline.createInterface({ input: res, crlfDelay: Infinity })) {
      if (!line) continue;
      const said = JSON.parse(line) as TCliStreamLine;
      if ('stdout' in said) io.out.write(Buffer.from(said.stdout, 'base64'));
      else if ('stderr' in said) io.err.write(said.stderr);
      else if ('progress' in said) {
        if (!said.progress) {
          bar?.stop();
          bar = undefined;
        } else {
          bar ??= io.progress?.(said.progress.label, said.progress.unit, said.progress.total);
          bar?.update(said.progress.value);
        }
      } else if ('exit' in said) return said.exit;
    }
  } catch (err) {
    // The connection cut (the server stopped or was killed): said below. Anything else is ours.
    if (!isCut(err)) throw err;
  } finally {
    bar?.stop();
  }
  io.err.write(`dnevnik: the running server (pid ${server.pid}) stopped before the command finished\n`);
  return 1;
}

/**
 * node:http rather than fetch: fetch gives up on an answer silent for 5 minutes, and an import
 * without a progress bar says nothing until it is done.
 */
function post(server: TServerFile, body: string): Promise<http.IncomingMessage | null> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/internal/cli',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${server.token}`,
        },
      },
      resolve,
    );
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNREFUSED' ? resolve(null) : reject(err)));
    req.end(body);
  });
}

const isCut = (err: unknown) =>
  ['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE'].includes((err as NodeJS.ErrnoException).code ?? '') ||
  (err as Error).message === 'aborted';

async function text(res: http.IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of res) body += String(chunk);
  return body;
}
