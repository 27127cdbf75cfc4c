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
  /** Routers mounted in order: channels (bots, skills, journal) and pages. Each brings its own body parser. */
  routers: Router[];
}

/** The one Express app (CONTRACT section 3). Channel routers are built elsewhere and only mounted here. */
export function createServer(deps: ServerDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestContext(deps.logger, deps.metrics));
  app.use(bodySizeGuard());
  app.use(healthRoutes({ metrics: deps.metrics, readiness: deps.readiness }));
  for (const router of deps.routers) app.use(router);
  app.use((req, res) => sendError(res, 404, `no route for ${req.method} ${req.path}`));
  app.use(errorHandler(deps.logger));
  return app;
}
