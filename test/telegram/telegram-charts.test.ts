import { InputFile } from 'grammy';
import { createDemoDatabase, DEMO_TODAY, dbDay } from '../helpers/demo-database';
import { callback, callbackData, privateText, sentTexts, type TApiCall } from '../helpers/telegram-harness';
import { telegramOnDatabase } from '../helpers/telegram-runtime';
import { closeTestCharts } from '../helpers/test-charts';
import type { TestDatabase } from '../helpers/test-database';

// A term chart in Telegram: the results screen's button and a question in words both end in
// sendPhoto with a PNG under its caption; no grades leave the caption alone, and another family's
// child is refused.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let db: TestDatabase;
let student: { id: string; firstName: string; schoolId: string };
let stranger: { firstName: string };

beforeAll(async () => {
  db = await createDemoDatabase();
  const grade = await db.prisma.grade.findFirstOrThrow({
    where: { date: dbDay(DEMO_TODAY), deletedAt: null },
    orderBy: { id: 'asc' },
  });
  student = await db.prisma.student.findUniqueOrThrow({ where: { id: grade.studentId } });
  stranger = await db.prisma.student.findFirstOrThrow({
    where: { firstName: { not: student.firstName }, schoolId: student.schoolId },
  });
});
afterAll(async () => {
  await closeTestCharts();
  await db?.destroy();
});

const photos = (calls: TApiCall[]) => calls.filter((c) => c.method === 'sendPhoto');
async function pngOf(call: TApiCall): Promise<Buffer> {
  const photo = call.payload.photo;
  expect(photo).toBeInstanceOf(InputFile);
  return Buffer.from((await (photo as InputFile).toRaw()) as Uint8Array);
}

async function linked(chatId: number) {
  const tg = telegramOnDatabase(db);
  await tg.bot.handleUpdate(privateText(chatId, `/start ${await tg.issueCode(student.id)}`));
  await tg.bot.handleUpdate(callback(chatId, callbackData(tg.calls)[0]));
  return tg;
}

describe('Telegram term charts', () => {
  it('draws the grid from the results screen’s button', async () => {
    const chatId = 61234501;
    const { bot, calls } = await linked(chatId);
    await bot.handleUpdate(callback(chatId, 'm:r:t:a'));
    expect(callbackData(calls)).toContain('p:a');
    await bot.handleUpdate(callback(chatId, 'p:a'));
    const [photo] = photos(calls);
    expect(photo.payload.chat_id).toBe(chatId);
    expect((await pngOf(photo)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(photo.payload.caption).toMatch(new RegExp(`^${student.firstName}, \\d-я четверть: \\d+ предмет`));
  });

  it('draws one subject for «график по …», and says so in words when it has no grades', async () => {
    const chatId = 61234502;
    const { bot, calls } = await linked(chatId);
    const graded = await db.prisma.grade.findFirstOrThrow({
      where: { studentId: student.id, date: dbDay(DEMO_TODAY), deletedAt: null },
    });
    const subject = await db.prisma.subject.findUniqueOrThrow({ where: { id: graded.subjectId } });
    await bot.handleUpdate(privateText(chatId, `покажи график по ${subject.name}`));
    const [photo] = photos(calls);
    expect((await pngOf(photo)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(photo.payload.caption).toMatch(new RegExp(`^${subject.name}, \\d-я четверть: \\d+ оцен`));

    await bot.handleUpdate(privateText(chatId, 'график по астрономии'));
    expect(photos(calls)).toHaveLength(1);
    expect(sentTexts(calls).at(-1)).toMatch(/^Астрономия, \d-я четверть: оценок пока нет$/);
  });

  it('refuses another family’s child and draws nothing', async () => {
    const chatId = 61234503;
    const { bot, calls } = await linked(chatId);
    await bot.handleUpdate(privateText(chatId, `график оценок ${stranger.firstName}`));
    expect(photos(calls)).toEqual([]);
    expect(sentTexts(calls).at(-1)).toContain('только о детях, которые привязаны к вам');
  });
});
