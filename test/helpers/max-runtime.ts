import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createMaxBot, type TMaxUpdate } from '../../bots/max';
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
import { maxRoute } from '../../webhooks/max-route';
import { DEMO_NOW, DEMO_TZ } from './demo-database';
import { MAX_SECRET, MAX_USERNAME } from './max-harness';
import type { MaxStub } from './max-stub';
import { silentLogger } from './telegram-runtime';
import { testCharts } from './test-charts';
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
  const pepper = randomBytes(32);
  const feeds = createCalendarFeeds({ store: createCalendarFeedStore(db), renderer: createIcalFeedRenderer(), pepper });
  const store = createLinkingStore(db);
  const readModel = createReadModel(db, DEMO_TZ);
  const bot = createMaxBot({
    token: stub.token,
    apiBaseUrl: options.apiBaseUrl ?? stub.apiBaseUrl,
    username: MAX_USERNAME,
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
    calendar: { feeds, publicUrl: MAX_PUBLIC_URL },
    chats: createChatStatusStore(db),
    logger: options.logger ?? silentLogger,
    now: () => DEMO_NOW,
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
  const issueCode = async (studentId: string) =>
    (await issueCodes(store, pepper, [{ role: 'guardian', studentId, teacherId: null }]))[0].code;
  /** Posts an update as MAX does (the stub notes it, so edits know their chat); expects 200. */
  const post = (update: object) => {
    stub.seen(update as { update_type: string });
    return request(app).post('/webhooks/max').set('X-Max-Bot-Api-Secret', MAX_SECRET).send(update).expect(200);
  };
  return { bot, inbox, app, issueCode, post, start: () => inbox.start((update) => bot.handle(update)) };
}

export type TMaxOnDatabase = ReturnType<typeof maxOnDatabase>;
