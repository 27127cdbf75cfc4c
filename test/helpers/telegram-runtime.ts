import { randomBytes } from 'node:crypto';
import { createBot, type TBotLogger } from '../../bots/telegram';
import { createAnswerService } from '../../core/answers';
import { createCalendarFeeds } from '../../core/calendar-feed';
import { createLinkService, issueCodes, type LinkService } from '../../core/linking';
import { createIcalFeedRenderer } from '../../infra/ical-feed-renderer';
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
import { DEMO_NOW, DEMO_TZ } from './demo-database';
import { BOT_INFO, recordCalls, TEST_TOKEN } from './telegram-harness';
import { testCharts } from './test-charts';
import type { TestDatabase } from './test-database';

export const silentLogger: TBotLogger = {
  child: () => silentLogger,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * The bot wired the way main.ts wires it, on a test database, with a recording Bot API — or, given
 * `apiRoot`, talking to that Bot API double over HTTP (then `calls` stays empty).
 */
export function telegramOnDatabase(
  db: TestDatabase,
  logger: TBotLogger = silentLogger,
  options: { apiRoot?: string; publicUrl?: string } = {},
) {
  const pepper = randomBytes(32);
  const feeds = createCalendarFeeds({ store: createCalendarFeedStore(db), renderer: createIcalFeedRenderer(), pepper });
  const store = createLinkingStore(db);
  const readModel = createReadModel(db, DEMO_TZ);
  const linking: LinkService = createLinkService({ store, access: readModel.access, pepper });
  const bot = createBot({
    token: TEST_TOKEN,
    botInfo: BOT_INFO,
    answers: createAnswerService({
      ...readModel,
      terms: createTermReader(db),
      presence: createPresenceReader(db),
      coming: createComingReader(db),
      charts: testCharts(),
      defaultTimezone: DEMO_TZ,
    }),
    linking,
    settings: createSubscriptionSettingsStore(db),
    teacherSettings: createTeacherSettingsStore(db),
    queryContexts: createQueryContextStore(db),
    calendar: { feeds, publicUrl: options.publicUrl },
    seenOnce: createMemorySeenOnce(),
    chats: createChatStatusStore(db),
    logger,
    now: () => DEMO_NOW,
    apiRoot: options.apiRoot,
  });
  const calls = options.apiRoot ? [] : recordCalls(bot);
  const issueCode = async (studentId: string, role: 'guardian' | 'student' = 'guardian') =>
    (await issueCodes(store, pepper, [{ role, studentId, teacherId: null }]))[0].code;
  return { bot, calls, linking, issueCode, feeds };
}
