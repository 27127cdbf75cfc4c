import { randomBytes } from 'node:crypto';
import { createAnswerService } from '../../core/answers';
import { createCalendarFeeds } from '../../core/calendar-feed';
import type { ChatBotDeps, TConversationLogger } from '../../core/conversation';
import { createLinkService, issueCodes } from '../../core/linking';
import { createIcalFeedRenderer } from '../../infra/ical-feed-renderer';
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
import { DEMO_NOW, DEMO_TZ } from './demo-database';
import { silentLogger } from './telegram-runtime';
import { testCharts } from './test-charts';
import type { TestDatabase } from './test-database';

/**
 * What a chat bot (VK, MAX) gets from the runtime, built on a test database as runtime/chat-channels.ts
 * builds it: the answers, linking with a fresh pepper, the settings and chat stores, the calendar
 * feeds; the clock is the demo's, so "today" has grades. `issueCode` prints a guardian's code.
 */
export function chatBotWorld(db: TestDatabase, options: { logger?: TConversationLogger; publicUrl?: string } = {}) {
  const pepper = randomBytes(32);
  const feeds = createCalendarFeeds({ store: createCalendarFeedStore(db), renderer: createIcalFeedRenderer(), pepper });
  const store = createLinkingStore(db);
  const readModel = createReadModel(db, DEMO_TZ);
  const deps: ChatBotDeps = {
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
  };
  const issueCode = async (studentId: string) =>
    (await issueCodes(store, pepper, [{ role: 'guardian', studentId, teacherId: null }]))[0].code;
  return { deps, feeds, issueCode };
}
