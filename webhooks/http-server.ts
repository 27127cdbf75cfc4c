import http from 'node:http';
import type { Express } from 'express';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from './limits';

export interface THttpTimeouts {
  /** Until the request's headers are in. */
  headersMs: number;
  /** Until the whole request (headers and body) is in; at least headersMs. */
  requestMs: number;
}

export const HTTP_TIMEOUTS: THttpTimeouts = { headersMs: HEADERS_TIMEOUT_MS, requestMs: REQUEST_TIMEOUT_MS };

/**
 * The HTTP server the app is served by, closing connections whose headers or body come too
 * slowly. Node checks those deadlines only every `connectionsCheckingInterval` (30 s by default,
 * which would triple the limits), so it is checked a few times per limit, at most once a second.
 */
export function createHttpServer(app: Express, timeouts: THttpTimeouts = HTTP_TIMEOUTS): http.Server {
  return http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(timeouts.headersMs / 4))),
    },
    app,
  );
}
