import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../infra/logger';
import type { TMetrics } from '../infra/metrics';
import { MAX_BODY_BYTES } from './limits';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    log: Logger;
  }
}

/** A request id (taken from X-Request-Id when sane) and a child logger that carries it; `routeOf` names the request in metrics and logs. */
export function requestContext(logger: Logger, metrics: TMetrics, routeOf: (req: Request) => string): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    req.requestId = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    req.log = logger.child({ requestId: req.requestId });
    res.setHeader('X-Request-Id', req.requestId);
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = routeOf(req);
      stop({ route });
      metrics.httpRequests.inc({ route, status: String(res.statusCode) });
      req.log.debug({ method: req.method, route, status: res.statusCode }, 'request');
    });
    next();
  };
}

/** Bytes of a refused body read and thrown away so the client can hear the 413; beyond, the connection is cut. */
const DISCARD_LIMIT_BYTES = 32 * 1024 * 1024;

/**
 * Refuses a declared oversize body before anything parses it; body parsers enforce the same limit
 * on the bytes. The answer is sent at once, but the body is read to its end (up to a bound) before
 * the connection closes: a client still uploading would otherwise see a reset instead of the 413.
 */
export function bodySizeGuard(): RequestHandler {
  return (req, res, next) => {
    const length = Number(req.get('content-length'));
    if (Number.isFinite(length) && length > MAX_BODY_BYTES) {
      res.status(413).set('Connection', 'close');
      let discarded = 0;
      req.on('data', (chunk: Buffer) => {
        discarded += chunk.length;
        if (discarded > DISCARD_LIMIT_BYTES) req.socket.destroy();
      });
      req.once('end', () => res.json({ error: 'body too large: the limit is 1 MiB' }));
      req.resume();
      return;
    }
    next();
  };
}
