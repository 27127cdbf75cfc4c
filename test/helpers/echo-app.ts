import express, { Router } from 'express';
import { createLogger } from '../../infra/logger';
import { createMetrics, type TMetrics } from '../../infra/metrics';
import type { TTrustProxy } from '../../infra/trust-proxy';
import { createServer } from '../../webhooks/app';
import { MAX_BODY_BYTES } from '../../webhooks/limits';

/** The server's Express app with one JSON route that echoes its body (POST /echo) and one that says who asked (GET /whoami). */
export function echoApp(options: { metrics?: TMetrics; trustProxy?: TTrustProxy } = {}) {
  const router = Router();
  router.post('/echo', express.json({ limit: MAX_BODY_BYTES }), (req, res) => void res.json({ body: req.body }));
  router.get('/whoami', (req, res) => void res.json({ ip: req.ip }));
  return createServer({
    logger: createLogger('silent'),
    metrics: options.metrics ?? createMetrics({ defaultMetrics: false }),
    readiness: {},
    routers: [router],
    trustProxy: options.trustProxy,
  });
}
