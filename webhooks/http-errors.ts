import type { ErrorRequestHandler, Response } from 'express';
import { AppError, type TAppErrorCode } from '../core/errors';
import { BatchRejectedError } from '../core/ingest';
import type { Logger } from '../infra/logger';

const STATUS: Record<TAppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  validation_failed: 422,
  rate_limited: 429,
  unavailable: 503,
};

export function sendError(res: Response, status: number, error: string, extra: Record<string, unknown> = {}) {
  res.status(status).json({ error, ...extra });
}

/**
 * The edge where every failure becomes an HTTP answer: expected errors keep their 4xx,
 * body-parser failures become 400/413, and only a real bug yields 500 (logged with the request id).
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof BatchRejectedError) return sendError(res, 422, err.message, { errors: err.errors });
    if (err instanceof AppError)
      return sendError(res, STATUS[err.code], err.message, err.details ? { errors: err.details } : {});
    const type = (err as { type?: string }).type;
    const status = (err as { status?: number }).status;
    if (type === 'entity.too.large') return sendError(res, 413, 'body too large: the limit is 1 MiB');
    if (type === 'entity.parse.failed') return sendError(res, 400, 'body is not valid JSON');
    if (typeof status === 'number' && status >= 400 && status < 500)
      return sendError(res, status, (err as Error).message || 'bad request');
    logger.error({ err, requestId: req.requestId, route: req.path }, 'request failed');
    return sendError(res, 500, 'internal error', { requestId: req.requestId });
  };
}
