import request from 'supertest';
import { createMaxBot, type TMaxUpdate } from '../../bots/max';
import type { TConversationLogger } from '../../core/conversation';
import type { EventInbox } from '../../core/updates/event-inbox-port';
import { createInlineInbox } from '../../infra/event-inbox';
import { createLogger } from '../../infra/logger';
import { createMetrics } from '../../infra/metrics';
import { createMemorySeenOnce } from '../../infra/seen-once';
import { createServer } from '../../webhooks/app';
import { maxRoute } from '../../webhooks/max-route';
import { chatBotWorld } from './chat-bot-world';
import { MAX_SECRET, MAX_USERNAME } from './max-harness';
import type { MaxStub } from './max-stub';
import type { TestDatabase } from './test-database';

export const MAX_PUBLIC_URL = 'https://dnevnik.test';

/**
 * The MAX bot wired the way runtime/max-channel.ts wires it, on a test database, its calls going
 * to the given stub, behind POST /webhooks/max with the secret set. The clock is the demo's, so
 * "today" has grades.
 */
export function maxOnDatabase(
  db: TestDatabase,
  stub: MaxStub,
  options: {
    inbox?: EventInbox<TMaxUpdate>;
    logger?: TConversationLogger;
    apiBaseUrl?: string;
    pace?: () => Promise<void>;
  } = {},
) {
  const world = chatBotWorld(db, { logger: options.logger, publicUrl: MAX_PUBLIC_URL });
  const bot = createMaxBot({
    ...world.deps,
    token: stub.token,
    apiBaseUrl: options.apiBaseUrl ?? stub.apiBaseUrl,
    username: MAX_USERNAME,
    retryDelayMs: () => 5,
    pace: options.pace,
  });
  const inbox = options.inbox ?? createInlineInbox<TMaxUpdate>(createMemorySeenOnce());
  const app = createServer({
    logger: createLogger('silent'),
    metrics: createMetrics(),
    readiness: { database: async () => true },
    routers: [maxRoute({ secret: MAX_SECRET, inbox })],
  });
  const { issueCode } = world;
  /** Posts an update as MAX does (the stub notes it, so edits know their chat); expects 200. */
  const post = (update: object) => {
    stub.seen(update as { update_type: string });
    return request(app).post('/webhooks/max').set('X-Max-Bot-Api-Secret', MAX_SECRET).send(update).expect(200);
  };
  return { bot, inbox, app, issueCode, post, start: () => inbox.start((update) => bot.handle(update)) };
}

export type TMaxOnDatabase = ReturnType<typeof maxOnDatabase>;
