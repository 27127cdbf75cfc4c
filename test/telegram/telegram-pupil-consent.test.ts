import { CURRENT_CONSENT_VERSION } from '../../core/linking';
import { createDemoDatabase } from '../helpers/demo-database';
import { callback, callbackData, privateText, sentTexts, type TApiCall } from '../helpers/telegram-harness';
import { telegramOnDatabase } from '../helpers/telegram-runtime';
import type { TestDatabase } from '../helpers/test-database';

// The consent through the Telegram bot: it names Telegram as the carrier, a pupil's own code gets
// the pupil's text — or, while no parent has connected and the school wants one first, a polite
// "a parent first" with nothing stored — and people who accepted the older text are asked again.

let db: TestDatabase;
beforeAll(async () => {
  db = await createDemoDatabase();
});
afterAll(() => db?.destroy());

const lastSent = (calls: TApiCall[]) => String(calls.filter((c) => c.method === 'sendMessage').at(-1)?.payload.text);
const chatsOf = (chatId: number) =>
  db.prisma.chat.findMany({ where: { channel: 'telegram', externalId: String(chatId) } });

/** A demo pupil no guardian is linked to yet (the demo links some). */
async function unlinkedPupil() {
  return db.prisma.student.findFirstOrThrow({ where: { links: { none: {} } }, orderBy: { id: 'asc' } });
}

describe('Telegram consent', () => {
  it('names Telegram as the carrier of the messages', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const student = await unlinkedPupil();
    await bot.handleUpdate(privateText(71000001, `/start ${await issueCode(student.id)}`));
    const text = lastSent(calls);
    expect(text).toContain('Согласие на обработку персональных данных');
    expect(text).toMatch(/через Telegram и проходят через серверы компании Telegram за пределами России/);
  });

  it('a pupil before any parent: a polite refusal, nothing stored, the code still unused', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const student = await unlinkedPupil();
    const code = await issueCode(student.id, 'student');
    await bot.handleUpdate(privateText(71000002, `/start ${code}`));
    expect(lastSent(calls)).toMatch(/Сначала твой дневник должен подключить кто-то из родителей/);
    expect(callbackData(calls)).toEqual([]);
    expect(await chatsOf(71000002)).toEqual([]);
    expect(await db.prisma.linkAttempt.count()).toBe(0);
    expect(await db.prisma.linkCode.count({ where: { role: 'student', studentId: student.id, usedAt: null } })).toBe(1);
  });

  it('after a parent connected, the pupil reads the pupil’s text and links as themselves', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const student = await unlinkedPupil();
    const parent = 71000003;
    await bot.handleUpdate(privateText(parent, `/start ${await issueCode(student.id)}`));
    await bot.handleUpdate(callback(parent, callbackData(calls)[0]));
    expect(await chatsOf(parent)).toHaveLength(1);

    calls.length = 0;
    const pupil = 71000004;
    await bot.handleUpdate(privateText(pupil, `/start ${await issueCode(student.id, 'student')}`));
    const text = lastSent(calls);
    expect(text).toContain('Согласие на обработку твоих данных');
    expect(text).toMatch(/твои вопросы и ответы идут через Telegram/);
    expect(text).not.toContain('законный представитель');
    await bot.handleUpdate(callback(pupil, callbackData(calls)[0]));
    const [chat] = await chatsOf(pupil);
    expect(await db.prisma.studentLink.findMany({ where: { personId: chat.personId } })).toEqual([
      expect.objectContaining({ studentId: student.id, role: 'student' }),
    ]);
  });

  it('asks again, before the next personal answer, everyone who accepted the 2026-01 text', async () => {
    const { bot, calls, issueCode, linking } = telegramOnDatabase(db);
    const student = await unlinkedPupil();
    const chatId = 71000005;
    await bot.handleUpdate(privateText(chatId, `/start ${await issueCode(student.id)}`));
    await bot.handleUpdate(callback(chatId, callbackData(calls)[0]));
    const personId = (await linking.personForChat({ channel: 'telegram', externalId: String(chatId) }))!;
    // Exactly the record an acceptance of the previous Russian chat text left.
    await db.prisma.consent.updateMany({
      where: { personId },
      data: { textVersion: '2026-01', textHash: '7cf77ac303bb36834889ae83f50e7e2506e2eeab2785682fdfb8280be4cf8b2e' },
    });

    calls.length = 0;
    await bot.handleUpdate(privateText(chatId, 'оценки сегодня'));
    const asked = sentTexts(calls).join('\n');
    expect(asked).toMatch(/Текст согласия на обработку персональных данных обновился/);
    expect(asked).toMatch(/серверы компании Telegram/);
    expect(asked).not.toContain('Оценки');
    await bot.handleUpdate(callback(chatId, callbackData(calls)[0]));
    expect(await db.prisma.consent.findFirstOrThrow({ where: { personId, withdrawnAt: null } })).toMatchObject({
      textVersion: CURRENT_CONSENT_VERSION,
    });

    calls.length = 0;
    await bot.handleUpdate(privateText(chatId, 'оценки сегодня'));
    expect(sentTexts(calls).join('\n')).not.toMatch(/обновился/);
  });
});
