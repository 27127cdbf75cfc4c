import type { Update } from 'grammy/types';
import { createDemoDatabase } from '../helpers/demo-database';
import { BOT_INFO, callback, callbackData, privateText } from '../helpers/telegram-harness';
import { telegramOnDatabase } from '../helpers/telegram-runtime';
import type { TestDatabase } from '../helpers/test-database';

// my_chat_member: a person who blocks the bot has their chat marked inactive at once (alerts stop),
// and active again when they unblock it. A chat never linked stays unknown.

let nextId = 990_000_000;
function memberUpdate(chatId: number, status: 'kicked' | 'member', type: 'private' | 'supergroup' = 'private'): Update {
  const user = { id: chatId, is_bot: false, first_name: 'Ирина' };
  const chat = type === 'private' ? { id: chatId, type, first_name: 'Ирина' } : { id: chatId, type, title: 'Родители' };
  return {
    update_id: ++nextId,
    my_chat_member: {
      chat,
      from: user,
      date: 1764921600,
      old_chat_member: {
        user: BOT_INFO,
        status: status === 'kicked' ? 'member' : 'kicked',
        ...(status === 'kicked' ? {} : { until_date: 0 }),
      },
      new_chat_member: { user: BOT_INFO, status, ...(status === 'kicked' ? { until_date: 0 } : {}) },
    },
  } as unknown as Update;
}

describe('Telegram chat status (my_chat_member)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDemoDatabase();
  });
  afterAll(() => db?.destroy());

  it('marks a linked chat inactive when blocked and active when unblocked; ignores unknown chats and groups', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const chatId = 61234567;
    const student = await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await bot.handleUpdate(privateText(chatId, `/start ${await issueCode(student.id)}`));
    await bot.handleUpdate(callback(chatId, callbackData(calls)[0]));
    const active = async () =>
      (
        await db.prisma.chat.findUniqueOrThrow({
          where: { channel_externalId: { channel: 'telegram', externalId: String(chatId) } },
        })
      ).active;
    expect(await active()).toBe(true);

    await bot.handleUpdate(memberUpdate(chatId, 'kicked'));
    expect(await active()).toBe(false);
    await bot.handleUpdate(memberUpdate(chatId, 'member'));
    expect(await active()).toBe(true);

    const chatsBefore = await db.prisma.chat.count();
    await bot.handleUpdate(memberUpdate(71234567, 'kicked'));
    await bot.handleUpdate(memberUpdate(-1001234567890, 'kicked', 'supergroup'));
    expect(await db.prisma.chat.count()).toBe(chatsBefore);
  });
});

describe('Telegram consent asked again', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDemoDatabase();
  });
  afterAll(() => db?.destroy());

  it('shows nothing personal until the changed consent text is accepted', async () => {
    const { bot, calls, issueCode, linking } = telegramOnDatabase(db);
    const chatId = 62234567;
    const student = await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await bot.handleUpdate(privateText(chatId, `/start ${await issueCode(student.id)}`));
    await bot.handleUpdate(callback(chatId, callbackData(calls)[0]));
    const chat = { channel: 'telegram' as const, externalId: String(chatId) };
    const personId = (await linking.personForChat(chat))!;
    await db.sql.query(`UPDATE "Consent" SET "textVersion" = '2000-01' WHERE "personId" = $1`, [personId]);

    calls.length = 0;
    await bot.handleUpdate(privateText(chatId, 'оценки сегодня'));
    const asked = calls
      .filter((c) => c.method === 'sendMessage')
      .map((c) => String(c.payload.text))
      .join('\n');
    expect(asked).toMatch(/Текст согласия на обработку персональных данных обновился/);
    expect(asked).not.toContain('Оценки сегодня');
    expect(callbackData(calls)).toEqual([expect.stringMatching(/^c:r:[\w.-]+$/), 'c:w']);
    const renew = callbackData(calls)[0];
    await bot.handleUpdate(callback(chatId, renew));
    expect(await linking.needsConsent(personId)).toBe(false);
  });
});
