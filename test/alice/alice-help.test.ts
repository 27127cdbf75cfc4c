import request from 'supertest';
import { ZAliceResponseSchema } from '../../skills/alice';
import { ALICE_TEXTS } from '../../skills/alice/locales';
import { aliceApp, aliceRequest } from '../helpers/alice-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// «Помощь» and «Что ты умеешь»: Yandex's moderators say both before the diary is connected and
// after, and publish no skill that fails to answer them. The answer says what the skill does, and
// before linking how to link; it comes for our own parse of the words and for Yandex's intents.

type TBody = { response: { text: string; tts?: string; end_session: boolean; directives?: object } };

describe('Alice answers «Помощь» and «Что ты умеешь»', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof aliceApp>;

  const post = async (body: object): Promise<TBody> => {
    const res = await request(harness.app).post('/webhooks/alice').send(body).expect(200);
    return ZAliceResponseSchema.parse(res.body) as TBody;
  };

  beforeAll(async () => {
    db = await createDemoDatabase();
    // With account linking configured: a stranger's help must still be the help, not the sign-in card.
    harness = aliceApp(db, { oauth: true });
    // The moderator who has linked: the code said, and «да» to the consent.
    const pupil = await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const code = await harness.issueCode(pupil.id);
    const offered = await request(harness.app)
      .post('/webhooks/alice')
      .send(aliceRequest({ userId: 'moderator-linked', command: `мой код ${code}` }));
    const linked = await post(
      aliceRequest({ userId: 'moderator-linked', command: 'да', state: offered.body.session_state }),
    );
    expect(linked.response.text).toMatch(/^Готово/);
  });
  afterAll(() => db?.destroy());

  const asked = [
    { command: 'помощь' },
    { command: 'Что ты умеешь?' },
    { command: 'а что ты можешь' },
    // Yandex's own recognition, for words our parser would not read as help.
    { command: 'подскажи', intents: { 'YANDEX.HELP': { slots: {} } } },
    { command: 'и чем ты полезен', intents: { 'YANDEX.WHAT_CAN_YOU_DO': { slots: {} } } },
  ];

  test.each(asked)('before linking, «$command»: what the skill does and how to connect it', async (said) => {
    const body = await post(aliceRequest({ userId: 'moderator-new', accountLinking: true, ...said }));
    expect(body.response.text).toBe(ALICE_TEXTS.ru.helpNew);
    expect(body.response.text).toMatch(/оценк.*домашн.*расписан/);
    expect(body.response.text).toMatch(/код из письма школы/);
    expect(body.response.directives).toBeUndefined();
    expect(body.response.end_session).toBe(false);
  });

  test.each(asked)('once linked, «$command»: what to ask', async (said) => {
    const body = await post(aliceRequest({ userId: 'moderator-linked', ...said }));
    expect(body.response.text).toBe(ALICE_TEXTS.ru.helpLinked);
    expect(body.response.text).not.toMatch(/код из письма/);
  });

  test('in English', async () => {
    const req = aliceRequest({ userId: 'moderator-en', command: 'what can you do' }) as {
      meta: { locale: string };
    };
    req.meta.locale = 'en-US';
    expect((await post(req)).response.text).toBe(ALICE_TEXTS.en.helpNew);
  });

  test('a question is still a question: a stranger is asked for the code, a linked parent answered', async () => {
    const stranger = await post(aliceRequest({ userId: 'stranger', command: 'что задали на завтра' }));
    expect(stranger.response.text).toBe(ALICE_TEXTS.ru.askCode);
    const parent = await post(aliceRequest({ userId: 'moderator-linked', command: 'что задали на завтра' }));
    expect(parent.response.text).not.toBe(ALICE_TEXTS.ru.helpLinked);
    expect(parent.response.text).not.toBe(ALICE_TEXTS.ru.askCode);
  });
});
