import request from 'supertest';
import { createVkBot, type TVkQueuedEvent } from '../../bots/vk';
import type { TConversationLogger } from '../../core/conversation';
import type { EventInbox } from '../../core/updates/event-inbox-port';
import { createInlineInbox } from '../../infra/event-inbox';
import { createLogger } from '../../infra/logger';
import { createMetrics } from '../../infra/metrics';
import { createMemorySeenOnce } from '../../infra/seen-once';
import { createServer } from '../../webhooks/app';
import { vkRoute } from '../../webhooks/vk-route';
import { chatBotWorld } from './chat-bot-world';
import type { TestDatabase } from './test-database';
import { startVkApiStub, VK_API_BASE } from './vk-api-stub';
import { CALLBACK_SECRET, GROUP_ID, VK_TOKEN } from './vk-harness';

export const CONFIRMATION = 'a1b2c3d4';

/** The VK bot wired the way main.ts wires it, on a test database, talking to the nock VK API. */
export function vkOnDatabase(
  db: TestDatabase,
  options: {
    inbox?: EventInbox<TVkQueuedEvent>;
    logger?: TConversationLogger;
    publicUrl?: string;
    pace?: () => Promise<void>;
  } = {},
) {
  const world = chatBotWorld(db, options);
  const bot = createVkBot({
    ...world.deps,
    token: VK_TOKEN,
    groupId: GROUP_ID,
    apiBaseUrl: VK_API_BASE,
    retryDelayMs: () => 5,
    pace: options.pace,
  });
  const inbox = options.inbox ?? createInlineInbox<TVkQueuedEvent>(createMemorySeenOnce());
  const app = createServer({
    logger: createLogger('silent'),
    metrics: createMetrics(),
    readiness: { database: async () => true },
    routers: [vkRoute({ groupId: GROUP_ID, secret: CALLBACK_SECRET, confirmation: CONFIRMATION, inbox })],
  });
  const { issueCode, feeds } = world;
  return { bot, inbox, app, issueCode, feeds, start: () => inbox.start((event) => bot.handle(event)) };
}

/** The VK bot on `db` behind its Callback API route, the VK API stubbed; `post` expects VK's "ok". */
export async function vkCallbackOnDatabase(
  db: TestDatabase,
  options: { publicUrl?: string; pace?: () => Promise<void> } = {},
) {
  const api = startVkApiStub();
  const vk = vkOnDatabase(db, options);
  await vk.start();
  const post = (event: object) => request(vk.app).post('/webhooks/vk').send(event).expect(200).expect('ok');
  return { ...vk, api, post };
}
