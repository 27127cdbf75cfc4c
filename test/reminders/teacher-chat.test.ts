import { randomBytes } from 'node:crypto';
import { createBot } from '../../bots/telegram';
import { createAnswerService } from '../../core/answers';
import { createLinkService, issueCodes } from '../../core/linking';
import { createReminderRunner } from '../../core/reminders/reminder-runner';
import { createMemorySeenOnce } from '../../infra/seen-once';
import { createQueryContextStore } from '../../prisma/stores/conversation/query-context-store';
import { createTeacherSettingsStore } from '../../prisma/stores/conversation/teacher-settings-store';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createLinkingStore } from '../../prisma/stores/linking/linking-store';
import { createJournalPort } from '../../prisma/stores/reminders/reminder-journal';
import { createReminderSettingsStore } from '../../prisma/stores/reminders/reminder-settings-store';
import { createReminderStore } from '../../prisma/stores/reminders/reminder-store';
import { createSubscriptionSettingsStore } from '../../prisma/stores/settings/subscription-settings-store';
import { allPresent, ingest, lessonEvents, messagesTo, schoolSetup, T1 } from '../helpers/reminder-fixtures';
import {
  BOT_INFO,
  callback,
  callbackData,
  privateText,
  recordCalls,
  sentTexts,
  TEST_TOKEN,
} from '../helpers/telegram-harness';
import { silentLogger } from '../helpers/telegram-runtime';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// A teacher links a Telegram chat with a teacher code (consent first, as parents do), asks which
// lessons are not filled in and about tomorrow's lessons, snoozes reminders, and the reminders
// reach the chat that linking created.

const TZ = 'Europe/Moscow';
const NOW = new Date('2025-12-02T12:00:00+03:00');
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('pglite');
  await ingest(db, [
    ...schoolSetup(),
    ...lessonEvents({ id: 'mon-no-topic', date: '2025-11-30', start: '08:30', end: '09:15', attendance: allPresent() }),
    ...lessonEvents({ id: 'wed-no-attendance', date: '2025-12-02', start: '08:30', end: '09:15', topic: 'Дроби' }),
    ...lessonEvents({
      id: 'wed-done',
      date: '2025-12-02',
      start: '09:25',
      end: '10:10',
      topic: 'Степени',
      attendance: allPresent(),
    }),
    ...lessonEvents({
      id: 'thu-first',
      date: '2025-12-03',
      start: '08:30',
      end: '09:15',
      classId: 'rs-6b',
      subjectId: 'rs-phys',
    }),
  ]);
});
afterAll(() => db?.destroy());

function teacherBot() {
  const pepper = randomBytes(32);
  const store = createLinkingStore(db);
  const journal = createJournalPort(db);
  const readModel = createReadModel(db, TZ);
  const bot = createBot({
    token: TEST_TOKEN,
    botInfo: BOT_INFO,
    answers: createAnswerService({ ...readModel, defaultTimezone: TZ, journal }),
    linking: createLinkService({ store, access: readModel.access, pepper }),
    settings: createSubscriptionSettingsStore(db),
    queryContexts: createQueryContextStore(db),
    teacherSettings: createTeacherSettingsStore(db),
    seenOnce: createMemorySeenOnce(),
    logger: silentLogger,
    now: () => NOW,
  });
  const calls = recordCalls(bot);
  const teacherCode = async (teacherId: string) =>
    (await issueCodes(store, pepper, [{ role: 'teacher', studentId: null, teacherId }]))[0].code;
  return { bot, calls, teacherCode };
}

describe('a teacher in Telegram', () => {
  it('links with a teacher code after consent, asks about the journal and tomorrow, snoozes, and gets reminders in that chat', async () => {
    const { bot, calls, teacherCode } = teacherBot();
    const chatId = 71234567;
    const code = await teacherCode(T1);

    await bot.handleUpdate(privateText(chatId, `/start ${code}`));
    const consent = calls.filter((c) => c.method === 'sendMessage').at(-1)!;
    expect(String(consent.payload.text)).toContain('Согласие на обработку персональных данных');
    expect(String(consent.payload.text)).toContain('Анна Ивановна');
    expect(await db.prisma.teacherLink.count()).toBe(0);
    await bot.handleUpdate(callback(chatId, callbackData([consent])[0]));
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { channel: 'telegram', externalId: String(chatId) } });
    expect(await db.prisma.teacherLink.findMany({ where: { personId: chat.personId } })).toEqual([
      expect.objectContaining({ teacherId: T1 }),
    ]);
    expect(await db.prisma.consent.count({ where: { personId: chat.personId, withdrawnAt: null } })).toBe(1);

    await bot.handleUpdate(privateText(chatId, 'какие уроки не заполнены'));
    expect(sentTexts(calls).at(-1)).toBe(
      '<b>Не заполнено: 2 урока</b>\n• 1 урок без темы: 5А математика 30 ноября\n• 1 урок без отметок посещаемости: 5А математика 2 декабря',
    );

    await bot.handleUpdate(privateText(chatId, 'мои уроки завтра'));
    const tomorrow = sentTexts(calls).at(-1)!;
    expect(tomorrow).toContain('6Б');
    expect(tomorrow).toContain('Физика');

    await bot.handleUpdate(privateText(chatId, 'which lessons are not filled in', 'en'));
    expect(sentTexts(calls).at(-1)).toBe(
      '<b>Not filled in: 2 lessons</b>\n• 1 lesson without a topic: 5А Maths 30 November\n• 1 lesson without attendance: 5А Maths 2 December',
    );

    await bot.handleUpdate(privateText(chatId, 'напомни завтра'));
    expect(sentTexts(calls).at(-1)).toBe('Хорошо, напомню о журнале не раньше 3 декабря, 12:00.');

    // The scan at 12:00 finds the Wednesday lesson; the snooze holds it until Thursday noon, when
    // Thursday's first lesson (ended 09:15, nothing filled in) has become due as well.
    const runAt = (at: string) =>
      createReminderRunner({
        store: createReminderStore(db),
        clock: () => new Date(at),
        deliver: async () => undefined,
      }).run();
    await runAt('2025-12-02T12:00:00+03:00');
    expect(await messagesTo(db.sql.query, chat.id)).toEqual([]);
    await runAt('2025-12-03T12:00:00+03:00');
    expect(await messagesTo(db.sql.query, chat.id)).toEqual([
      'Заполните, пожалуйста, журнал:\n• 1 урок без темы: 6Б физика 3 декабря\n• 2 урока без отметок посещаемости: 5А математика 2 декабря, 6Б физика 3 декабря',
    ]);
  });

  it('tells someone who is not a teacher that journal questions are for teachers', async () => {
    const { bot, calls } = teacherBot();
    await bot.handleUpdate(privateText(71234999, 'какие уроки не заполнены'));
    expect(sentTexts(calls).at(-1)).not.toContain('Не заполнено');
    expect(await db.prisma.reminderSettings.count({ where: { snoozedUntil: { not: null } } })).toBe(1);
  });
});

describe('a teacher’s reminder settings in the chat', () => {
  it('shows the journal reminders in /settings and changes them with a tap: off, a daily summary, quiet hours', async () => {
    const { bot, calls, teacherCode } = teacherBot();
    const chatId = 72234567;
    await bot.handleUpdate(privateText(chatId, `/start ${await teacherCode(T1)}`));
    await bot.handleUpdate(callback(chatId, callbackData(calls)[0]));
    const reminders = createReminderSettingsStore(db);
    const before = await reminders.get(T1);

    calls.length = 0;
    await bot.handleUpdate(privateText(chatId, '/settings'));
    expect(callbackData(calls)).toEqual(expect.arrayContaining(['s:r-toggle', 's:r-mode', 's:r-quiet']));

    await bot.handleUpdate(callback(chatId, 's:r-mode'));
    expect(await reminders.get(T1)).toMatchObject({ mode: 'digest', digestTime: '19:00' });
    await bot.handleUpdate(callback(chatId, 's:r-quiet'));
    expect((await reminders.get(T1)).quietFrom).not.toBe(before.quietFrom);
    await bot.handleUpdate(callback(chatId, 's:r-toggle'));
    expect((await reminders.get(T1)).enabled).toBe(!before.enabled);
    // The refreshed menu shows the new state.
    const labels = calls.flatMap((c) =>
      ((c.payload.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? [])
        .flat()
        .map((b) => b.text),
    );
    expect(labels.some((l) => /Напоминания о журнале: выкл/.test(l))).toBe(true);
  });

  it('shows no reminder buttons to a chat without a teacher link', async () => {
    const { bot, calls } = teacherBot();
    await bot.handleUpdate(privateText(73234567, '/settings'));
    expect(callbackData(calls).filter((d) => d.startsWith('s:r-'))).toEqual([]);
  });
});
