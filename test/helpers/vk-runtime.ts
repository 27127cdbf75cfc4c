import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createVkBot, type TVkQueuedEvent } from '../../bots/vk';
import { createAnswerService } from '../../core/answers';
import { createCalendarFeeds } from '../../core/calendar-feed';
import type { TConversationLogger } from '../../core/conversation';
import { createLinkService, issueCodes } from '../../core/linking';
import type { EventInbox } from '../../core/updates/event-inbox-port';
import { createInlineInbox } from '../../infra/event-inbox';
import { createIcalFeedRenderer } from '../../infra/ical-feed-renderer';
import { createLogger } from '../../infra/logger';
import { createMetrics } from '../../infra/metrics';
import { createMemorySeenOnce } from '../../infra/seen-once';
import { createCalendarFeedStore } from '../../prisma/stores/calendar-feed/calendar-feed-store';
import { createChatStatusStore } from '../../prisma/stores/conversation/chat-status-store';
import { createQueryContextStore } from '../../prisma/stores/conversation/query-context-store';
import { createTeacherSettingsStore } from '../../prisma/stores/conversation/teacher-settings-store';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { createPresenceReader } from '../../prisma/stores/presence/presence-reader';
import { createComingReader } from '../../prisma/stores/school-news/coming-reader';
import { createSubscriptionSettingsStore } from '../../prisma/stores/settings/subscription-settings-store';
import { createTermReader } from '../../prisma/stores/terms/term-reader';
import { createServer } from '../../webhooks/app';
import { vkRoute } from '../../webhooks/vk-route';
import { DEMO_NOW, DEMO_TZ } from './demo-database';
import { silentLogger } from './telegram-runtime';
import { testCharts } from './test-charts';
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
  const pepper = randomBytes(32);
  const feeds = createCalendarFeeds({ store: createCalendarFeedStore(db), renderer: createIcalFeedRenderer(), pepper });
  const store = createLinkingStore(db);
  const readModel = createReadModel(db, DEMO_TZ);
  const bot = createVkBot({
    token: VK_TOKEN,
    groupId: GROUP_ID,
    apiBaseUrl: VK_API_BASE,
    answers: createAnswerService({
      ...readModel,
      terms: createTermReader(db),
      presence: createPresenceReader(db),
      coming: createComingReader(db),
      charts: testCharts(),
      defaultTimezone: DEMO_TZ,
    }),
    linking: createLinkService({ store, access: readModel.access, pepper }),
    settings: createSubscriptionSettingsStore(db),
    teacherSettings: createTeacherSettingsStore(db),
    queryContexts: createQueryContextStore(db),
    calendar: { feeds, publicUrl: options.publicUrl },
    chats: createChatStatusStore(db),
    logger: options.logger ?? silentLogger,
    now: () => DEMO_NOW,
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
  const issueCode = async (studentId: string) =>
    (await issueCodes(store, pepper, [{ role: 'guardian', studentId, teacherId: null }]))[0].code;
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
