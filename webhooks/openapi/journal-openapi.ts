import { z } from 'zod';
import { EVENT_DATA_SCHEMAS, EVENT_TYPES, MAX_EVENTS_PER_BATCH, type TEventType } from '../../core/ingest';
import { TIMESTAMP_TOLERANCE_SECONDS } from '../journal-signature';
import { MAX_BODY_BYTES } from '../limits';
import { EVENT_SUMMARIES } from './event-summaries';

// The journal API as OpenAPI 3.1, generated from the very zod schemas POST /webhooks/journal
// validates with (core/ingest/event-schemas.ts): what a school system's vendor is handed cannot
// drift from what the route accepts. The copy in docs/openapi.json is checked against this in
// test/http/openapi.test.ts.

type TJsonSchema = Record<string, unknown>;

/** A schema as OpenAPI 3.1 embeds it: JSON Schema 2020-12 without its own `$schema`. */
function jsonSchema(schema: z.ZodType): TJsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as TJsonSchema;
  return rest;
}

const schemaName = (type: TEventType) =>
  `${type
    .split(/[._]/)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('')}Event`;

function eventSchema(type: TEventType): TJsonSchema {
  return {
    type: 'object',
    description: EVENT_SUMMARIES[type],
    properties: {
      id: {
        type: 'string',
        minLength: 1,
        maxLength: 128,
        description: 'The event id; an id seen before is a duplicate and changes nothing.',
      },
      type: { const: type },
      occurredAt: {
        type: 'string',
        format: 'date-time',
        description: 'When it happened in the journal (ISO 8601 with offset).',
      },
      data: jsonSchema(EVENT_DATA_SCHEMAS[type]),
    },
    required: ['id', 'type', 'occurredAt', 'data'],
    additionalProperties: false,
  };
}

const ERRORS_SCHEMA = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          index: { type: ['integer', 'null'], description: 'The event’s position in the batch.' },
          id: { type: ['string', 'null'], description: 'The event’s id as sent.' },
          message: { type: 'string', description: 'The field and the reason: `data.date: not a calendar date`.' },
        },
        required: ['index', 'id', 'message'],
      },
    },
  },
  required: ['error'],
};

const header = (name: string, description: string, required: boolean, schema: TJsonSchema) => ({
  name,
  in: 'header',
  required,
  description,
  schema,
});

/** The document; `publicUrl` (PUBLIC_URL) names the server when the deployment has one. */
export function journalOpenApi(publicUrl?: string): TJsonSchema {
  const schemas: Record<string, TJsonSchema> = {};
  for (const type of EVENT_TYPES) schemas[schemaName(type)] = eventSchema(type);
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'dnevnik journal API',
      version: '1',
      description:
        'How a school’s e-journal pushes its data: batches of events, signed with HMAC-SHA256. ' +
        'A guide with examples (signing, retries, idempotency, errors, per-school keys) is docs/journal-api.md.',
    },
    ...(publicUrl ? { servers: [{ url: publicUrl.replace(/\/$/, '') }] } : {}),
    paths: {
      '/webhooks/journal': {
        post: {
          operationId: 'postJournalBatch',
          summary: 'Apply a batch of journal events, all or nothing',
          description:
            `1 to ${MAX_EVENTS_PER_BATCH} events, at most ${MAX_BODY_BYTES} bytes. The whole batch is validated first: ` +
            'any invalid event refuses the batch (422) and nothing is applied; otherwise every change and ' +
            'the alerts it causes commit in one transaction. A repeated event id is a duplicate and changes nothing, ' +
            'so a batch may be retried as it is after a timeout or a 5xx.',
          parameters: [
            header(
              'X-Dnevnik-Timestamp',
              `Unix time in seconds; refused when more than ${TIMESTAMP_TOLERANCE_SECONDS} s from the server’s clock.`,
              true,
              { type: 'string', pattern: '^\\d{1,12}$' },
            ),
            header(
              'X-Dnevnik-Signature',
              '`sha256=` and the hex HMAC-SHA256 of `<timestamp>.<raw body>` with the key’s secret.',
              true,
              { type: 'string', pattern: '^sha256=[0-9a-fA-F]{64}$' },
            ),
            header(
              'X-Dnevnik-Key-Id',
              'A school’s own key (`dnevnik journal-keys create`): it writes only its school, with ids of its own. ' +
                'Left out: the operator’s key (JOURNAL_WEBHOOK_SECRET), which writes every school.',
              false,
              { type: 'string' },
            ),
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    events: {
                      type: 'array',
                      minItems: 1,
                      maxItems: MAX_EVENTS_PER_BATCH,
                      items: {
                        oneOf: EVENT_TYPES.map((t) => ({ $ref: `#/components/schemas/${schemaName(t)}` })),
                        discriminator: {
                          propertyName: 'type',
                          mapping: Object.fromEntries(
                            EVENT_TYPES.map((t) => [t, `#/components/schemas/${schemaName(t)}`]),
                          ),
                        },
                      },
                    },
                  },
                  required: ['events'],
                },
              },
            },
          },
          responses: {
            '200': {
              description: 'Applied: how many events were new, and how many were seen before.',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { accepted: { type: 'integer' }, duplicates: { type: 'integer' } },
                    required: ['accepted', 'duplicates'],
                  },
                },
              },
            },
            '400': error('The body is not JSON, or not an object.'),
            '401': error('A missing, stale or wrong signature, or an unknown or revoked key.'),
            '403': error('A school key’s batch reaches beyond its school; nothing applied.'),
            '413': error(`The body is larger than ${MAX_BODY_BYTES} bytes.`),
            '422': error('Invalid events, each with its reason; nothing applied.'),
          },
        },
      },
    },
    components: { schemas: { ...schemas, Errors: ERRORS_SCHEMA } },
  };
}
