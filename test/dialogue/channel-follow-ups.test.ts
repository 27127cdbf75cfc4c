import nock from 'nock';
import request from 'supertest';
import { roster } from '../../prisma/demo/roster';
import { aliceApp, aliceRequest } from '../helpers/alice-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import { playgroundApp } from '../helpers/playground-app';
import type { TestDatabase } from '../helpers/test-database';
import type { TVkApiStub } from '../helpers/vk-api-stub';
import { actionsOf, messageEvent, messageNew } from '../helpers/vk-harness';
import { vkCallbackOnDatabase } from '../helpers/vk-runtime';

// The same follow-ups in every other channel: VK (its chat state in the database, as Telegram's),
// Alice (the previous question in Yandex's session state), the playground (per demo person).
// Each follow-up must answer what the whole question it stands for answers on its own.

const DIGIT_WORDS = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];

let db: TestDatabase;
const [artyom, darya] = roster().filter((s) => s.familyKey === 'sokolov');

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  db = await createDemoDatabase();
});
afterAll(async () => {
  nock.enableNetConnect();
  nock.restore();
  await db?.destroy();
});

/** A dialogue in Russian over both Sokolov children; the whole question each turn stands for. */
const DIALOGUE: [said: string, whole: string][] = [
  ['какие оценки у Даши за неделю?', 'какие оценки у Даши за неделю?'],
  ['а по физике?', 'какие оценки у Даши за неделю по физике?'],
  ['а у Артёма?', 'какие оценки у Артёма за неделю по физике?'],
  // The week the grades were asked for (the last seven days), not the school week ahead.
  ['а домашка?', 'домашнее задание у Артёма по физике с 26 ноября по 2 декабря'],
  ['а по математике?', 'домашнее задание у Артёма по математике с 26 ноября по 2 декабря'],
  ['а на завтра?', 'домашнее задание у Артёма по математике на завтра'],
  ['а у Дарьи?', 'домашнее задание у Дарьи по математике на завтра'],
  ['а расписание?', 'расписание у Дарьи по математике на завтра'],
  ['а в пятницу?', 'расписание у Дарьи по математике в пятницу'],
  ['а у Артёма?', 'расписание у Артёма по математике в пятницу'],
  ['что задали на завтра?', 'что задали на завтра?'],
];

describe('follow-ups in VK', () => {
  let api: TVkApiStub | undefined;
  afterEach(() => api?.stop());

  it('an 11-turn dialogue: each follow-up answers as its whole question does', async () => {
    const vk = await vkCallbackOnDatabase(db);
    api = vk.api;
    const peerId = 730000001;
    for (const id of [artyom.id, darya.id]) {
      await vk.post(messageNew(peerId, await vk.issueCode(id)));
      const [accept] = actionsOf(vk.api.sent().at(-1)!);
      await vk.post(messageEvent(peerId, { a: accept, l: 'ru' }));
    }
    const say = async (text: string) => {
      await vk.post(messageNew(peerId, text));
      return String(vk.api.sent().at(-1)!.params.message);
    };
    for (const [said, whole] of DIALOGUE) {
      const followed = await say(said);
      // The whole question in the same chat: it stands alone, and leaves the chat where the follow-up did.
      expect({ said, text: followed }).toEqual({ said, text: await say(whole) });
    }
  });
});

describe('follow-ups in Alice', () => {
  type TBody = { response: { text: string; buttons?: { title: string }[] }; session_state?: Record<string, unknown> };

  it('an 11-turn dialogue carried in session state; a fragment opening a session is asked back', async () => {
    const harness = aliceApp(db);
    const post = async (body: unknown): Promise<TBody> =>
      (
        await request(harness.app)
          .post('/webhooks/alice')
          .send(body as object)
          .expect(200)
      ).body;
    const userId = 'sokolov-voice';
    for (const id of [artyom.id, darya.id]) {
      const words = [...(await harness.issueCode(id))].map((d) => DIGIT_WORDS[Number(d)]).join(' ');
      const asked = await post(aliceRequest({ userId, command: `мой код ${words}` }));
      await post(aliceRequest({ userId, command: 'да, согласен', state: asked.session_state }));
    }
    let state: Record<string, unknown> | undefined;
    for (const [said, whole] of DIALOGUE) {
      const followed = await post(aliceRequest({ userId, command: said, state }));
      const alone = await post(aliceRequest({ userId, command: whole }));
      expect({ said, text: followed.response.text }).toEqual({ said, text: alone.response.text });
      state = followed.session_state;
    }

    const fragment = await post(aliceRequest({ userId, command: 'а по физике', isNew: true }));
    expect(fragment.response.text).toBe('Что показать по физике: оценки или домашнее задание?');
    expect(fragment.response.buttons?.map((b) => b.title)).toEqual(['Оценки', 'Домашнее задание']);
    const chosen = await post(aliceRequest({ userId, command: 'оценки', state: fragment.session_state }));
    expect(chosen.response.text).toBe(
      (await post(aliceRequest({ userId, command: 'оценки по физике' }))).response.text,
    );
  });
});

describe('follow-ups in the playground', () => {
  it('remembers each demo person apart, and offers the choices of a question back as buttons', async () => {
    const app = playgroundApp(db);
    const ask = async (personId: string, text: string) =>
      (await request(app).post('/playground/ask').send({ personId, text }).expect(200)).body as {
        text: string;
        buttons: string[];
        kind: string;
      };
    const mother = 'demo-guardian-2'; // Елена Соколова, the mother of Артём and Дарья
    expect((await ask(mother, 'оценки за неделю')).kind).toBe('grades');
    expect((await ask(mother, 'а по физике?')).text).toBe((await ask(mother, 'оценки за неделю по физике')).text);
    // Another person's dialogue does not continue hers.
    const other = await ask('demo-guardian-1', 'а по физике?');
    expect(other.kind).toBe('clarify');
    expect(other.buttons).toHaveLength(2);
    const chosen = await ask('demo-guardian-1', other.buttons[0]);
    expect(chosen.text).toBe((await ask('demo-guardian-1', 'оценки по физике')).text);
  });
});
