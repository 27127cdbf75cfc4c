import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../infra/logger';
import type { TMetrics } from '../infra/metrics';
import { MAX_BODY_BYTES } from './limits';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    log: Logger;
  }
}

/** A request id (taken from X-Request-Id when sane) and a child logger that carries it. */
export function requestContext(logger: Logger, metrics: TMetrics): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    req.requestId = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    req.log = logger.child({ requestId: req.requestId });
    res.setHeader('X-Request-Id', req.requestId);
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path ?? (res.statusCode === 404 ? 'unmatched' : req.path);
      stop({ route });
      metrics.httpRequests.inc({ route, status: String(res.statusCode) });
      req.log.debug({ method: req.method, route, status: res.statusCode }, 'request');
    });
    next();
  };
}

/** Refuses a declared oversize body before anything reads it; body parsers enforce the same limit on the bytes. */
export function bodySizeGuard(): RequestHandler {
  return (req, res, next) => {
    const length = Number(req.get('content-length'));
    if (Number.isFinite(length) && length > MAX_BODY_BYTES) {
      res.status(413).set('Connection', 'close').json({ error: 'body too large: the limit is 1 MiB' });
      req.resume();
      return;
    }
    next();
  };
}
