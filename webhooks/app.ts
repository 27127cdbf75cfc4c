import express, { type Express, type Router } from 'express';
import type { Logger } from '../infra/logger';
import type { TMetrics } from '../infra/metrics';
import type { TTrustProxy } from '../infra/trust-proxy';
import { type HealthDeps, healthRoutes } from './health-routes';
import { errorHandler, sendError } from './http-errors';
import { bodySizeGuard, requestContext } from './request-context';
import { routeLabeller } from './route-label';

export interface ServerDeps {
  logger: Logger;
  metrics: TMetrics;
  readiness: HealthDeps['readiness'];
  /** false when METRICS_PORT serves /metrics instead. */
  serveMetrics?: boolean;
  /** Routers mounted in order, busiest first: channels (journal, bots, skills), then pages. Each brings its own body parser. */
  routers: Router[];
  /** TRUST_PROXY: whose X-Forwarded-For makes req.ip; a proxy on this machine by default. */
  trustProxy?: TTrustProxy;
}

/** The one Express app (README "HTTP"). Channel routers are built elsewhere and only mounted here. */
export function createServer(deps: ServerDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Webhook answers and API replies are never cached: an ETag would hash every body for nothing.
  app.set('etag', false);
  app.set('trust proxy', deps.trustProxy ?? ['loopback']);
  const health = healthRoutes({ metrics: deps.metrics, readiness: deps.readiness, serveMetrics: deps.serveMetrics });
  app.use(requestContext(deps.logger, deps.metrics, routeLabeller([...deps.routers, health])));
  app.use(bodySizeGuard());
  // Every router a request passes costs a little: the channels' traffic meets them first, probes last.
  for (const router of deps.routers) app.use(router);
  app.use(health);
  app.use((req, res) => sendError(res, 404, `no route for ${req.method} ${req.path}`));
  app.use(errorHandler(deps.logger));
  return app;
}
