import request from 'supertest';
import { type AnswerService, createAnswerService } from '../../core/answers';
import { MAX_UTTERANCE_CHARS } from '../../core/input/utterance-limit';
import type { LinkService } from '../../core/linking';
import type { TQuery } from '../../core/nlu/types';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { type AliceSkill, createAliceSkill } from '../../skills/alice';
import { ALICE_TEXTS } from '../../skills/alice/locales';
import { aliceApp, aliceRequest, SKILL_ID } from '../helpers/alice-harness';
import { createDemoDatabase, DEMO_NOW, DEMO_TZ } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import { hugeAliceCommand } from '../hostile/hostile-cases';

// What Alice may be sent that Yandex never sends: a command of nearly the whole 1 MiB body, NUL or
// lone surrogates in the command or the ids, and a session state naming impossible days. None of it
// may cost seconds of parsing, reach the database as a failed statement, or be answered with a 500.

const PERSON = 'demo-guardian-1';

describe('Alice: input Yandex never sends', () => {
  let db: TestDatabase;
  let skill: AliceSkill;
  const asked: string[] = [];
  const answered: TQuery[] = [];

  beforeAll(async () => {
    db = await createDemoDatabase();
    const readModel = createReadModel(db, DEMO_TZ);
    const real = createAnswerService({ ...readModel, defaultTimezone: DEMO_TZ });
    // The answers see what the skill passes on: the parser runs inside ask() on exactly that text.
    const answers: AnswerService = {
      ask: (text, ...rest) => (asked.push(text), real.ask(text, ...rest)),
      resume: real.resume,
      answer: (query, ...rest) => (answered.push(query), real.answer(query, ...rest)),
    };
    const scope = (await readModel.access.viewerScope(PERSON))!;
    // A chat linked to a demo parent with consent: the questions reach the diary.
    const linking = {
      chatState: async () => ({ personId: PERSON, needsConsent: false, scope }),
    } as unknown as LinkService;
    skill = createAliceSkill({ skillId: SKILL_ID, answers, linking, timezone: DEMO_TZ, now: () => DEMO_NOW });
  });
  beforeEach(() => {
    asked.length = 0;
    answered.length = 0;
  });
  afterAll(() => db?.destroy());

  it('cuts a ~900 kB command to 1,024 characters before the parser sees it', async () => {
    const body = hugeAliceCommand();
    body.session.skill_id = SKILL_ID;
    expect(String(body.request.command).length).toBeGreaterThan(400_000);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(1024 * 1024);
    const res = await skill.handle(body);
    // The first 1,024 characters still ask for today's grades, and get them.
    expect(res.response.text).toMatch(/сегодня/);
    expect(asked.length).toBe(1);
    expect(asked[0].length).toBeLessThanOrEqual(MAX_UTTERANCE_CHARS);
  });

  it('forgets a session state naming an impossible day instead of asking the diary for it', async () => {
    for (const last of [
      { intent: 'grades', date: '9999-99-99', dateTo: null, subject: null, child: null },
      { intent: 'homework', date: '2026-02-30', dateTo: '2026-13-45', subject: null, child: null },
    ]) {
      const res = await skill.handle(aliceRequest({ command: 'а по физике', state: { last } }));
      expect(res.response.text.length).toBeGreaterThan(0);
    }
    const days = answered.flatMap((q) => [q.date, q.dateTo]);
    for (const impossible of ['9999-99-99', '2026-02-30', '2026-13-45']) expect(days).not.toContain(impossible);
  });

  it('takes a command with NUL or a lone surrogate as nothing heard', async () => {
    for (const command of ['оценки\u0000сегодня', 'оценки \uD800', '\uDC00']) {
      const res = await skill.handle(aliceRequest({ command }));
      expect(res.response.text).toBe(ALICE_TEXTS.ru.didNotHear);
    }
    expect(asked).toEqual([]);
  });

  it('over HTTP: the huge command is answered (200), ids with NUL or a lone surrogate are malformed (400)', async () => {
    const { app } = aliceApp(db);
    const body = hugeAliceCommand();
    body.session.skill_id = SKILL_ID;
    await request(app).post('/webhooks/alice').send(body).expect(200);
    for (const userId of ['alice\u0000user', '\uD800']) {
      const res = await request(app)
        .post('/webhooks/alice')
        .send(aliceRequest({ userId, command: 'оценки' }))
        .expect(400);
      expect(res.body.error).toMatch(/user_id: contains (a NUL character|a lone UTF-16 surrogate)/);
    }
  });
});
