import { type RequestHandler, Router } from 'express';
import type { TMetrics } from '../infra/metrics';

export interface HealthDeps {
  metrics: TMetrics;
  /** Named readiness checks: the database and the queue must both answer. */
  readiness: Record<string, () => Promise<boolean>>;
  /** false with METRICS_PORT: /metrics is served there only, so it can stay off the public port. */
  serveMetrics?: boolean;
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, boolean> = {};
    for (const [name, check] of Object.entries(deps.readiness)) {
      checks[name] = await check().catch(() => false);
    }
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  if (deps.serveMetrics ?? true) router.get('/metrics', metricsHandler(deps.metrics));
  return router;
}

export function metricsHandler(metrics: TMetrics): RequestHandler {
  return async (_req, res) => {
    res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
