import nock from 'nock';
import { INLINE_LIMITS, STANDARD_LIMITS } from '../../bots/vk';
import { CURRENT_CONSENT_VERSION } from '../../core/linking';
import { createDemoDatabase, DEMO_TODAY, dbDay } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import type { TVkApiStub, TVkCall } from '../helpers/vk-api-stub';
import { actionsOf, GROUP_ID, keyboardOf, messageEvent, messageNew, textsOf } from '../helpers/vk-harness';
import { vkCallbackOnDatabase } from '../helpers/vk-runtime';

// Whole VK conversations against the demo school on PGlite, through POST /webhooks/vk: what the
// parent sees (messages.send as nock records it) and what the database holds after each step.

let db: TestDatabase;
let student: { id: string; firstName: string; className: string };
let expectedGrades: { subject: string; value: string }[];
let api: TVkApiStub;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
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
afterEach(() => api?.stop());
afterAll(async () => {
  nock.enableNetConnect();
  nock.restore();
  await db?.destroy();
});

const vkChats = (peerId: number) => db.prisma.chat.findMany({ where: { channel: 'vk', externalId: String(peerId) } });
const lastSent = () => api.sent().at(-1)!;
/** The last message sent or edited in place. */
const lastShown = () => api.calls.filter((c) => c.method === 'messages.send' || c.method === 'messages.edit').at(-1)!;

/** Every keyboard the bot sent stays within VK's limits. */
function expectKeyboardsWithinLimits(calls: TVkCall[]) {
  for (const call of calls) {
    const keyboard = keyboardOf(call);
    if (!keyboard) continue;
    const limits = keyboard.inline ? INLINE_LIMITS : STANDARD_LIMITS;
    expect(keyboard.buttons.flat().length).toBeLessThanOrEqual(limits.buttons);
    expect(keyboard.buttons.length).toBeLessThanOrEqual(limits.rows);
    for (const row of keyboard.buttons) expect(row.length).toBeLessThanOrEqual(limits.perRow);
    for (const b of keyboard.buttons.flat()) {
      expect((b.action.label ?? '').length).toBeLessThanOrEqual(40);
      expect((b.action.payload ?? '').length).toBeLessThanOrEqual(255);
    }
  }
}

async function setup() {
  const vk = await vkCallbackOnDatabase(db);
  api = vk.api;
  return vk;
}

describe('VK conversation (Callback API route)', () => {
  it('links with a code only after consent, then answers grades, menus, settings, export and /forget', async () => {
    const { post, issueCode } = await setup();
    const peerId = 123456789;
    const code = await issueCode(student.id);

    await post(messageNew(peerId, `Код: ${code.replace(/(\d{4})(?=\d)/g, '$1-')}`));
    const consent = lastSent();
    expect(consent.params.message).toContain('Согласие на обработку персональных данных');
    expect(consent.params.message).toContain(`${student.firstName}, ${student.className}`);
    // The consent names the messenger carrying the messages: VK here.
    expect(consent.params.message).toMatch(/через ВКонтакте и проходят через серверы компании VK/);
    expect(consent.params.message).not.toMatch(/<\/?b>/);
    expect(keyboardOf(consent)?.inline).toBe(true);
    // The payloads carry a pending link's handle, never the code: no digit of it, in any grouping.
    const [accept, decline] = actionsOf(consent);
    expect(accept).toMatch(/^c:y:[\w.-]+:[A-Za-z]{24}$/);
    expect(decline).toBe(`c:n:${accept.split(':')[3]}`);
    const payloads = (keyboardOf(consent)?.buttons ?? []).flat().map((b) => b.action.payload ?? '');
    for (const payload of payloads) expect(payload.replace(`c:y:${CURRENT_CONSENT_VERSION}:`, '')).not.toMatch(/\d/);
    expect(await vkChats(peerId)).toEqual([]);

    const tap = messageEvent(peerId, { a: accept, l: 'ru' });
    await post(tap);
    const answered = api.calls.find((c) => c.method === 'messages.sendMessageEventAnswer')!;
    expect(answered.params).toMatchObject({
      event_id: (tap.object as { event_id: string }).event_id,
      user_id: String(peerId),
      peer_id: String(peerId),
    });
    const [chat] = await vkChats(peerId);
    expect(chat).toBeDefined();
    expect(await db.prisma.studentLink.findMany({ where: { personId: chat.personId } })).toEqual([
      expect.objectContaining({ studentId: student.id, role: 'guardian' }),
    ]);
    expect(await db.prisma.consent.findMany({ where: { personId: chat.personId, withdrawnAt: null } })).toEqual([
      expect.objectContaining({ channel: 'vk' }),
    ]);
    expect(textsOf(api.calls)).toContain(`Готово! Подключён дневник: ${student.firstName}, ${student.className}.`);
    // The section menu becomes the persistent keyboard; alerts are offered with one inline button.
    const menu = lastSent();
    expect(keyboardOf(menu)?.inline).toBeFalsy();
    expect(actionsOf(menu)).toEqual(['m:g:t:a', 'm:h:t:a', 'm:s:t:a', 'm:c:t:a', 'm:r:t:a', 's:open']);
    expect(api.sent().flatMap(actionsOf)).toContain('s:grades-on');

    await post(messageNew(peerId, 'оценки сегодня'));
    const answer = lastSent();
    expect(answer.params.message).toContain('Оценки сегодня');
    expect(answer.params.message).toContain(student.firstName);
    for (const g of expectedGrades) expect(answer.params.message).toContain(`${g.subject}: ${g.value}`);
    expect(answer.params.message).not.toMatch(/<\/?[bi]>/);
    expect(actionsOf(answer)).toEqual(['m:g:2026-12-01:a', `m:g:${DEMO_TODAY}:a`, 'm:g:2026-12-03:a']);

    // ‹ › under an answer change the same message, as a Telegram menu does.
    const dayTap = messageEvent(peerId, { a: 'm:g:2026-12-01:a', l: 'ru' });
    await post(dayTap);
    const edited = lastShown();
    expect(edited).toMatchObject({
      method: 'messages.edit',
      params: {
        peer_id: String(peerId),
        conversation_message_id: String((dayTap.object as { conversation_message_id: number }).conversation_message_id),
      },
    });
    expect(edited.params.message).toMatch(/Оценки вчера|Оценки 1 декабря/);
    expect(actionsOf(edited)).toEqual(['m:g:2026-11-30:a', `m:g:${DEMO_TODAY}:a`, `m:g:${DEMO_TODAY}:a`]);

    // A button of the persistent keyboard arrives as a message with a payload.
    await post(messageNew(peerId, 'Домашка', { payload: { a: 'm:h:t:a', l: 'ru' } }));
    expect(lastSent().params.message).toMatch(/Домашн|задан/i);

    await post(messageEvent(peerId, { a: 's:grades-on', l: 'ru' }));
    expect(api.calls.filter((c) => c.method === 'messages.sendMessageEventAnswer').at(-1)!.params.event_data).toContain(
      'show_snackbar',
    );
    await post(messageEvent(peerId, { a: 's:t:homework', l: 'ru' }));
    await post(messageEvent(peerId, { a: 's:mode', l: 'ru' }));
    const subscriptions = await db.prisma.subscription.findMany({
      where: { personId: chat.personId },
      orderBy: { type: 'asc' },
    });
    expect(subscriptions.map((s) => [s.type, s.enabled, s.mode, s.digestTime])).toEqual([
      ['balance', false, 'digest', '19:00'],
      ['final-grades', true, 'digest', '19:00'],
      ['grade-average', false, 'digest', '19:00'],
      ['grades', true, 'digest', '19:00'],
      ['homework', true, 'digest', '19:00'],
      ['schedule', false, 'digest', '19:00'],
      // On with a new subscription; the shared daily digest does not apply to it.
      ['school-news', true, 'instant', null],
    ]);

    await post(messageNew(peerId, '/export'));
    expect(api.calls.map((c) => c.method)).toEqual(
      expect.arrayContaining(['docs.getMessagesUploadServer', 'docs.save']),
    );
    expect(lastSent().params).toMatchObject({
      message: 'Всё, что хранится о вас.',
      attachment: expect.stringMatching(/^doc\d+_5501/),
    });

    await post(messageNew(peerId, 'забудь меня'));
    expect(lastSent().params.message).toMatch(/удалены/);
    expect(await vkChats(peerId)).toEqual([]);
    expect(await db.prisma.person.findUnique({ where: { id: chat.personId } })).toBeNull();

    await post(messageNew(peerId, 'оценки сегодня'));
    expect(lastSent().params.message).not.toContain(student.firstName);
    expectKeyboardsWithinLimits(api.sent());
  });

  it('greets VK’s own Start button as /start, not as the text on it', async () => {
    const { post } = await setup();
    await post(messageNew(213456789, 'Поехали'));
    expect(lastSent().params.message).not.toMatch(/^Здравствуйте!/);
    await post(messageNew(213456789, 'Поехали', { payload: { command: 'start' } }));
    expect(lastSent().params.message).toMatch(/^Здравствуйте!/);
  });

  it('links from the vk.me link of a school letter (ref) and stores nothing when consent is declined', async () => {
    const { post, issueCode } = await setup();
    const peerId = 223456789;
    const code = await issueCode(student.id);
    await post(messageNew(peerId, 'Начать', { ref: code }));
    const [, decline] = actionsOf(lastSent());
    expect(decline).toMatch(/^c:n:[A-Za-z]{24}$/);
    const pendingOfPeer = { where: { channel: 'vk', externalId: String(peerId) } };
    expect(await db.prisma.pendingLink.count(pendingOfPeer)).toBe(1);
    await post(messageEvent(peerId, { a: decline, l: 'ru' }));
    expect(lastShown()).toMatchObject({
      method: 'messages.edit',
      params: { message: expect.stringMatching(/ничего не сохранено/) },
    });
    expect(await db.prisma.pendingLink.count(pendingOfPeer)).toBe(0);
    expect(await vkChats(peerId)).toEqual([]);
  });

  it('shows no personal data in a conversation with several people, even to a linked parent', async () => {
    const { post, issueCode } = await setup();
    const peerId = 323456789;
    await post(messageNew(peerId, await issueCode(student.id)));
    await post(messageEvent(peerId, { a: actionsOf(lastSent())[0], l: 'ru' }));
    expect(await vkChats(peerId)).toHaveLength(1);
    const before = api.calls.length;
    const groupPeer = 2_000_000_017;
    const bot = `[club${GROUP_ID}|@dnevnik]`;
    for (const text of [`${bot} какие оценки сегодня`, '/menu', '/export', `${bot}, оценки у ${student.firstName}`])
      await post(messageNew(groupPeer, text, { fromId: peerId }));
    // Talk among the parents that does not address the community gets no answer at all.
    await post(messageNew(groupPeer, 'какие оценки сегодня у Пети?', { fromId: peerId }));
    await post(messageEvent(groupPeer, { a: 'm:g:t:a', l: 'ru' }));
    const inGroup = api.calls.slice(before);
    expect(inGroup.map((c) => c.method)).toEqual([
      'messages.send',
      'messages.send',
      'messages.send',
      'messages.send',
      'messages.sendMessageEventAnswer',
    ]);
    for (const call of inGroup) {
      const text = call.params.message ?? call.params.event_data;
      expect(text).toMatch(/общих чатах/);
      expect(text).not.toContain(student.firstName);
      for (const g of expectedGrades) expect(text).not.toContain(g.subject);
    }
    expect(keyboardOf(inGroup[0])?.buttons[0][0].action).toMatchObject({
      type: 'open_link',
      link: expect.stringContaining('vk.me/club'),
    });
  });

  it('voids a code posted in a conversation with several people, addressed or not, and says so naming no one', async () => {
    const { post, issueCode } = await setup();
    const parentId = 333456789;
    const groupPeer = 2_000_000_018;
    const code = await issueCode(student.id);
    const live = { where: { expiresAt: { gt: new Date() }, usedAt: null } };
    const unused = await db.prisma.linkCode.count(live);
    const before = api.calls.length;
    // Not addressed to the community: it answers nothing else unaddressed, but a code everyone there has read is spent.
    await post(messageNew(groupPeer, `наш код ${code.replace(/(\d{4})(?=\d)/g, '$1-')}`, { fromId: parentId }));
    const inGroup = api.calls.slice(before);
    expect(inGroup.map((c) => c.method)).toEqual(['messages.send']);
    expect(inGroup[0].params).toMatchObject({
      peer_id: String(groupPeer),
      message: expect.stringMatching(/этот код больше не действует/),
    });
    for (const name of [String(parentId), student.firstName, student.className])
      expect(inGroup[0].params.message).not.toContain(name);
    expect(inGroup[0].params.reply_to).toBeUndefined();
    expect(await db.prisma.linkCode.count(live)).toBe(unused - 1);
    await post(messageNew(parentId, code));
    expect(lastSent().params.message).toMatch(/уже использован/);
    expect(await vkChats(parentId)).toEqual([]);
  });

  it('asks a linked parent again when the consent text changed: nothing personal until accepted, withdrawal deletes everything', async () => {
    const { post, issueCode } = await setup();
    const peerId = 243456789;
    await post(messageNew(peerId, await issueCode(student.id)));
    await post(messageEvent(peerId, { a: actionsOf(lastSent())[0], l: 'ru' }));
    const [chat] = await vkChats(peerId);
    const outdate = () =>
      db.prisma.consent.updateMany({ where: { personId: chat.personId }, data: { textHash: 'an older wording' } });

    await outdate();
    await post(messageNew(peerId, 'оценки сегодня'));
    const asked = lastSent();
    expect(asked.params.message).toMatch(/^Текст согласия на обработку персональных данных обновился/);
    expect(asked.params.message).not.toContain(student.firstName);
    expect(actionsOf(asked)).toEqual([expect.stringMatching(/^c:r:[\w.-]+$/), 'c:w']);
    await post(messageNew(peerId, 'Оценки', { payload: { a: 'm:g:t:a', l: 'ru' } }));
    expect(lastSent().params.message).not.toContain(student.firstName);

    await post(messageEvent(peerId, { a: actionsOf(asked)[0], l: 'ru' }));
    expect(textsOf(api.calls)).toContain('Спасибо, согласие обновлено.');
    await post(messageNew(peerId, 'оценки сегодня'));
    expect(lastSent().params.message).toContain(student.firstName);

    await outdate();
    await post(messageEvent(peerId, { a: 'c:w', l: 'ru' }));
    expect(lastSent().params.message).toMatch(/все ваши данные удалены/);
    expect(await vkChats(peerId)).toEqual([]);
    expect(await db.prisma.person.findUnique({ where: { id: chat.personId } })).toBeNull();
  });

  it('speaks English to an English client, also after a tap', async () => {
    const { post } = await setup();
    await post(messageNew(423456789, '/start', { langId: 3 }));
    await post(messageNew(423456789, 'grades today', { langId: 3 }));
    expect(textsOf(api.calls)).toEqual([
      expect.stringMatching(/^Hello!/),
      expect.stringMatching(/^Send the 12-digit code/),
    ]);
    await post(messageEvent(423456789, { a: 's:open', l: 'en' }));
    expect(lastShown().params.message).toMatch(/^Connect the diary first/);
  });
});
