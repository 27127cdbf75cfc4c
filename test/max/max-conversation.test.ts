import { MAX_INLINE_LIMITS } from '../../bots/max';
import { createDemoDatabase, DEMO_TODAY, dbDay } from '../helpers/demo-database';
import { botStarted, botStopped, MAX_USERNAME, messageCallback, messageCreated } from '../helpers/max-harness';
import { maxOnDatabase } from '../helpers/max-runtime';
import { type MaxStub, startMaxStub } from '../helpers/max-stub';
import type { TestDatabase } from '../helpers/test-database';

// Whole MAX conversations against the demo school on PGlite, through POST /webhooks/max: what the
// parent sees (the stub's messages, edits and callback answers) and what the database holds.

let db: TestDatabase;
let stub: MaxStub;
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
afterEach(() => stub?.close());
afterAll(() => db?.destroy());

async function setup() {
  stub = await startMaxStub();
  const max = maxOnDatabase(db, stub);
  await max.start();
  return max;
}

const maxChats = (chatId: number) => db.prisma.chat.findMany({ where: { channel: 'max', externalId: String(chatId) } });
const last = (chatId: number) => stub.sentTo(chatId).at(-1)!;
const texts = (chatId: number) => stub.sentTo(chatId).map((m) => m.text);

/** Every inline keyboard the bot sent or put in place stays within MAX's limits. */
function expectKeyboardsWithinLimits() {
  const keyboards = [...stub.accepted.map((m) => m.attachments), ...stub.calls.map((c) => c.body.attachments)]
    .flatMap((a) => (Array.isArray(a) ? a : []))
    .filter((a): a is { type: string; payload: { buttons: unknown[][] } } => a?.type === 'inline_keyboard');
  expect(keyboards.length).toBeGreaterThan(5);
  for (const { payload } of keyboards) {
    expect(payload.buttons.flat().length).toBeLessThanOrEqual(MAX_INLINE_LIMITS.buttons);
    expect(payload.buttons.length).toBeLessThanOrEqual(MAX_INLINE_LIMITS.rows);
    for (const row of payload.buttons) expect(row.length).toBeLessThanOrEqual(MAX_INLINE_LIMITS.perRow);
  }
}

/** Links a private chat through the real flow: the deep link's code, then the Accept button. */
async function link(post: (u: object) => Promise<unknown>, code: string, chatId: number) {
  await post(botStarted(chatId, code));
  const consent = last(chatId);
  await post(messageCallback(chatId, consent.buttons[0], consent.mid));
}

describe('MAX conversation (webhook route)', () => {
  it('links from a deep link after consent, then answers, follows up, navigates, sets, exports and forgets', async () => {
    const { post, issueCode } = await setup();
    const chatId = 123_456_789;
    const code = await issueCode(student.id);

    await post(botStarted(chatId, code));
    const consent = last(chatId);
    expect(consent.text).toContain(`${student.firstName}, ${student.className}`);
    // Callback buttons carrying a pending link's handle, never a digit of the code.
    const [accept, decline] = consent.buttons;
    expect(accept).toMatch(/^c:y:[\w.-]+:[A-Za-z]{24}$/);
    expect(decline).toBe(`c:n:${accept.split(':')[3]}`);
    expect(JSON.stringify(consent.attachments)).not.toContain(code);
    expect(await maxChats(chatId)).toEqual([]);

    const tap = messageCallback(chatId, accept, consent.mid);
    await post(tap);
    expect(stub.answers.map((a) => a.callbackId)).toEqual([
      (tap as { callback: { callback_id: string } }).callback.callback_id,
    ]);
    const [chat] = await maxChats(chatId);
    expect(chat).toMatchObject({ active: true });
    expect(await db.prisma.studentLink.findMany({ where: { personId: chat.personId } })).toEqual([
      expect.objectContaining({ studentId: student.id, role: 'guardian' }),
    ]);
    expect(await db.prisma.consent.findMany({ where: { personId: chat.personId, withdrawnAt: null } })).toEqual([
      expect.objectContaining({ channel: 'max' }),
    ]);
    // The spent consent buttons are taken off their message.
    expect(stub.edits).toEqual([expect.objectContaining({ mid: consent.mid, buttons: [] })]);
    expect(texts(chatId)).toContain(`Готово! Подключён дневник: ${student.firstName}, ${student.className}.`);

    await post(messageCreated(chatId, 'какие оценки сегодня'));
    const answer = last(chatId);
    expect(answer.text).toContain('Оценки сегодня');
    expect(answer.text).toContain(student.firstName);
    // HTML kept: MAX reads the tags the answers use.
    expect(answer.format).toBe('html');
    for (const g of expectedGrades) expect(answer.text).toContain(`${g.subject}: <b>${g.value}</b>`);
    expect(answer.buttons).toEqual(expect.arrayContaining([`m:g:${DEMO_TODAY}:a`]));

    // A follow-up keeps the question's day and child.
    await post(messageCreated(chatId, 'а по физике?'));
    expect(last(chatId).text).toContain('Оценки сегодня');
    expect(last(chatId).text).toMatch(/по физике/);
    expect(last(chatId).text).toContain(student.firstName);

    // ‹ › under an answer change the same message, in place.
    const sentBefore = stub.accepted.length;
    await post(messageCallback(chatId, 'm:g:2026-12-01:a', answer.mid));
    expect(stub.accepted).toHaveLength(sentBefore);
    const edited = stub.edits.at(-1)!;
    expect(edited).toMatchObject({ mid: answer.mid, chatId: String(chatId) });
    expect(edited.text).toMatch(/Оценки вчера|Оценки 1 декабря/);
    expect(edited.buttons).toEqual(expect.arrayContaining(['m:g:2026-11-30:a', `m:g:${DEMO_TODAY}:a`]));

    await post(messageCreated(chatId, '/settings'));
    const settings = last(chatId);
    expect(settings.buttons).toEqual(expect.arrayContaining(['s:t:homework', 's:mode']));
    await post(messageCallback(chatId, 's:t:homework', settings.mid));
    await post(messageCallback(chatId, 's:mode', settings.mid));
    const subscriptions = await db.prisma.subscription.findMany({ where: { personId: chat.personId } });
    expect(subscriptions.find((s) => s.type === 'homework')).toMatchObject({ enabled: true, mode: 'digest' });
    expect(stub.edits.at(-1)!.mid).toBe(settings.mid);

    await post(messageCreated(chatId, '/export'));
    expect(stub.uploads).toEqual([expect.objectContaining({ type: 'file', bytes: expect.any(Number) })]);
    expect(stub.uploads[0].bytes).toBeGreaterThan(100);
    expect(last(chatId)).toMatchObject({
      text: 'Всё, что хранится о вас.',
      attachments: [expect.objectContaining({ type: 'file', payload: { token: stub.uploads[0].token } })],
    });

    await post(messageCreated(chatId, '/forget'));
    expect(last(chatId).text).toMatch(/удалены/);
    expect(await maxChats(chatId)).toEqual([]);
    expect(await db.prisma.person.findUnique({ where: { id: chat.personId } })).toBeNull();
    await post(messageCreated(chatId, 'какие оценки сегодня'));
    expect(last(chatId).text).not.toContain(student.firstName);
    expectKeyboardsWithinLimits();
  });

  it('moves between two children with the switcher, editing the menu in place', async () => {
    const { post, issueCode } = await setup();
    const chatId = 133_456_789;
    const other = await db.prisma.student.findFirstOrThrow({
      where: {
        id: { not: student.id },
        schoolId: (await db.prisma.student.findUniqueOrThrow({ where: { id: student.id } })).schoolId,
      },
      orderBy: { id: 'asc' },
    });
    await link(post, await issueCode(student.id), chatId);
    await link(post, await issueCode(other.id), chatId);
    await post(messageCreated(chatId, '/menu'));
    const menu = last(chatId);
    await post(messageCallback(chatId, menu.buttons[0], menu.mid));
    const view = stub.edits.at(-1)!;
    expect(view.mid).toBe(menu.mid);
    // "All children", then one button per child.
    const switcher = view.buttons.filter((b) => /^m:g:[^:]+:\d$/.test(b));
    expect(switcher).toHaveLength(2);
    await post(messageCallback(chatId, switcher[1], menu.mid));
    const second = stub.edits.at(-1)!;
    expect(second.mid).toBe(menu.mid);
    expect(second.text).toContain(other.firstName);
    expect(second.text).not.toContain(student.firstName);
    expectKeyboardsWithinLimits();
  });

  it('speaks English to user_locale "en", also after a tap', async () => {
    const { post } = await setup();
    const chatId = 143_456_789;
    await post(botStarted(chatId, null, { locale: 'en' }));
    await post(messageCreated(chatId, 'grades today', { locale: 'en' }));
    expect(texts(chatId)).toEqual([expect.stringMatching(/^Hello!/), expect.stringMatching(/^Send the 12-digit code/)]);
    await post(messageCallback(chatId, 's:open', last(chatId).mid, { locale: 'en' }));
    const shown = [...stub.edits.map((e) => e.text), ...texts(chatId), ...stub.answers.map((a) => a.notification)];
    expect(shown.join('\n')).toMatch(/Connect the diary first/);
  });

  it('shows a group chat nothing personal: a pointer when addressed, silence otherwise', async () => {
    const { post, issueCode } = await setup();
    const parent = 153_456_789;
    await link(post, await issueCode(student.id), parent);
    const group = -70_000_000_123;
    const inGroup = (text: string) => messageCreated(group, text, { chatType: 'chat', userId: parent });
    for (const text of ['/menu', '/export', `@${MAX_USERNAME} какие оценки сегодня`]) await post(inGroup(text));
    // Talk among the parents that does not address the bot gets no answer.
    await post(inGroup('какие оценки сегодня у Пети?'));
    const sent = stub.sentTo(group);
    expect(sent).toHaveLength(3);
    for (const m of sent) {
      expect(m.text).toMatch(/общих чатах/);
      expect(m.text).not.toContain(student.firstName);
      for (const g of expectedGrades) expect(m.text).not.toContain(g.subject);
      // One link button to the private chat, no callback button.
      expect(m.attachments).toEqual([
        {
          type: 'inline_keyboard',
          payload: { buttons: [[expect.objectContaining({ type: 'link', url: `https://max.ru/${MAX_USERNAME}` })]] },
        },
      ]);
    }
    // A button tapped in a group is answered with the pointer only.
    await post(messageCallback(group, 'm:g:t:a', sent[0].mid, { chatType: 'chat' }));
    expect(stub.answers.at(-1)!.notification).toMatch(/общих чатах/);
    expect(stub.sentTo(group)).toHaveLength(3);
  });

  it('voids a link code posted in a group chat, addressed or not, and says so naming no one', async () => {
    const { post, issueCode } = await setup();
    const parent = 163_456_789;
    const group = -70_000_000_124;
    const code = await issueCode(student.id);
    const live = { where: { expiresAt: { gt: new Date() }, usedAt: null } };
    const unused = await db.prisma.linkCode.count(live);
    await post(
      messageCreated(group, `наш код ${code.replace(/(\d{4})(?=\d)/g, '$1-')}`, { chatType: 'chat', userId: parent }),
    );
    const sent = stub.sentTo(group);
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toMatch(/этот код больше не действует/);
    for (const name of [String(parent), student.firstName, student.className]) expect(sent[0].text).not.toContain(name);
    expect(await db.prisma.linkCode.count(live)).toBe(unused - 1);
    await post(botStarted(parent, code));
    expect(last(parent).text).toMatch(/уже использован/);
    expect(await maxChats(parent)).toEqual([]);
  });

  it('marks a chat inactive on bot_stopped and active again on bot_started', async () => {
    const { post, issueCode } = await setup();
    const chatId = 173_456_789;
    await link(post, await issueCode(student.id), chatId);
    const chat = async () => (await maxChats(chatId))[0];
    expect((await chat()).active).toBe(true);
    const before = stub.accepted.length;
    await post(botStopped(chatId));
    expect((await chat()).active).toBe(false);
    // Stopping is said to nobody.
    expect(stub.accepted).toHaveLength(before);
    await post(botStarted(chatId));
    expect((await chat()).active).toBe(true);
    // A linked parent starting again gets the menu.
    expect(last(chatId).text).toBe('Что показать?');
  });
});
