import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TCommandIo } from '../../cli/command-context';
import { runInServer } from '../../cli/remote';
import { createLogger } from '../../infra/logger';
import { createMetrics } from '../../infra/metrics';
import { createServer } from '../../webhooks/app';
import { type CliRouteDeps, cliRoute } from '../../webhooks/cli-route';

// The CLI route answers with the command's own output, progress and exit code as a stream of
// JSON lines, and the CLI relays them: its output to stdout and stderr, its progress to the same
// bar the CLI draws for a command run in its own process, its exit code as its own.

const TOKEN = 'cli-token-0123456789';

function listen(execute: CliRouteDeps['execute']): Promise<{ server: Server; port: number }> {
  const app = createServer({
    logger: createLogger('silent'),
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: {},
    routers: [cliRoute({ token: TOKEN, execute })],
  });
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

function terminal(interactive: boolean) {
  const said = {
    out: [] as Buffer[],
    err: '',
    bars: [] as { label: string; unit: string; total: number; values: number[]; stopped: boolean }[],
  };
  const io: TCommandIo = {
    out: { write: (chunk) => said.out.push(Buffer.from(chunk)) },
    err: { write: (chunk) => (said.err += String(chunk)) },
    interactive,
    progress: (label, unit, total) => {
      const bar = { label, unit, total, values: [] as number[], stopped: false };
      said.bars.push(bar);
      return { update: (value) => bar.values.push(value), stop: () => (bar.stopped = true) };
    },
  };
  return { io, said };
}

describe('dnevnik commands through the CLI route', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  test('output, progress and exit code arrive as the command gives them', async () => {
    const requests: unknown[] = [];
    const { server, port } = await listen(async (request, output) => {
      requests.push(request);
      output.stderr('reading\n');
      output.progress({ label: 'import', unit: 'events', value: 0, total: 2000 });
      output.progress({ label: 'import', unit: 'events', value: 1000, total: 2000 });
      output.progress({ label: 'import', unit: 'events', value: 2000, total: 2000 });
      output.progress(null);
      output.stdout(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]));
      return 3;
    });
    servers.push(server);
    const { io, said } = terminal(true);
    await expect(runInServer({ pid: process.pid, port, token: TOKEN }, ['import', '/tmp/x.json'], io)).resolves.toBe(3);
    expect(requests).toEqual([{ argv: ['import', '/tmp/x.json'], interactive: true }]);
    expect(said.err).toBe('reading\n');
    expect(Buffer.concat(said.out)).toEqual(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]));
    expect(said.bars).toEqual([
      { label: 'import', unit: 'events', total: 2000, values: [0, 1000, 2000], stopped: true },
    ]);
  });

  test('a command that throws is a line on stderr and exit code 1, not a 500', async () => {
    const { server, port } = await listen(async (_request, output) => {
      output.stderr('started\n');
      throw new Error('boom');
    });
    servers.push(server);
    const { io, said } = terminal(false);
    await expect(runInServer({ pid: process.pid, port, token: TOKEN }, ['migrate'], io)).resolves.toBe(1);
    expect(said.err).toBe('started\ndnevnik: the server failed to run the command (see its log)\n');
  });

  test('a wrong token is refused, and the command is not run', async () => {
    let ran = false;
    const { server, port } = await listen(async () => {
      ran = true;
      return 0;
    });
    servers.push(server);
    const { io, said } = terminal(false);
    await expect(runInServer({ pid: process.pid, port, token: 'guessed-token-000000' }, ['migrate'], io)).resolves.toBe(
      1,
    );
    expect(said.err).toMatch(/^dnevnik: the running server \(pid \d+\) refused the command: 401 /);
    expect(ran).toBe(false);
  });

  test('a server that stops in the middle: what came is relayed, then one line and exit code 1', async () => {
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(`${JSON.stringify({ stderr: 'working\n' })}\n`);
      setTimeout(() => req.socket.destroy(), 100);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { io, said } = terminal(false);
    await expect(
      runInServer(
        { pid: 4242, port: (server.address() as AddressInfo).port, token: TOKEN },
        ['import', '/tmp/x.json'],
        io,
      ),
    ).resolves.toBe(1);
    expect(said.err).toBe('working\ndnevnik: the running server (pid 4242) stopped before the command finished\n');
  });

  test('nothing listening on the port: null, so that the CLI runs the command itself (or meets the lock)', async () => {
    const { server, port } = await listen(async () => 0);
    await new Promise((resolve) => server.close(resolve));
    const { io } = terminal(false);
    await expect(runInServer({ pid: process.pid, port, token: TOKEN }, ['migrate'], io)).resolves.toBeNull();
  });
});
