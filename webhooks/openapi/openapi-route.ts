import { Router } from 'express';
import { journalOpenApi } from './journal-openapi';
import { referencePage } from './reference-page';

/**
 * GET /openapi.json and GET /docs/journal-api: the journal API for a school system's developers.
 * Built once at start: the schemas do not change while the server runs.
 */
export function openApiRoute(publicUrl?: string): Router {
  const doc = journalOpenApi(publicUrl);
  const json = JSON.stringify(doc);
  const page = referencePage(doc);
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(json);
  });
  router.get('/docs/journal-api', (_req, res) => {
    res.type('html').send(page);
  });
  return router;
}
