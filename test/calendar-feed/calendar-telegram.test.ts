import request from 'supertest';
import { createLogger } from '../../infra/logger';
import { createMetrics } from '../../infra/metrics';
import { createServer } from '../../webhooks/app';
import { calendarRoute } from '../../webhooks/calendar-route';
import { createDemoDatabase } from '../helpers/demo-database';
import { callback, callbackData, groupText, privateText, sentTexts, type TApiCall } from '../helpers/telegram-harness';
import { telegramOnDatabase } from '../helpers/telegram-runtime';
import type { TestDatabase } from '../helpers/test-database';

// /calendar in Telegram on the demo school: a link per child, shown once; asked again, a new link
// or off; off from the settings too; nothing in a group; gone with /forget.

const PUBLIC_URL = 'https://dnevnik.example';
const LINK = /https:\/\/dnevnik\.example\/calendar\/([A-Za-z0-9_-]{32})\.ics/g;

let db: TestDatabase;
let studentId: string;
let firstName: string;

beforeAll(async () => {
  db = await createDemoDatabase();
  const student = await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } });
  studentId = student.id;
  firstName = student.firstName;
});
afterAll(() => db?.destroy());

const tokensIn = (text: string) => [...text.matchAll(LINK)].map((m) => m[1]);
const lastText = (calls: TApiCall[]) => sentTexts(calls).at(-1)!;

async function linkedParent(chatId: number, publicUrl?: string) {
  const tg = telegramOnDatabase(db, undefined, { publicUrl });
  await tg.bot.handleUpdate(privateText(chatId, `/start ${await tg.issueCode(studentId)}`));
  await tg.bot.handleUpdate(callback(chatId, callbackData(tg.calls).find((d) => d.startsWith('c:y:'))!));
  const app = createServer({
    logger: createLogger('silent'),
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: {},
    routers: [calendarRoute(tg.feeds)],
  });
  return { ...tg, app };
}

describe('Telegram /calendar', () => {
  it('gives one link per child, then offers a new one or off; the settings turn it off', async () => {
    const chatId = 61000001;
    const { bot, calls, app } = await linkedParent(chatId, PUBLIC_URL);

    await bot.handleUpdate(privateText(chatId, '/calendar'));
    const first = lastText(calls);
    expect(first).toContain('Личная ссылка на календарь');
    expect(first).toContain(`${firstName}: ${PUBLIC_URL}/calendar/`);
    const [token] = tokensIn(first);
    const feed = await request(app).get(`/calendar/${token}.ics`).expect(200);
    expect(feed.text).toMatch(/^BEGIN:VCALENDAR/);

    // Asked again in words: the link cannot be shown again; a new one or off.
    calls.length = 0;
    await bot.handleUpdate(privateText(chatId, 'календарь'));
    expect(lastText(calls)).toContain('Ссылка на календарь уже выдана');
    expect(tokensIn(sentTexts(calls).join('\n'))).toEqual([]);
    expect(callbackData(calls)).toEqual(['f:new', 'f:off']);

    await bot.handleUpdate(callback(chatId, 'f:new'));
    const renewed = tokensIn(sentTexts(calls).join('\n'));
    expect(renewed).toHaveLength(1);
    expect(sentTexts(calls).join('\n')).toContain('Старые ссылки больше не работают');
    await request(app).get(`/calendar/${token}.ics`).expect(404);
    await request(app).get(`/calendar/${renewed[0]}.ics`).expect(200);

    // The settings screen carries the off switch under it.
    calls.length = 0;
    await bot.handleUpdate(privateText(chatId, '/settings'));
    expect(callbackData(calls)).toContain('f:off');
    expect(sentTexts(calls).at(-1)).toContain('Календарь подключён');
    await bot.handleUpdate(callback(chatId, 'f:off'));
    expect(lastText(calls)).toContain('Календарь отключён');
    await request(app).get(`/calendar/${renewed[0]}.ics`).expect(404);
    calls.length = 0;
    await bot.handleUpdate(privateText(chatId, '/settings'));
    expect(callbackData(calls)).not.toContain('f:off');
  });

  it('answers /calendar in a group only with the way to a private chat', async () => {
    const { bot, calls } = await linkedParent(61000002, PUBLIC_URL);
    calls.length = 0;
    await bot.handleUpdate(groupText(-100777, 61000002, '/calendar'));
    await bot.handleUpdate(groupText(-100777, 61000002, 'календарь'));
    const texts = sentTexts(calls).join('\n');
    expect(texts).not.toContain('/calendar/');
    expect(
      await db.prisma.calendarFeed.count({ where: { person: { chats: { some: { externalId: '61000002' } } } } }),
    ).toBe(0);
  });

  it('says the feed needs the public address when PUBLIC_URL is not set', async () => {
    const { bot, calls } = await linkedParent(61000003);
    await bot.handleUpdate(privateText(61000003, '/calendar'));
    expect(lastText(calls)).toContain('PUBLIC_URL');
  });

  it('is gone with /forget', async () => {
    const chatId = 61000004;
    const { bot, calls, app } = await linkedParent(chatId, PUBLIC_URL);
    await bot.handleUpdate(privateText(chatId, '/calendar'));
    const [token] = tokensIn(lastText(calls));
    const chat = await db.prisma.chat.findFirstOrThrow({ where: { channel: 'telegram', externalId: String(chatId) } });
    expect(await db.prisma.calendarFeed.count({ where: { personId: chat.personId } })).toBe(1);
    await bot.handleUpdate(privateText(chatId, '/forget'));
    expect(await db.prisma.calendarFeed.count({ where: { personId: chat.personId } })).toBe(0);
    await request(app).get(`/calendar/${token}.ics`).expect(404);
  });
});
