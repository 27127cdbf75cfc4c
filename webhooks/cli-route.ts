import { timingSafeEqual } from 'node:crypto';
import express, { Router } from 'express';
import { z } from 'zod';
import { sendError } from './http-errors';

// POST /internal/cli — the CLI's way into the embedded database while this server holds it.
// Loopback only and a bearer token from DATA_DIR/server.json: only someone who can read the
// server's data directory on this machine can use it.

export interface TCliExecution {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface CliRouteDeps {
  token: string;
  execute(argv: string[]): Promise<TCliExecution>;
}

const ZCliRequestSchema = z.object({ argv: z.array(z.string().max(10_000)).min(1).max(100) });

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function cliRoute(deps: CliRouteDeps): Router {
  const router = Router();
  const expected = Buffer.from(`Bearer ${deps.token}`);
  router.post('/internal/cli', express.json({ limit: '64kb' }), async (req, res) => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return sendError(res, 403, 'the CLI route answers on loopback only');
    const given = Buffer.from(req.get('authorization') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      // RFC 6750 §3: the challenge names the scheme, and the error only when a token was sent.
      res.set('WWW-Authenticate', given.length ? 'Bearer realm="dnevnik", error="invalid_token"' : 'Bearer realm="dnevnik"');
      return sendError(res, 401, 'wrong or missing token');
    }
    const body = ZCliRequestSchema.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'body must be {"argv": ["command", ...]}');
    req.log.info({ command: body.data.argv[0] }, 'cli command');
    const result = await deps.execute(body.data.argv);
    res.json({ code: result.code, stdout: result.stdout.toString('base64'), stderr: result.stderr });
  });
  return router;
}
