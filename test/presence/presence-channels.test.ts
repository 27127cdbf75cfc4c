import request from 'supertest';
import { aliceApp, aliceRequest } from '../helpers/alice-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import { playgroundApp } from '../helpers/playground-app';
import { ingest } from '../helpers/reminder-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { PRESENCE_WORLD } from './presence-world';

// Presence and attendance reach every channel through the same answers: Alice shows digits and
// speaks words, and the playground (as the chats) renders every form.

const DIGIT_WORDS = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
type TBody = { response: { text: string; tts: string }; session_state?: Record<string, unknown> };

describe('Alice: presence and absences', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof aliceApp>;
  const post = async (body: unknown): Promise<TBody> =>
    (
      await request(harness.app)
        .post('/webhooks/alice')
        .send(body as object)
        .expect(200)
    ).body as TBody;
  const ask = async (command: string, state?: Record<string, unknown>) =>
    post(aliceRequest({ userId: 'parent', command, state }));

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    await ingest(db, PRESENCE_WORLD);
    harness = aliceApp(db);
    const code = await harness.issueCode('s-st1');
    const words = [...code].map((d) => DIGIT_WORDS[Number(d)]).join(' ');
    const asked = await post(aliceRequest({ userId: 'parent', command: `мой код ${words}` }));
    await post(
      aliceRequest({
        userId: 'parent',
        command: 'да',
        intents: { 'YANDEX.CONFIRM': { slots: {} } },
        state: asked.session_state,
      }),
    );
  });
  afterAll(() => db?.destroy());

  it('«Маша в школе?», then «а вчера?»', async () => {
    const today = await ask('Маша в школе?');
    expect(today.response.text).toBe('Маша в школе с 12:30, пришла в 8:05.');
    const yesterday = await ask('а вчера?', today.session_state);
    expect(yesterday.response.text).toBe('Маша ушла из школы в 23:30, пришла в 8:10.');
  });

  it('«сколько пропусков за четверть»: digits shown, words said', async () => {
    const { text, tts } = (await ask('сколько пропусков за четверть')).response;
    expect(text).toBe(
      'У Маши за 2-ю четверть: 2 пропуска, 2 опоздания; математика — 1 пропуск, 1 опоздание, физика — 1 пропуск, 1 опоздание.',
    );
    expect(tts).toContain('два пропуска, два опоздания; математика — один пропуск, одно опоздание');
  });

  it('«была ли Маша на физике?»', async () => {
    expect((await ask('была ли Маша на физике?')).response.text).toBe(
      'Маша, физика сегодня: в 9:00 — опоздала; в 10:00 — отметки ещё нет.',
    );
  });
});

describe('the playground: presence in every rendering', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDemoDatabase();
  });
  afterAll(() => db?.destroy());

  it.each([
    ['в школе ли дети?', /Проходы сегодня/],
    ['сколько пропусков за четверть', /Пропуски за \d-ю четверть/],
  ])('%s', async (text, head) => {
    const res = await request(playgroundApp(db))
      .post('/playground/ask')
      .send({ personId: 'demo-guardian-1', text })
      .expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        text: expect.stringMatching(head),
        speech: expect.any(String),
        tts: expect.any(String),
        ssml: expect.stringMatching(/^<speak>.*<\/speak>$/),
      }),
    );
  });
});
