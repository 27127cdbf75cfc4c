import { randomBytes } from 'node:crypto';
import nock from 'nock';
import { createVkBot } from '../../bots/vk';
import { createAnswerService } from '../../core/answers';
import { createLinkService, issueCodes } from '../../core/linking';
import { createChatStatusStore } from '../../prisma/stores/conversation/chat-status-store';
import { createQueryContextStore } from '../../prisma/stores/conversation/query-context-store';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { createJournalPort } from '../../prisma/stores/reminders/reminder-journal';
import { createSubscriptionSettingsStore } from '../../prisma/stores/settings/subscription-settings-store';
import { allPresent, ingest, lessonEvents, schoolSetup, T2 } from '../helpers/reminder-fixtures';
import { silentLogger } from '../helpers/telegram-runtime';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { startVkApiStub, VK_API_BASE } from '../helpers/vk-api-stub';
import { actionsOf, GROUP_ID, messageEvent, messageNew, VK_TOKEN } from '../helpers/vk-harness';

// The same teacher linking and journal question in VK: the conversation is shared, the channel
// only carries it.

const TZ = 'Europe/Moscow';
let db: TestDatabase;

beforeAll(async () => {
  nock.disableNetConnect();
  db = await createTestDatabase('pglite');
  await ingest(db, [
    ...schoolSetup(),
    ...lessonEvents({
      id: 'v1',
      date: '2026-12-01',
      start: '08:30',
      end: '09:15',
      teacherId: T2,
      subjectId: 'rs-phys',
      attendance: allPresent(),
    }),
  ]);
});
afterAll(async () => {
  nock.enableNetConnect();
  nock.restore();
  await db?.destroy();
});

it('a teacher links a VK chat with a teacher code after consent and asks which lessons are not filled in', async () => {
  const api = startVkApiStub();
  try {
    const store = createLinkingStore(db);
    const pepper = randomBytes(32);
    const readModel = createReadModel(db, TZ);
    const bot = createVkBot({
      token: VK_TOKEN,
      groupId: GROUP_ID,
      apiBaseUrl: VK_API_BASE,
      answers: createAnswerService({ ...readModel, defaultTimezone: TZ, journal: createJournalPort(db) }),
      linking: createLinkService({ store, access: readModel.access, pepper }),
      settings: createSubscriptionSettingsStore(db),
      queryContexts: createQueryContextStore(db),
      chats: createChatStatusStore(db),
      logger: silentLogger,
      now: () => new Date('2026-12-02T12:00:00+03:00'),
      retryDelayMs: () => 5,
    });
    const [{ code }] = await issueCodes(store, pepper, [{ role: 'teacher', studentId: null, teacherId: T2 }]);
    const peerId = 223456789;
    await bot.handle(messageNew(peerId, code));
    const consent = api.sent().at(-1)!;
    expect(consent.params.message).toContain('Согласие на обработку персональных данных');
    await bot.handle(messageEvent(peerId, { a: actionsOf(consent)[0], l: 'ru' }));
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { channel: 'vk', externalId: String(peerId) } });
    expect(await db.prisma.teacherLink.findMany({ where: { personId: chat.personId } })).toEqual([
      expect.objectContaining({ teacherId: T2 }),
    ]);

    await bot.handle(messageNew(peerId, 'какие уроки не заполнены'));
    expect(api.sent().at(-1)!.params.message).toBe('Не заполнено: 1 урок\n• 1 урок без темы: 5А физика 1 декабря');
  } finally {
    api.stop();
  }
});
