import request from 'supertest';
import { CALLBACK_LIMIT_BYTES } from '../../bots/telegram/callback-data';
import { CONSENT_ACCEPT_PATTERN } from '../../core/conversation/actions';
import { CURRENT_CONSENT_VERSION } from '../../core/linking';
import { createLogger } from '../../infra/logger';
import { createMetrics } from '../../infra/metrics';
import { createServer } from '../../webhooks/app';
import { telegramRoute } from '../../webhooks/telegram-route';
import { createDemoDatabase, DEMO_TODAY, dbDay } from '../helpers/demo-database';
import { callback, callbackData, groupText, privateText, sentTexts, type TApiCall } from '../helpers/telegram-harness';
import { silentLogger, telegramOnDatabase } from '../helpers/telegram-runtime';
import { startTelegramStub } from '../helpers/telegram-stub';
import type { TestDatabase } from '../helpers/test-database';

// Whole conversations against the demo school on PGlite: what the person sees and what the
// database holds after each step.

const SECRET = 'conversation-secret';
let db: TestDatabase;
let student: { id: string; firstName: string; className: string };
let expectedGrades: { subject: string; value: string }[];

beforeAll(async () => {
  db = await createDemoDatabase();
  const grade = await db.prisma.grade.findFirstOrThrow({
    where: { date: dbDay(DEMO_TODAY), deletedAt: null },
    orderBy: { id: 'asc' },
  });
  const row = await db.prisma.student.findUniqueOrThrow({
    where: { id: grade.studentId },
    include: { schoolClass: true },
  });
  student = { id: row.id, firstName: row.firstName, className: row.schoolClass.name };
  const grades = await db.prisma.grade.findMany({
    where: { studentId: student.id, date: dbDay(DEMO_TODAY), deletedAt: null },
  });
  const subjects = await db.prisma.subject.findMany({ where: { id: { in: grades.map((g) => g.subjectId) } } });
  expectedGrades = grades.map((g) => ({ subject: subjects.find((s) => s.id === g.subjectId)!.name, value: g.value }));
});
afterAll(() => db?.destroy());
// Each case starts with no wrong tries on record: the channel's budget (6 a minute for Telegram)
// is shared by every chat, and one case's five wrong codes must not brake the next case's linking.
afterEach(() => db.sql.query('DELETE FROM "LinkAttempt"'));

const telegramChats = (chatId: number) =>
  db.prisma.chat.findMany({ where: { channel: 'telegram', externalId: String(chatId) } });
const last = (calls: TApiCall[], method = 'sendMessage') => calls.filter((c) => c.method === method).at(-1)!;
const expectGrades = (text: string) => {
  expect(text).toContain('Оценки сегодня');
  expect(text).toContain(student.firstName);
  for (const g of expectedGrades) expect(text).toContain(`${g.subject}: <b>${g.value}</b>`);
};

describe('Telegram conversation (handleUpdate)', () => {
  it('links with a code only after consent, then answers grades, menus, settings, export and /forget', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const chatId = 51234567;
    const code = await issueCode(student.id);
    expect(expectedGrades.length).toBeGreaterThan(0);

    await bot.handleUpdate(privateText(chatId, `/start ${code}`));
    const consent = last(calls);
    expect(consent.payload.text).toContain('Согласие на обработку персональных данных');
    expect(consent.payload.text).toContain(`${student.firstName}, ${student.className}`);
    // The buttons carry a pending link's handle, never the code: no digit of it, in any grouping.
    const [accept, decline] = callbackData([consent]);
    expect(accept).toMatch(/^c:y:[\w.-]+:[A-Za-z]{24}$/);
    expect(decline).toBe(`c:n:${accept.split(':')[3]}`);
    for (const data of [accept, decline]) expect(data.replace(`c:y:${CURRENT_CONSENT_VERSION}:`, '')).not.toMatch(/\d/);
    expect(await db.prisma.pendingLink.count({ where: { channel: 'telegram', externalId: String(chatId) } })).toBe(1);
    expect(await telegramChats(chatId)).toEqual([]);
    expect(await db.prisma.linkAttempt.count()).toBe(0);

    await bot.handleUpdate(callback(chatId, callbackData([consent])[0]));
    const [chat] = await telegramChats(chatId);
    expect(chat).toBeDefined();
    expect(await db.prisma.studentLink.findMany({ where: { personId: chat.personId } })).toEqual([
      expect.objectContaining({ studentId: student.id, role: 'guardian' }),
    ]);
    expect(await db.prisma.consent.count({ where: { personId: chat.personId, withdrawnAt: null } })).toBe(1);
    expect(sentTexts(calls)).toContain(`Готово! Подключён дневник: ${student.firstName}, ${student.className}.`);
    expect(callbackData(calls)).toContain('s:grades-on');

    await bot.handleUpdate(privateText(chatId, 'оценки сегодня'));
    const answer = last(calls);
    expectGrades(String(answer.payload.text));
    expect(answer.payload.parse_mode).toBe('HTML');

    await bot.handleUpdate(callback(chatId, 'm:g:t:a'));
    const menu = last(calls, 'editMessageText');
    expectGrades(String(menu.payload.text));
    const nav = callbackData([menu]);
    expect(nav).toEqual(
      expect.arrayContaining([
        'm:g:2026-12-01:a',
        `m:g:${DEMO_TODAY}:a`,
        'm:g:2026-12-03:a',
        'm:h:2026-12-02:a',
        'm:c:t:a',
      ]),
    );
    for (const data of callbackData(calls)) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_LIMIT_BYTES);

    await bot.handleUpdate(callback(chatId, 's:grades-on'));
    await bot.handleUpdate(callback(chatId, 's:t:homework'));
    await bot.handleUpdate(callback(chatId, 's:mode'));
    await bot.handleUpdate(callback(chatId, 's:threshold'));
    const subscriptions = await db.prisma.subscription.findMany({
      where: { personId: chat.personId },
      orderBy: { type: 'asc' },
    });
    expect(subscriptions.map((s) => [s.type, s.enabled, s.mode, s.digestTime, s.studentId])).toEqual([
      ['balance', false, 'digest', '19:00', student.id],
      ['final-grades', true, 'digest', '19:00', student.id],
      ['grade-average', false, 'digest', '19:00', student.id],
      ['grades', true, 'digest', '19:00', student.id],
      ['homework', true, 'digest', '19:00', student.id],
      ['schedule', false, 'digest', '19:00', student.id],
      // On with a new subscription; the shared daily digest does not apply to it.
      ['school-news', true, 'instant', null, student.id],
    ]);
    expect(subscriptions.find((s) => s.type === 'balance')!.thresholdKopecks).toBe(10_000);

    await bot.handleUpdate(privateText(chatId, '/export'));
    const exported = last(calls, 'sendDocument');
    expect(exported.payload.chat_id).toBe(chatId);

    await bot.handleUpdate(privateText(chatId, '/forget'));
    expect(String(last(calls).payload.text)).toMatch(/удалены/);
    expect(await telegramChats(chatId)).toEqual([]);
    expect(await db.prisma.person.findUnique({ where: { id: chat.personId } })).toBeNull();
    expect(await db.prisma.studentLink.count({ where: { personId: chat.personId } })).toBe(0);
    expect(await db.prisma.subscription.count({ where: { personId: chat.personId } })).toBe(0);
    expect(await db.prisma.consent.count({ where: { personId: chat.personId } })).toBe(0);

    await bot.handleUpdate(privateText(chatId, 'оценки сегодня'));
    expect(String(last(calls).payload.text)).not.toContain(student.firstName);
  });

  it('stores nothing when consent is declined, and the code still works afterwards', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const chatId = 61234567;
    const code = await issueCode(student.id);
    await bot.handleUpdate(privateText(chatId, code.replace(/(\d{4})(?=\d)/g, '$1 ')));
    const pendingOfChat = { where: { channel: 'telegram', externalId: String(chatId) } };
    expect(await db.prisma.pendingLink.count(pendingOfChat)).toBe(1);
    const [accept, decline] = callbackData([last(calls)]);
    await bot.handleUpdate(callback(chatId, decline));
    expect(String(last(calls, 'editMessageText').payload.text)).toMatch(/ничего не сохранено/);
    expect(await db.prisma.pendingLink.count(pendingOfChat)).toBe(0);
    expect(await telegramChats(chatId)).toEqual([]);
    // The declined handle is gone: its Accept, tapped after all, asks for the code again.
    await bot.handleUpdate(callback(chatId, accept));
    expect(sentTexts(calls).at(-1)).toMatch(/Время на ответ истекло/);
    expect(await telegramChats(chatId)).toEqual([]);
    await bot.handleUpdate(privateText(chatId, `/link ${code}`));
    await bot.handleUpdate(callback(chatId, callbackData([last(calls)])[0]));
    expect(await telegramChats(chatId)).toHaveLength(1);
  });

  it('locks a chat after five wrong codes, even for a right one', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const chatId = 71234567;
    for (let i = 0; i < 6; i++) await bot.handleUpdate(privateText(chatId, `/start 1111 2222 33${30 + i}`));
    const replies = sentTexts(calls);
    expect(replies.slice(0, 5).every((t) => /Такого кода нет/.test(t))).toBe(true);
    expect(replies[5]).toMatch(/Слишком много неверных попыток/);
    await bot.handleUpdate(privateText(chatId, await issueCode(student.id)));
    expect(sentTexts(calls).at(-1)).toMatch(/Слишком много неверных попыток/);
    expect(await telegramChats(chatId)).toEqual([]);
  });

  it('voids a code posted in a group at once and tells the group without naming anyone', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const parentId = 82234567;
    const groupId = -1001987654322;
    const code = await issueCode(student.id);
    const codeRow = { where: { expiresAt: { gt: new Date() }, usedAt: null } };
    const unused = await db.prisma.linkCode.count(codeRow);
    const attempts = await db.prisma.linkAttempt.count();
    await bot.handleUpdate(
      groupText(groupId, parentId, `вот наш код из письма: ${code.replace(/(\d{4})(?=\d)/g, '$1 ')}`),
    );
    const [reply] = calls.filter((c) => c.payload.chat_id === groupId);
    expect(String(reply.payload.text)).toMatch(/этот код больше не действует/);
    // Not a reply to the message (which would show whose it was), and no name in the text.
    expect(reply.payload.reply_parameters).toBeUndefined();
    for (const name of ['Ирина', student.firstName, student.className])
      expect(String(reply.payload.text)).not.toContain(name);
    expect(await db.prisma.linkCode.count(codeRow)).toBe(unused - 1);
    expect(await db.prisma.linkAttempt.count()).toBe(attempts + 1);
    // The owner tries it in a private chat after all: it is spent.
    await bot.handleUpdate(privateText(parentId, `/start ${code}`));
    expect(sentTexts(calls).at(-1)).toMatch(/уже использован/);
    expect(await telegramChats(parentId)).toEqual([]);
  });

  it('shows no personal data in a group, even to a linked parent', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const chatId = 81234567;
    await bot.handleUpdate(privateText(chatId, `/start ${await issueCode(student.id)}`));
    await bot.handleUpdate(callback(chatId, callbackData([last(calls)])[0]));
    const before = calls.length;
    for (const text of ['какие оценки сегодня', '/menu', '/export', `оценки у ${student.firstName}`])
      await bot.handleUpdate(groupText(-1001987654321, chatId, text));
    await bot.handleUpdate({
      ...callback(chatId, 'm:g:t:a'),
      callback_query: {
        ...callback(chatId, 'm:g:t:a').callback_query!,
        message: { message_id: 1, date: 1, chat: { id: -1001987654321, type: 'supergroup', title: 'Родители 7Б' } },
      },
    } as never);
    const inGroup = calls.slice(before);
    expect(inGroup.map((c) => c.method)).toEqual([
      'sendMessage',
      'sendMessage',
      'sendMessage',
      'sendMessage',
      'answerCallbackQuery',
    ]);
    for (const call of inGroup) {
      const text = String(call.payload.text);
      expect(text).toMatch(/общих чатах/);
      expect(text).not.toContain(student.firstName);
      for (const g of expectedGrades) expect(text).not.toContain(g.subject);
    }
  });

  it('lets a parent of two children set alerts for both at once or for one of them', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const chatId = 53456789;
    const other = await db.prisma.student.findFirstOrThrow({
      where: { id: { not: student.id } },
      orderBy: { id: 'asc' },
    });
    const link = async (studentId: string) => {
      await bot.handleUpdate(privateText(chatId, `/start ${await issueCode(studentId)}`));
      await bot.handleUpdate(callback(chatId, callbackData([last(calls)])[0]));
    };
    // A daily digest chosen while one child was linked stays the person's choice for the second.
    await link(student.id);
    await bot.handleUpdate(callback(chatId, 's:mode'));
    await link(other.id);
    const [chat] = await telegramChats(chatId);
    const rows = async () =>
      (await db.prisma.subscription.findMany({ where: { personId: chat.personId }, orderBy: { type: 'asc' } }))
        .map((s) => [s.studentId === student.id ? 'first' : 'second', s.type, s.enabled, s.thresholdKopecks, s.mode])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const screen = () => last(calls, 'editMessageText');
    const labels = (call: TApiCall) =>
      ((call.payload.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard ?? [])
        .flat()
        .map((b) => b.text);

    await bot.handleUpdate(privateText(chatId, '/settings'));
    const all = last(calls);
    expect(String(all.payload.text)).toContain('Для всех детей');
    expect(callbackData([all])).toEqual([
      's:open:0',
      's:t:grades',
      's:t:homework',
      's:t:schedule',
      's:t:balance',
      's:mode',
      's:quiet',
      's:p',
    ]);

    await bot.handleUpdate(callback(chatId, 's:t:grades'));
    expect((await rows()).filter((r) => r[1] === 'grades')).toEqual([
      expect.arrayContaining(['grades', true]),
      expect.arrayContaining(['grades', true]),
    ]);
    expect(labels(screen())).toContain('✅ Оценки');

    // The second child's screen: its own switches and balance threshold, named in the text only.
    await bot.handleUpdate(callback(chatId, 's:open:1'));
    expect(String(screen().payload.text)).toContain(`Только для: ${other.firstName}`);
    expect(callbackData([screen()])).toEqual([
      's:open',
      's:t:grades:1',
      's:t:homework:1',
      's:t:schedule:1',
      's:t:balance:1',
      's:t:final-grades:1',
      's:t:grade-average:1',
      's:threshold:1',
      's:p:1',
    ]);
    await bot.handleUpdate(callback(chatId, 's:t:grades:1'));
    await bot.handleUpdate(callback(chatId, 's:t:balance:1'));
    await bot.handleUpdate(callback(chatId, 's:threshold:1'));
    expect(String(screen().payload.text)).toContain(other.firstName);
    // The second child's rows take the person's delivery (the daily digest), not the default.
    expect((await rows()).filter((r) => r[0] === 'second')).toEqual([
      ['second', 'balance', true, 10_000, 'digest'],
      ['second', 'final-grades', false, null, 'digest'],
      ['second', 'grades', false, null, 'digest'],
    ]);
    expect((await rows()).filter((r) => r[0] === 'first' && (r[2] || r[3] !== null))).toEqual([
      ['first', 'final-grades', true, null, 'digest'],
      ['first', 'grades', true, null, 'digest'],
    ]);

    // Back on the all-children screen the switch shows that one of two has grade alerts; a tap turns them on for both.
    await bot.handleUpdate(callback(chatId, 's:open'));
    expect(labels(screen())).toEqual(expect.arrayContaining(['◐ Оценки 1/2', '◐ Низкий баланс 1/2']));
    await bot.handleUpdate(callback(chatId, 's:t:grades'));
    expect((await rows()).filter((r) => r[1] === 'grades').map((r) => r[2])).toEqual([true, true]);

    // A button naming a child position nobody has changes nothing.
    const before = await rows();
    await bot.handleUpdate(callback(chatId, 's:t:grades:7'));
    expect(await rows()).toEqual(before);
    expect(callbackData([screen()])[0]).toBe('s:open:0');
  });

  it('speaks English to an English client', async () => {
    const { bot, calls } = telegramOnDatabase(db);
    await bot.handleUpdate(privateText(91234567, '/start', 'en'));
    await bot.handleUpdate(privateText(91234567, 'grades today', 'en'));
    expect(sentTexts(calls)).toEqual([
      expect.stringMatching(/^Hello!/),
      expect.stringMatching(/^Send the 12-digit code/),
    ]);
  });
});

describe('Telegram conversation (Express route)', () => {
  it('links, consents and answers grades through POST /webhooks/telegram; repeats and wrong secrets do nothing', async () => {
    const { bot, calls, issueCode } = telegramOnDatabase(db);
    const app = createServer({
      logger: createLogger('silent'),
      metrics: createMetrics(),
      readiness: { database: async () => true },
      routers: [telegramRoute({ bot, secret: SECRET })],
    });
    const post = (update: object, secret: string | null = SECRET) => {
      const req = request(app).post('/webhooks/telegram');
      return (secret === null ? req : req.set('X-Telegram-Bot-Api-Secret-Token', secret)).send(update);
    };
    const chatId = 52345678;
    const start = privateText(chatId, `/start ${await issueCode(student.id)}`);

    expect((await post(start, 'wrong')).status).toBe(401);
    expect((await post(start, null)).status).toBe(401);
    expect(calls).toEqual([]);

    await post(start).expect(200);
    await post(start).expect(200);
    expect(calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);

    await post(callback(chatId, callbackData([last(calls)])[0])).expect(200);
    expect(await telegramChats(chatId)).toHaveLength(1);
    await post(privateText(chatId, 'оценки сегодня')).expect(200);
    expectGrades(String(last(calls).payload.text));

    await post(privateText(chatId, '/forget')).expect(200);
    expect(await telegramChats(chatId)).toEqual([]);
  });

  it('answers a message in the webhook response itself, and sends only what comes before it as requests, in order', async () => {
    const api = await startTelegramStub();
    try {
      const { bot, issueCode } = telegramOnDatabase(db, silentLogger, { apiRoot: api.apiRoot });
      const app = createServer({
        logger: createLogger('silent'),
        metrics: createMetrics(),
        readiness: { database: async () => true },
        routers: [telegramRoute({ bot, secret: SECRET })],
      });
      const post = async (update: object) =>
        (
          await request(app)
            .post('/webhooks/telegram')
            .set('X-Telegram-Bot-Api-Secret-Token', SECRET)
            .send(update)
            .expect(200)
        ).body as Record<string, unknown>;
      const chatId = 52345679;

      const consent = await post(privateText(chatId, `/start ${await issueCode(student.id)}`));
      expect(consent).toMatchObject({
        method: 'sendMessage',
        chat_id: chatId,
        text: expect.stringMatching(/согласи/i),
      });
      expect(api.calls).toEqual([]);

      const accept = callbackData([{ method: 'sendMessage', payload: consent }]).find((data) =>
        CONSENT_ACCEPT_PATTERN.test(data),
      )!;
      // A tap: its answer rides in the response; the messages after it are requests, in the order shown.
      expect(await post(callback(chatId, accept))).toMatchObject({ method: 'answerCallbackQuery' });
      // The response went out first; the update goes on after it.
      for (const deadline = Date.now() + 5000; api.calls.length < 4 && Date.now() < deadline; )
        await new Promise((r) => setTimeout(r, 10));
      expect(api.calls.map((c) => c.method)).toEqual([
        'editMessageReplyMarkup',
        'sendMessage',
        'sendMessage',
        'sendMessage',
      ]);
      expect(String(api.calls[1].body.text)).toContain(student.firstName);

      const grades = await post(privateText(chatId, 'оценки сегодня'));
      expect(grades).toMatchObject({ method: 'sendMessage', chat_id: chatId, parse_mode: 'HTML' });
      expectGrades(String(grades.text));
      expect(api.calls).toHaveLength(4);
    } finally {
      await api.close();
    }
  });
});
