import express, { type Express, type Router } from 'express';
import type { Logger } from '../infra/logger';
import type { TMetrics } from '../infra/metrics';
import { errorHandler, sendError } from './http-errors';
import { healthRoutes, type HealthDeps } from './health-routes';
import { bodySizeGuard, requestContext } from './request-context';

export interface ServerDeps {
  logger: Logger;
  metrics: TMetrics;
  readiness: HealthDeps['readiness'];
  /** Routers mounted in order, busiest first: channels (journal, bots, skills), then pages. Each brings its own body parser. */
  routers: Router[];
}

/** The one Express app (CONTRACT section 3). Channel routers are built elsewhere and only mounted here. */
export function createServer(deps: ServerDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Webhook answers and API replies are never cached: an ETag would hash every body for nothing.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.use(requestContext(deps.logger, deps.metrics));
  app.use(bodySizeGuard());
  // Every router a request passes costs a little: the channels' traffic meets them first, probes last.
  for (const router of deps.routers) app.use(router);
  app.use(healthRoutes({ metrics: deps.metrics, readiness: deps.readiness }));
  app.use((req, res) => sendError(res, 404, `no route for ${req.method} ${req.path}`));
  app.use(errorHandler(deps.logger));
  return app;
}
