import request from 'supertest';
import { ZAliceResponseSchema } from '../../skills/alice';
import { aliceApp, aliceRequest, SKILL_ID } from '../helpers/alice-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// The Alice webhook end to end: Yandex-shaped requests through the Express route, the demo school
// on PGlite, linking and consent by voice, follow-ups carried in session_state.

const DIGIT_WORDS = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];

type TBody = {
  response: {
    text: string;
    tts?: string;
    end_session: boolean;
    directives?: Record<string, unknown>;
    buttons?: { title: string }[];
  };
  session_state?: Record<string, unknown>;
};

describe('POST /webhooks/alice', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof aliceApp>;
  let studentId: string;
  let firstName: string;

  const post = async (body: unknown, status = 200): Promise<TBody> => {
    const res = await request(harness.app)
      .post('/webhooks/alice')
      .send(body as object)
      .expect(status);
    if (status === 200) {
      // Every answer is a valid Alice response within Yandex's limits.
      const checked = ZAliceResponseSchema.parse(res.body);
      expect(Buffer.byteLength(JSON.stringify(checked.session_state ?? {}))).toBeLessThan(1024);
    }
    return res.body as TBody;
  };

  /** Links `userId` to the demo student by saying the code ("мой код четыре восемь один пять …") and "да". */
  const link = async (userId: string) => {
    const code = await harness.issueCode(studentId);
    const words = [...code].map((d) => DIGIT_WORDS[Number(d)]).join(' ');
    const asked = await post(aliceRequest({ userId, command: `мой код ${words}` }));
    return post(
      aliceRequest({ userId, command: 'да', intents: { 'YANDEX.CONFIRM': { slots: {} } }, state: asked.session_state }),
    );
  };

  beforeAll(async () => {
    db = await createDemoDatabase();
    harness = aliceApp(db);
    const student = await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } });
    studentId = student.id;
    firstName = student.firstName;
  });
  afterAll(() => db?.destroy());

  it('refuses a request for another skill_id with 403 and a malformed one with 400', async () => {
    const refused = await post(aliceRequest({ skillId: 'someone-elses-skill', command: 'оценки' }), 403);
    expect(refused).toEqual({ error: expect.stringMatching(/skill_id/) });
    const bad = await request(harness.app).post('/webhooks/alice').send({ version: '1.0' }).expect(400);
    expect(bad.body.error).toMatch(/meta|session|request/);
    await request(harness.app)
      .post('/webhooks/alice')
      .set('content-type', 'application/json')
      .send('{nope')
      .expect(400);
  });

  it('answers the ping health check at once', async () => {
    const body = await post(aliceRequest({ command: 'ping', userId: null }));
    expect(body.response.text).toBe('pong');
  });

  it('greets on an empty command in a new session', async () => {
    const body = await post(aliceRequest({ isNew: true, userId: 'fresh-user' }));
    expect(body.response.text).toMatch(/^Привет! Это Дневник/);
    expect(body.response.text).toMatch(/код/);
    expect(body.response.end_session).toBe(false);
    const again = await post(aliceRequest({ userId: 'fresh-user' }));
    expect(again.response.text).toMatch(/не расслышал/);
  });

  it('asks an unlinked user for the code by voice, or starts account linking where the surface supports it', async () => {
    const spoken = await post(aliceRequest({ userId: 'unlinked', command: 'что задали на завтра' }));
    expect(spoken.response.text).toMatch(/код из письма школы/);
    expect(spoken.response.directives).toBeUndefined();

    const oauth = aliceApp(db, { oauth: true });
    const res = await request(oauth.app)
      .post('/webhooks/alice')
      .send(aliceRequest({ userId: 'unlinked', command: 'оценки', accountLinking: true }))
      .expect(200);
    expect(res.body.response.directives).toEqual({ start_account_linking: {} });
    expect(res.body.response.text).toBeTruthy();
  });

  it('links by a spoken code after consent; "нет" stores nothing', async () => {
    const code = await harness.issueCode(studentId);
    const asked = await post(aliceRequest({ userId: 'declines', command: `мой код ${code}` }));
    expect(asked.response.text).toContain(firstName);
    expect(asked.response.text).toMatch(/Вы согласны/);
    // The spoken consent names who carries the conversation: Yandex, for Alice.
    expect(asked.response.text).toMatch(/через Алису и проходят через серверы Яндекса/);
    // Yandex keeps the session state: it holds a pending link's handle, never a digit of the code.
    expect(asked.session_state).toEqual({ pending: { handle: expect.stringMatching(/^[A-Za-z]{24}$/) } });
    expect(JSON.stringify(asked.session_state)).not.toMatch(/\d/);
    const pendingOf = { where: { channel: 'alice', externalId: 'declines' } };
    expect(await db.prisma.pendingLink.count(pendingOf)).toBe(1);
    const declined = await post(aliceRequest({ userId: 'declines', command: 'нет', state: asked.session_state }));
    expect(declined.response.text).toMatch(/ничего не сохранено/);
    expect(declined.session_state).toEqual({});
    expect(await db.prisma.pendingLink.count(pendingOf)).toBe(0);
    // "Да" replayed with the declined session finds nothing to accept.
    const replayed = await post(
      aliceRequest({
        userId: 'declines',
        command: 'да',
        intents: { 'YANDEX.CONFIRM': { slots: {} } },
        state: asked.session_state,
      }),
    );
    expect(replayed.response.text).toMatch(/Время на ответ истекло/);
    expect(await harness.linking.personForChat({ channel: 'alice', externalId: 'declines' })).toBeNull();

    const linked = await link('parent-1');
    expect(linked.response.text).toMatch(/^Готово! Подключён дневник/);
    const personId = await harness.linking.personForChat({ channel: 'alice', externalId: 'parent-1' });
    expect(personId).toBeTruthy();
    expect(await harness.linking.needsConsent(personId!)).toBe(false);
  });

  it('refuses a wrong code and does not link', async () => {
    const body = await post(aliceRequest({ userId: 'guesser', command: 'код 1111 2222 3333' }));
    expect(body.response.text).toMatch(/Такого кода нет/);
    expect(body.session_state).toEqual({});
  });

  it('answers a linked user and carries the query into follow-ups', async () => {
    await link('parent-2');
    const greeted = await post(aliceRequest({ userId: 'parent-2', isNew: true }));
    expect(greeted.response.text).toMatch(/^Привет! Это Дневник\. Спросите/);

    const first = await post(aliceRequest({ userId: 'parent-2', command: 'что задали по математике на завтра' }));
    expect(first.session_state).toEqual({
      last: { intent: 'homework', date: '2026-12-03', dateTo: null, subject: 'Математика', child: null },
    });
    expect(first.response.text).toMatch(/математик/i);
    expect(first.response.tts!.length).toBeLessThanOrEqual(1024);
    expect(first.response.buttons?.map((b) => b.title)).toContain('А завтра?');

    const physics = await post(
      aliceRequest({ userId: 'parent-2', command: 'а по физике', state: first.session_state }),
    );
    expect(physics.session_state).toEqual({
      last: { intent: 'homework', date: '2026-12-03', dateTo: null, subject: 'Физика', child: null },
    });

    const friday = await post(
      aliceRequest({ userId: 'parent-2', command: 'а в пятницу', state: physics.session_state }),
    );
    expect(friday.session_state).toMatchObject({ last: { intent: 'homework', date: '2026-12-04', subject: 'Физика' } });

    const fresh = await post(
      aliceRequest({ userId: 'parent-2', command: 'какие оценки сегодня', state: friday.session_state }),
    );
    expect(fresh.session_state).toEqual({
      last: { intent: 'grades', date: '2026-12-02', dateTo: null, subject: null, child: null },
    });
  });

  it('uses YANDEX.DATETIME where our parser found no date', async () => {
    await link('parent-3');
    const body = await post(
      aliceRequest({
        userId: 'parent-3',
        command: 'расписание на денёк',
        entities: [{ type: 'YANDEX.DATETIME', tokens: { start: 2, end: 3 }, value: { day: 2, day_is_relative: true } }],
      }),
    );
    expect(body.session_state).toMatchObject({ last: { intent: 'schedule', date: '2026-12-04' } });
  });

  it('answers dangerous_context politely without acting on it', async () => {
    const state = { last: { intent: 'grades', date: null, dateTo: null, subject: null, child: null } };
    const body = await post(
      aliceRequest({ userId: 'parent-1', command: 'какие оценки у этой дуры', dangerous: true, state }),
    );
    expect(body.response.text).toMatch(/Давайте лучше об учёбе/);
    expect(body.session_state).toEqual(state);
  });

  it('forgets a voice user on "забудь меня"', async () => {
    await link('parent-4');
    const body = await post(aliceRequest({ userId: 'parent-4', command: 'забудь меня' }));
    expect(body.response.text).toMatch(/удалены/);
    expect(body.response.end_session).toBe(true);
    expect(await harness.linking.personForChat({ channel: 'alice', externalId: 'parent-4' })).toBeNull();
  });

  it('asks again for consent when the text changed since, before any personal answer', async () => {
    const outdate = async (userId: string) => {
      const personId = await harness.linking.personForChat({ channel: 'alice', externalId: userId });
      await db.sql.query(`UPDATE "Consent" SET "textVersion" = '2000-01' WHERE "personId" = $1`, [personId]);
      return personId!;
    };
    await link('parent-5');
    const personId = await outdate('parent-5');
    const asked = await post(aliceRequest({ userId: 'parent-5', command: 'какие оценки сегодня' }));
    expect(asked.response.text).toMatch(/^Текст согласия на обработку персональных данных обновился/);
    expect(asked.response.text).not.toContain(firstName);
    expect(asked.session_state).toEqual({ reconsent: true });
    const again = await post(aliceRequest({ userId: 'parent-5', command: 'а по физике', state: asked.session_state }));
    expect(again.response.text).toMatch(/обновился/);
    const accepted = await post(aliceRequest({ userId: 'parent-5', command: 'да', state: asked.session_state }));
    expect(accepted.response.text).toMatch(/согласие обновлено/);
    expect(await harness.linking.needsConsent(personId)).toBe(false);
    expect(
      (await post(aliceRequest({ userId: 'parent-5', command: 'какие оценки сегодня' }))).session_state,
    ).toMatchObject({ last: { intent: 'grades' } });

    await link('parent-6');
    await outdate('parent-6');
    const asked6 = await post(aliceRequest({ userId: 'parent-6', command: 'что задали на завтра' }));
    const declined = await post(aliceRequest({ userId: 'parent-6', command: 'нет', state: asked6.session_state }));
    expect(declined.response.text).toMatch(/данные удалены/);
    expect(declined.response.end_session).toBe(true);
    expect(await harness.linking.personForChat({ channel: 'alice', externalId: 'parent-6' })).toBeNull();
  });

  it('keeps the documented example request answerable', async () => {
    expect(SKILL_ID).toBe('3ad36498-f5rd-4079-a14b-788652932056');
    const body = await post(aliceRequest({ userId: 'parent-1', command: 'что задали по математике на завтра' }));
    expect(body.response.text).toBeTruthy();
  });
});
