import type { ResponseEnvelope } from 'ask-sdk-model';
import type { Update } from 'grammy/types';
import nock from 'nock';
import request from 'supertest';
import { createLogger } from '../../infra/logger';
import { alexaEnvelope, alexaHarness, type TEnvelopeOptions } from '../helpers/alexa-harness';
import { aliceApp, aliceRequest } from '../helpers/alice-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import {
  botStarted,
  botStopped,
  messageCallback as maxCallback,
  messageCreated as maxMessage,
} from '../helpers/max-harness';
import { maxOnDatabase } from '../helpers/max-runtime';
import { startMaxStub } from '../helpers/max-stub';
import { memoryLog } from '../helpers/memory-log';
import { BOT_INFO, callback, callbackData, groupText, privateText, type TApiCall } from '../helpers/telegram-harness';
import { telegramOnDatabase } from '../helpers/telegram-runtime';
import type { TestDatabase } from '../helpers/test-database';
import { startVkApiStub, type TVkApiStub } from '../helpers/vk-api-stub';
import { actionsOf, messageEvent, messageNew } from '../helpers/vk-harness';
import { vkOnDatabase } from '../helpers/vk-runtime';

// Log files outlive /forget. A whole conversation in each channel — linking with a code, a
// question, settings, failures, /forget — logged at the most verbose level must leave neither
// the platform's user or chat id anywhere, nor a line that ties the linked student to the person
// or the chat. Lines of one chat are still joinable, by a keyed reference.

type TRecord = Record<string, unknown>;

/** What could lead from a line to the person or the chat: none of it may stand beside a student id. */
const LINKING_KEYS = ['personId', 'chatRef', 'chatId', 'peerId', 'userId', 'updateId', 'eventId', 'requestId'];

function expectStudentLinesDetached(records: TRecord[], studentId: string) {
  const linked = records.find((r) => r.msg === 'chat linked');
  expect(linked).toMatchObject({ studentId, role: 'guardian' });
  for (const record of records.filter((r) => 'studentId' in r)) {
    for (const key of LINKING_KEYS) expect(record).not.toHaveProperty(key);
  }
}

function expectNoneOf(log: string, ids: (string | number)[]) {
  for (const id of ids) expect(log).not.toContain(String(id));
}

/** Errors are logged as name, message and code: no stack, no payload. */
function expectReducedErrors(records: TRecord[]) {
  for (const record of records.filter((r) => r.err !== undefined)) {
    expect(Object.keys(record.err as object).sort()).toEqual(expect.arrayContaining(['message', 'name']));
    for (const key of Object.keys(record.err as object)) expect(['name', 'message', 'code']).toContain(key);
  }
}

let db: TestDatabase;
let studentId: string;

beforeAll(async () => {
  db = await createDemoDatabase();
  studentId = (await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
});
afterAll(() => db?.destroy());

describe('no platform id in the logs, and no person beside a student', () => {
  it('Telegram: chat and user ids never logged; one chat’s lines share a chatRef', async () => {
    const log = memoryLog();
    const { bot, calls, issueCode } = telegramOnDatabase(
      db,
      createLogger('trace', log.sink).child({ channel: 'telegram' }),
    );
    let failNextSend = false;
    // Installed after the recorder, so it runs first: one send refused, as a blocked chat would be.
    bot.api.config.use(async (prev, method, payload, signal) => {
      if (failNextSend && method === 'sendMessage') {
        failNextSend = false;
        return { ok: false, error_code: 400, description: 'Bad Request: simulated' } as never;
      }
      return prev(method, payload, signal);
    });
    const chatId = 7340512897;
    const groupId = -1009876543210;
    const groupMemberId = 6021984735;
    const lastSent = () => calls.filter((c: TApiCall) => c.method === 'sendMessage').at(-1)!;

    await bot.handleUpdate(privateText(chatId, '/start 111122223333'));
    await bot.handleUpdate(privateText(chatId, `/start ${await issueCode(studentId)}`));
    await bot.handleUpdate(callback(chatId, callbackData([lastSent()])[0]));
    await bot.handleUpdate(privateText(chatId, 'оценки сегодня'));
    await bot.handleUpdate(callback(chatId, 's:grades-on'));
    await bot.handleUpdate(memberUpdate(chatId, 'kicked'));
    await bot.handleUpdate(memberUpdate(chatId, 'member'));
    failNextSend = true;
    await bot.handleUpdate(privateText(chatId, 'что задали на завтра'));
    await bot.handleUpdate(groupText(groupId, groupMemberId, '/start'));
    await bot.handleUpdate(privateText(chatId, '/forget'));

    const records = log.records();
    expect(records.map((r) => r.msg)).toEqual(
      expect.arrayContaining([
        'link code refused',
        'chat linked',
        'question answered',
        'settings changed',
        'telegram chat status changed',
        'telegram update failed',
        'forget requested',
      ]),
    );
    expectNoneOf(log.text(), [chatId, groupMemberId]);
    expectStudentLinesDetached(records, studentId);
    expectReducedErrors(records);
    const refs = new Set(
      records
        .filter((r) => ['question answered', 'telegram update failed', 'forget requested'].includes(r.msg as string))
        .map((r) => r.chatRef),
    );
    expect([...refs]).toEqual([expect.stringMatching(/^[0-9a-f]{12}$/)]);
  });

  describe('VK', () => {
    let api: TVkApiStub;
    beforeAll(() => {
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
    });
    afterEach(() => api?.stop());
    afterAll(() => {
      nock.enableNetConnect();
      nock.restore();
    });

    it('peer and user ids never logged, not even in retries, refusals or failures', async () => {
      const peerId = 318274659;
      const failing: Partial<Record<string, number>> = {};
      api = startVkApiStub({
        answer: (call) => {
          const code = failing[call.method];
          if (code === undefined) return undefined;
          delete failing[call.method];
          return {
            error: {
              error_code: code,
              error_msg: 'simulated',
              request_params: [{ key: 'peer_id', value: String(peerId) }],
            },
          };
        },
      });
      const log = memoryLog();
      const vk = vkOnDatabase(db, { logger: createLogger('trace', log.sink).child({ channel: 'vk' }) });
      const code = await vk.issueCode(studentId);

      await vk.bot.handle(messageNew(peerId, `Код: ${code}`));
      const [accept] = actionsOf(api.sent().at(-1)!);
      await vk.bot.handle(messageEvent(peerId, { a: accept, l: 'ru' }));
      failing['messages.send'] = 9;
      await vk.bot.handle(messageNew(peerId, 'оценки сегодня'));
      failing['messages.edit'] = 909;
      await vk.bot.handle(messageEvent(peerId, { a: 'm:g:2026-12-01:a', l: 'ru' }));
      failing['messages.sendMessageEventAnswer'] = 100;
      await vk.bot.handle(messageEvent(peerId, { a: 's:grades-on', l: 'ru' }));
      failing['messages.send'] = 901;
      await vk.bot.handle(messageNew(peerId, 'что задали на завтра'));
      await vk.bot.handle(messageNew(peerId, 'забудь меня'));

      const records = log.records();
      expect(records.map((r) => r.msg)).toEqual(
        expect.arrayContaining([
          'chat linked',
          'question answered',
          'vk send retried',
          'vk menu not edited, sent anew',
          'vk event failed',
          'vk chat inactive',
          'forget requested',
        ]),
      );
      expectNoneOf(log.text(), [peerId]);
      expectStudentLinesDetached(records, studentId);
      expectReducedErrors(records);
      const refs = new Set(records.filter((r) => r.chatRef !== undefined).map((r) => r.chatRef));
      expect([...refs]).toEqual([expect.stringMatching(/^[0-9a-f]{12}$/)]);
    });
  });

  it('MAX: chat and user ids never logged, not even in retries, refusals, failures or group chats', async () => {
    const chatId = 418_273_659;
    const groupId = -70_418_273_659;
    const blocked = new Set<string>();
    let throttle = false;
    let refuseEdit = false;
    const stub = await startMaxStub({
      blocked,
      throttleRequest: (_n, call) => {
        if (!throttle || call.path !== '/messages' || call.method !== 'POST') return false;
        throttle = false;
        return true;
      },
      // A 503 on the edit is retried away; the edit that then fails is logged as a failure.
      failRequest: (_n, call) => refuseEdit && call.method === 'PUT',
    });
    try {
      const log = memoryLog();
      const max = maxOnDatabase(db, stub, { logger: createLogger('trace', log.sink).child({ channel: 'max' }) });
      const handle = (update: object) => (
        stub.seen(update as { update_type: string }), max.bot.handle(update as never)
      );
      await handle(botStarted(chatId, '111122223333'));
      await handle(botStarted(chatId, await max.issueCode(studentId)));
      const consent = stub.sentTo(chatId).at(-1)!;
      await handle(maxCallback(chatId, consent.buttons[0], consent.mid));
      throttle = true;
      await handle(maxMessage(chatId, 'какие оценки сегодня'));
      const answer = stub.sentTo(chatId).at(-1)!;
      refuseEdit = true;
      await handle(maxCallback(chatId, 'm:g:2026-12-01:a', answer.mid));
      refuseEdit = false;
      await handle(maxCallback(chatId, 's:grades-on', answer.mid));
      await handle(maxMessage(groupId, '/start', { chatType: 'chat', userId: chatId }));
      await handle(botStopped(chatId));
      await handle(botStarted(chatId));
      blocked.add(String(chatId));
      await handle(maxMessage(chatId, 'что задали на завтра'));
      blocked.delete(String(chatId));
      await handle(maxMessage(chatId, '/forget'));

      const records = log.records();
      expect(records.map((r) => r.msg)).toEqual(
        expect.arrayContaining([
          'link code refused',
          'chat linked',
          'question answered',
          'max send retried',
          'max update failed',
          'max chat inactive',
          'forget requested',
        ]),
      );
      expectNoneOf(log.text(), [chatId, Math.abs(groupId), String(chatId).slice(0, 6)]);
      expectStudentLinesDetached(records, studentId);
      expectReducedErrors(records);
      const refs = new Set(
        records
          .filter((r) => ['question answered', 'max update failed', 'forget requested'].includes(r.msg as string))
          .map((r) => r.chatRef),
      );
      expect([...refs]).toEqual([expect.stringMatching(/^[0-9a-f]{12}$/)]);
    } finally {
      await stub.close();
    }
  });

  it('Alice: the Yandex user and application ids never logged', async () => {
    const log = memoryLog();
    const harness = aliceApp(db, { log: log.sink });
    const userId = 'B7E41F0C9A2D6853E1F04C7A9B2D8E6F1A3C5B7D9E0F2A4C6B8D0E2F4A6C8E0';
    const say = async (command: string, state: Record<string, unknown> = {}, user: string | null = userId) =>
      (
        await request(harness.app)
          .post('/webhooks/alice')
          .send(aliceRequest({ userId: user, command, state }))
          .expect(200)
      ).body as { session_state: Record<string, unknown> };

    await say('мой код 1111 2222 3333');
    const asked = await say(`мой код ${await harness.issueCode(studentId)}`);
    await say('да', asked.session_state);
    await say('какие оценки сегодня');
    await say('что задали на завтра', {}, null);
    await say('забудь меня');

    const records = log.records();
    expect(records.map((r) => r.msg)).toEqual(expect.arrayContaining(['voice user linked']));
    expectNoneOf(log.text(), [userId, 'AREA12345678']);
    for (const record of records.filter((r) => 'studentId' in r))
      for (const key of LINKING_KEYS) expect(record).not.toHaveProperty(key);
  });

  it('Alexa: the Amazon user and device ids never logged', async () => {
    const log = memoryLog();
    const harness = alexaHarness(db, { log: log.sink });
    const userId = 'amzn1.ask.account.AHX7Q2PRIVACYTESTUSER';
    const invoke = (o: TEnvelopeOptions) =>
      harness.skill.invoke(alexaEnvelope({ userId, ...o })) as Promise<ResponseEnvelope>;

    const asked = await invoke({ intent: 'LinkCodeIntent', slots: { code: await harness.issueCode(studentId) } });
    await invoke({ intent: 'AMAZON.YesIntent', attributes: asked.sessionAttributes });
    await invoke({ intent: 'GradesIntent', slots: { date: '2026-12-02' } });
    await invoke({ intent: 'ForgetIntent' });

    const records = log.records();
    expect(records.map((r) => r.msg)).toEqual(expect.arrayContaining(['voice user linked']));
    expectNoneOf(log.text(), [userId, 'amzn1.ask.device.AFAKEDEVICE']);
    for (const record of records.filter((r) => 'studentId' in r))
      for (const key of LINKING_KEYS) expect(record).not.toHaveProperty(key);
  });
});

let nextMemberUpdate = 991_000_000;
/** Telegram's my_chat_member: the person blocked ("kicked") or unblocked ("member") the bot. */
function memberUpdate(chatId: number, status: 'kicked' | 'member'): Update {
  const user = { id: chatId, is_bot: false, first_name: 'Ирина' };
  return {
    update_id: ++nextMemberUpdate,
    my_chat_member: {
      chat: { id: chatId, type: 'private', first_name: 'Ирина' },
      from: user,
      date: 1764921600,
      old_chat_member: { user: BOT_INFO, status: status === 'kicked' ? 'member' : 'kicked' },
      new_chat_member: { user: BOT_INFO, status },
    },
  } as unknown as Update;
}
