import request from 'supertest';
import { aliceApp, aliceRequest } from '../helpers/alice-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// The consent question answered as people say it: «да, согласен» links, «да нет, не хочу» refuses
// even when Yandex heard a CONFIRM in it, and anything that is no answer asks the question again.

type TBody = { response: { text: string; end_session: boolean }; session_state?: Record<string, unknown> };

describe('Alice: the consent answered in words of one’s own', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof aliceApp>;
  let studentId: string;

  const post = async (body: unknown): Promise<TBody> =>
    (
      await request(harness.app)
        .post('/webhooks/alice')
        .send(body as object)
        .expect(200)
    ).body as TBody;
  const chatOf = (userId: string) => ({ channel: 'alice' as const, externalId: userId });
  const pendingOf = (userId: string) =>
    db.prisma.pendingLink.count({ where: { channel: 'alice', externalId: userId } });

  /** Says a fresh code; returns the consent question's answer (with the pending link's handle in its state). */
  const offerCode = async (userId: string) => {
    const asked = await post(aliceRequest({ userId, command: `мой код ${await harness.issueCode(studentId)}` }));
    expect(asked.response.text).toMatch(/Вы согласны/);
    return asked;
  };

  beforeAll(async () => {
    db = await createDemoDatabase();
    harness = aliceApp(db);
    studentId = (await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
  });
  afterAll(() => db?.destroy());

  it('links on «да, согласен», with no intent from Yandex', async () => {
    const asked = await offerCode('agrees');
    const linked = await post(aliceRequest({ userId: 'agrees', command: 'да, согласен', state: asked.session_state }));
    expect(linked.response.text).toMatch(/^Готово! Подключён дневник/);
    expect(linked.session_state).toEqual({});
    expect(await harness.linking.personForChat(chatOf('agrees'))).toBeTruthy();
  });

  it.each(['конечно да', 'ну давай', 'согласна, да', 'я не против'])('links on «%s»', async (said) => {
    const userId = `agrees-${said}`;
    const asked = await offerCode(userId);
    const linked = await post(aliceRequest({ userId, command: said, state: asked.session_state }));
    expect(linked.response.text).toMatch(/^Готово!/);
    expect(await harness.linking.personForChat(chatOf(userId))).toBeTruthy();
  });

  it('refuses on «да нет, не хочу» though Yandex marked it CONFIRM, and stores nothing', async () => {
    const asked = await offerCode('refuses');
    const declined = await post(
      aliceRequest({
        userId: 'refuses',
        command: 'да нет, не хочу',
        intents: { 'YANDEX.CONFIRM': { slots: {} } },
        state: asked.session_state,
      }),
    );
    expect(declined.response.text).toMatch(/ничего не сохранено/);
    expect(declined.session_state).toEqual({});
    expect(await pendingOf('refuses')).toBe(0);
    expect(await harness.linking.personForChat(chatOf('refuses'))).toBeNull();
  });

  it.each(['нет, не надо', 'пожалуй, нет', 'да ну нет', 'отказываюсь'])('refuses on «%s»', async (said) => {
    const userId = `refuses-${said}`;
    const asked = await offerCode(userId);
    const declined = await post(aliceRequest({ userId, command: said, state: asked.session_state }));
    expect(declined.response.text).toMatch(/ничего не сохранено/);
    expect(await harness.linking.personForChat(chatOf(userId))).toBeNull();
  });

  it('asks again on something that is no answer, and the question stays open', async () => {
    const asked = await offerCode('unsure');
    for (const said of ['какие оценки', 'не знаю', 'а что это значит?']) {
      const again = await post(aliceRequest({ userId: 'unsure', command: said, state: asked.session_state }));
      expect(again.response.text).toBe('Скажите «да», если согласны, или «нет», если нет.');
      expect(again.session_state).toEqual(asked.session_state);
    }
    expect(await pendingOf('unsure')).toBe(1);
    const linked = await post(
      aliceRequest({ userId: 'unsure', command: 'ладно, согласна', state: asked.session_state }),
    );
    expect(linked.response.text).toMatch(/^Готово!/);
  });

  it('answers in English by the same rule', async () => {
    const inEnglish = (options: Parameters<typeof aliceRequest>[0]) => {
      const body = aliceRequest(options) as { meta: { locale: string } };
      body.meta.locale = 'en-US';
      return body;
    };
    const asked = await post(
      inEnglish({ userId: 'english', command: `my code is ${await harness.issueCode(studentId)}` }),
    );
    const linked = await post(inEnglish({ userId: 'english', command: 'yes please', state: asked.session_state }));
    expect(linked.response.text).toMatch(/^Done!/);
    expect(await harness.linking.personForChat(chatOf('english'))).toBeTruthy();
  });

  it('renews a changed consent on «конечно, согласна», and another family’s «да» renews nothing of it', async () => {
    const asked = await offerCode('renews');
    await post(aliceRequest({ userId: 'renews', command: 'да', state: asked.session_state }));
    const personId = (await harness.linking.personForChat(chatOf('renews')))!;
    await db.sql.query(`UPDATE "Consent" SET "textVersion" = '2000-01' WHERE "personId" = $1`, [personId]);
    const question = await post(aliceRequest({ userId: 'renews', command: 'какие оценки сегодня' }));
    expect(question.session_state).toEqual({ reconsent: true });
    // Someone else, saying yes with the same session state, answers only for themselves.
    await post(aliceRequest({ userId: 'stranger', command: 'да', state: question.session_state }));
    expect(await harness.linking.needsConsent(personId)).toBe(true);
    const renewed = await post(
      aliceRequest({ userId: 'renews', command: 'конечно, согласна', state: question.session_state }),
    );
    expect(renewed.response.text).toMatch(/согласие обновлено/);
    expect(await harness.linking.needsConsent(personId)).toBe(false);
  });
});
