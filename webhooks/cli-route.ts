import { timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import { sendError } from './http-errors';

// POST /internal/cli — the CLI's way into the embedded database while this server holds it.
// Loopback only and a bearer token from DATA_DIR/server.json: only someone who can read the
// server's data directory on this machine can use it.
//
// The answer is a stream of JSON lines, sent as the command writes them, so a long import shows
// its progress on the terminal that started it and its output is not held back to the end. A
// command that fails still answers 200: its own stderr and exit code are the answer, as they
// would be without a server.

export interface TCliProgress {
  /** What is under way (`import`), and what it counts (`events`). */
  label: string;
  unit: string;
  value: number;
  total: number;
}

/** One line of the answer; `exit` is the last. */
export type TCliStreamLine =
  | { stdout: string } // base64: the output may be a PDF
  | { stderr: string }
  | { progress: TCliProgress | null } // null: done, the bar goes away
  | { exit: number };

export interface TCliRequest {
  argv: string[];
  /** The CLI writes to a terminal, where progress can be shown. */
  interactive: boolean;
}

/** Where a command run for the CLI writes, as it goes. */
export interface TCliOutput {
  stdout(chunk: Buffer): void;
  stderr(text: string): void;
  progress(state: TCliProgress | null): void;
}

export interface CliRouteDeps {
  token: string;
  /** Runs the command, writing to `output`; resolves with its exit code. */
  execute(request: TCliRequest, output: TCliOutput): Promise<number>;
}

const ZCliRequestSchema = z.object({
  argv: z.array(z.string().max(10_000)).min(1).max(100),
  interactive: z.boolean().default(false),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function cliRoute(deps: CliRouteDeps): Router {
  const router = Router();
  const expected = Buffer.from(`Bearer ${deps.token}`);
  router.post('/internal/cli', express.json({ limit: '64kb' }), async (req, res) => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? ''))
      return sendError(res, 403, 'the CLI route answers on loopback only');
    const given = Buffer.from(req.get('authorization') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      // RFC 6750 §3: the challenge names the scheme, and the error only when a token was sent.
      res.set(
        'WWW-Authenticate',
        given.length ? 'Bearer realm="dnevnik", error="invalid_token"' : 'Bearer realm="dnevnik"',
      );
      return sendError(res, 401, 'wrong or missing token');
    }
    const body = ZCliRequestSchema.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'body must be {"argv": ["command", ...]}');
    req.log.info({ command: body.data.argv[0] }, 'cli command');
    res.status(200).type('application/x-ndjson').set('Cache-Control', 'no-store');
    res.flushHeaders();
    // The CLI may be gone (Ctrl-C); the command runs on, its lines go nowhere.
    const send = (line: TCliStreamLine) =>
      void (res.writableEnded || res.destroyed || res.write(`${JSON.stringify(line)}\n`));
    let code: number;
    try {
      code = await deps.execute(body.data, {
        stdout: (chunk) => send({ stdout: chunk.toString('base64') }),
        stderr: (text) => send({ stderr: text }),
        progress: (state) => send({ progress: state }),
      });
    } catch (err) {
      // The headers are out: no 500 any more, but the CLI still gets a line and an exit code.
      req.log.error({ err }, 'cli command failed');
      send({ stderr: 'dnevnik: the server failed to run the command (see its log)\n' });
      code = 1;
    }
    send({ exit: code });
    res.end();
  });
  return router;
}
