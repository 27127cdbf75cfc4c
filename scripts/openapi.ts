import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { journalOpenApi } from '../webhooks/openapi/journal-openapi';

// npm run docs:openapi — writes docs/openapi.json, the journal API for a school system's vendor,
// from the schemas the route validates with. test/http/openapi.test.ts fails when it is stale.

export const OPENAPI_FILE = path.join(__dirname, '..', 'docs', 'openapi.json');

export const openApiText = () => `${JSON.stringify(journalOpenApi(), null, 2)}\n`;

if (process.argv[1]?.endsWith('openapi.ts')) {
  writeFileSync(OPENAPI_FILE, openApiText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}\n`);
}
