import { readFileSync } from 'node:fs';
import express from 'express';
import request from 'supertest';
import { EVENT_DATA_SCHEMAS, EVENT_TYPES } from '../../core/ingest/event-schemas';
import { OPENAPI_FILE, openApiText } from '../../scripts/openapi';
import { journalOpenApi } from '../../webhooks/openapi/journal-openapi';
import { openApiRoute } from '../../webhooks/openapi/openapi-route';

// The journal API's description is generated from the schemas the route validates with; the copy
// a vendor is handed (docs/openapi.json) must be what the code generates today.

// The document is checked by walking it: its nested shape is plain JSON.
// biome-ignore lint/suspicious/noExplicitAny: walked as plain JSON
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TJson = Record<string, any>;

describe('the journal API described (OpenAPI 3.1)', () => {
  it('docs/openapi.json is what the schemas generate (run `npm run docs:openapi` after changing an event)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(openApiText());
  });

  it('describes every event type with the fields its schema has, required as the schema requires them', () => {
    const doc = journalOpenApi() as TJson;
    const items =
      doc.paths['/webhooks/journal'].post.requestBody.content['application/json'].schema.properties.events.items;
    expect(Object.keys(items.discriminator.mapping).sort()).toEqual([...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES) {
      const schema = doc.components.schemas[items.discriminator.mapping[type].split('/').pop()];
      expect(schema.properties.type).toEqual({ const: type });
      expect(schema.description).toEqual(expect.any(String));
      const data = schema.properties.data;
      const shape = (EVENT_DATA_SCHEMAS[type] as unknown as { shape?: Record<string, { isOptional(): boolean }> })
        .shape;
      if (!shape) continue;
      expect(Object.keys(data.properties).sort()).toEqual(Object.keys(shape).sort());
      const required = Object.entries(shape)
        .filter(([, s]) => !s.isOptional())
        .map(([k]) => k);
      expect([...(data.required ?? [])].sort()).toEqual(required.sort());
    }
  });

  it('serves the document, naming the server by PUBLIC_URL, and a readable page with every event type', async () => {
    const app = express().use(openApiRoute('https://dnevnik.example.org/'));
    const json = await request(app)
      .get('/openapi.json')
      .expect(200)
      .expect('content-type', /application\/json/);
    expect(json.body.openapi).toBe('3.1.0');
    expect(json.body.servers).toEqual([{ url: 'https://dnevnik.example.org' }]);
    const page = await request(app).get('/docs/journal-api').expect(200).expect('content-type', /html/);
    for (const type of EVENT_TYPES) expect(page.text).toContain(`<code>${type}</code>`);
    expect(page.text).toContain('X-Dnevnik-Signature');
    expect(page.text).not.toMatch(/<script/i);
    const local = await request(express().use(openApiRoute())).get('/openapi.json').expect(200);
    expect(local.body.servers).toBeUndefined();
  });
});
