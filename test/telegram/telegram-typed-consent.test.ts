import { createDemoDatabase } from '../helpers/demo-database';
import { callback, callbackData, privateText, sentTexts, type TApiCall } from '../helpers/telegram-harness';
import { telegramOnDatabase } from '../helpers/telegram-runtime';
import type { TestDatabase } from '../helpers/test-database';

// The consent under a code answered by typing instead of tapping: «конечно да» does what Accept
// does, «нет, не надо» what Decline does — for the one code waiting in this chat. A «да» with no
// code waiting consents to nothing.

let db: TestDatabase;
let student: { id: string; firstName: string; className: string };

beforeAll(async () => {
  db = await createDemoDatabase();
  const row = await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' }, include: { schoolClass: true } });
  student = { id: row.id, firstName: row.firstName, className: row.schoolClass.name };
});
afterAll(() => db?.destroy());

const chatsOf = (chatId: number) =>
  db.prisma.chat.findMany({ where: { channel: 'telegram', externalId: String(chatId) } });
const pendingOf = (chatId: number) =>
  db.prisma.pendingLink.count({ where: { channel: 'telegram', externalId: String(chatId) } });
const lastText = (calls: TApiCall[]) => sentTexts(calls).at(-1)!;

describe('Telegram: the consent answered in words', () => {
  it('links on «конечно да» typed after the code, as Accept would', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const chatId = 61000001;
    await bot.handleUpdate(privateText(chatId, `/start ${await issueCode(student.id)}`));
    expect(lastText(calls)).toContain('Согласие на обработку персональных данных');

    await bot.handleUpdate(privateText(chatId, 'конечно да'));
    expect(sentTexts(calls)).toContain(`Готово! Подключён дневник: ${student.firstName}, ${student.className}.`);
    const [chat] = await chatsOf(chatId);
    expect(chat).toBeDefined();
    expect(await db.prisma.studentLink.count({ where: { personId: chat.personId, studentId: student.id } })).toBe(1);
    expect(await db.prisma.consent.count({ where: { personId: chat.personId, withdrawnAt: null } })).toBe(1);
    expect(await pendingOf(chatId)).toBe(0);
    // The grade-alerts offer and the menu follow, as after a tap.
    expect(callbackData(calls)).toContain('s:grades-on');
  });

  it('declines on «нет, не надо»: nothing stored, and the Accept button under the consent is spent', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const chatId = 61000002;
    await bot.handleUpdate(privateText(chatId, await issueCode(student.id)));
    const [accept] = callbackData(calls);

    await bot.handleUpdate(privateText(chatId, 'нет, не надо'));
    expect(lastText(calls)).toBe('Хорошо, ничего не сохранено. Если передумаете, снова отправьте код из письма школы.');
    expect(await pendingOf(chatId)).toBe(0);
    expect(await chatsOf(chatId)).toEqual([]);

    await bot.handleUpdate(callback(chatId, accept));
    expect(await chatsOf(chatId)).toEqual([]);
    expect(lastText(calls)).toBe('Время на ответ истекло, код не подключён. Отправьте код ещё раз.');
  });

  it('treats «да» with no code waiting as no consent: nothing is linked', async () => {
    const { bot, calls } = telegramOnDatabase(db);
    const chatId = 61000003;
    await bot.handleUpdate(privateText(chatId, 'да'));
    expect(lastText(calls)).toBe('Отправьте 12-значный код из письма школы (пробелы и дефисы можно не убирать).');
    expect(await chatsOf(chatId)).toEqual([]);
  });

  it('does not accept a code that has waited past its 15 minutes', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const chatId = 61000004;
    await bot.handleUpdate(privateText(chatId, await issueCode(student.id)));
    await db.prisma.pendingLink.updateMany({
      where: { channel: 'telegram', externalId: String(chatId) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await bot.handleUpdate(privateText(chatId, 'да, согласна'));
    expect(lastText(calls)).toMatch(/12-значный код/);
    expect(await chatsOf(chatId)).toEqual([]);
  });

  it('answers a code waiting in this chat only: another chat’s «да» links neither', async () => {
    const { bot, issueCode } = telegramOnDatabase(db);
    const owner = 61000005;
    const other = 61000006;
    await bot.handleUpdate(privateText(owner, await issueCode(student.id)));
    await bot.handleUpdate(privateText(other, 'да'));
    expect(await chatsOf(other)).toEqual([]);
    expect(await chatsOf(owner)).toEqual([]);
    expect(await pendingOf(owner)).toBe(1);
  });

  it('asks for a tap when two codes wait, since words cannot say which; the buttons still work', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const chatId = 61000007;
    await bot.handleUpdate(privateText(chatId, await issueCode(student.id)));
    await bot.handleUpdate(privateText(chatId, await issueCode(student.id)));
    await bot.handleUpdate(privateText(chatId, 'да'));
    expect(lastText(calls)).toBe(
      'Вы отправили несколько кодов. Нажмите «Согласен» или «Отказаться» под сообщением того кода, на который отвечаете.',
    );
    expect(await chatsOf(chatId)).toEqual([]);
    expect(await pendingOf(chatId)).toBe(2);

    await bot.handleUpdate(callback(chatId, callbackData(calls).at(-2)!));
    expect(await chatsOf(chatId)).toHaveLength(1);
  });

  it('reads English typed answers by the same rule', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const chatId = 61000008;
    await bot.handleUpdate(privateText(chatId, await issueCode(student.id), 'en'));
    await bot.handleUpdate(privateText(chatId, "no thanks, I don't agree", 'en'));
    expect(lastText(calls)).toMatch(/^All right, nothing was stored/);
    expect(await chatsOf(chatId)).toEqual([]);
  });
});
