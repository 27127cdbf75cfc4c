import { BOT_TEXTS } from '../../core/conversation/locales';
import { MAX_UTTERANCE_CHARS } from '../../core/input/utterance-limit';
import { createDemoDatabase } from '../helpers/demo-database';
import { callback, callbackData, privateText, type TApiCall } from '../helpers/telegram-harness';
import { telegramOnDatabase } from '../helpers/telegram-runtime';
import type { TestDatabase } from '../helpers/test-database';

// Messages and buttons no client of ours sends: text over 1,024 characters, NUL or lone surrogates,
// button data naming an impossible day. Each gets the usual polite reply, never the apology for
// a failure, and nothing of it reaches the parser or the database.

let db: TestDatabase;
beforeAll(async () => {
  db = await createDemoDatabase();
});
afterAll(() => db?.destroy());

const t = BOT_TEXTS.ru;
const lastText = (calls: TApiCall[]) => String(calls.filter((c) => c.method === 'sendMessage').at(-1)?.payload.text);
const apologies = (calls: TApiCall[]) => calls.filter((c) => c.payload.text === t.error);

describe('Telegram: input the bot does not read', () => {
  it('answers a text over 1,024 characters with "too long", and one with NUL or a lone surrogate with "unreadable"', async () => {
    const { bot, calls } = telegramOnDatabase(db);
    const chatId = 61_000_001;
    await bot.handleUpdate(privateText(chatId, `оценки ${'сегодня '.repeat(200)}`));
    expect(lastText(calls)).toBe(t.input.tooLong);
    // Exactly the limit is still read (an unlinked chat is asked for its code).
    await bot.handleUpdate(privateText(chatId, 'о'.repeat(MAX_UTTERANCE_CHARS)));
    expect(lastText(calls)).toBe(t.linking.askCode);
    for (const text of ['оценки\u0000сегодня', 'оценки \uD800', '/start 4815\u000026047391', '\uDC00']) {
      await bot.handleUpdate(privateText(chatId, text));
      expect(lastText(calls)).toBe(t.input.unreadable);
    }
    expect(apologies(calls)).toEqual([]);
    // A code with NUL in it was never tried: nothing counts against the guessing brakes.
    expect(await db.prisma.linkAttempt.count()).toBe(0);
  });

  it("ignores a linked chat's button naming an impossible day instead of failing on it", async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const chatId = 61_000_002;
    const student = await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await bot.handleUpdate(privateText(chatId, `/start ${await issueCode(student.id)}`));
    await bot.handleUpdate(
      callback(chatId, callbackData(calls.filter((c) => c.method === 'sendMessage').slice(-1))[0]),
    );
    expect(await db.prisma.chat.count({ where: { channel: 'telegram', externalId: String(chatId) } })).toBe(1);

    const before = calls.length;
    for (const data of ['m:g:9999-99-99:a', 'm:h:2026-02-30:0', 'm:s:2026-13-45:a'])
      await bot.handleUpdate(callback(chatId, data));
    const made = calls.slice(before);
    // Each tap only stops its spinner: no screen, no apology.
    expect(made.map((c) => c.method)).toEqual(['answerCallbackQuery', 'answerCallbackQuery', 'answerCallbackQuery']);
    expect(made.map((c) => c.payload.text)).toEqual([undefined, undefined, undefined]);
    // A real day still opens its screen.
    await bot.handleUpdate(callback(chatId, 'm:g:2026-12-01:a'));
    expect(calls.slice(before + made.length).map((c) => c.method)).toContain('editMessageText');
    expect(apologies(calls)).toEqual([]);
  });
});
