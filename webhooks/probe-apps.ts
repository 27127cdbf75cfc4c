import express, { type Express } from 'express';
import type { Logger } from '../infra/logger';
import type { TMetrics } from '../infra/metrics';
import { type HealthDeps, healthRoutes, metricsHandler } from './health-routes';
import { errorHandler, sendError } from './http-errors';

// The small apps of the side ports: a worker's WORKER_PORT (the web app's probes, none of its
// routes) and METRICS_PORT (/metrics alone, kept off the ports a load balancer or the internet
// reaches). Neither takes a body nor sits behind a proxy.

function probeApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  return app;
}

/** WORKER_PORT: /healthz, /readyz and, without METRICS_PORT, /metrics. */
export function createWorkerApp(deps: HealthDeps & { logger: Logger }): Express {
  const app = probeApp();
  app.use(healthRoutes(deps));
  app.use((req, res) => sendError(res, 404, `no route for ${req.method} ${req.path}`));
  app.use(errorHandler(deps.logger));
  return app;
}

/** METRICS_PORT: /metrics only. */
export function createMetricsApp(deps: { metrics: TMetrics; logger: Logger }): Express {
  const app = probeApp();
  app.get('/metrics', metricsHandler(deps.metrics));
  app.use((req, res) => sendError(res, 404, `no route for ${req.method} ${req.path}`));
  app.use(errorHandler(deps.logger));
  return app;
}
