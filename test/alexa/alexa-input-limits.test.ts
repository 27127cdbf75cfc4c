import type { ResponseEnvelope } from 'ask-sdk-model';
import request from 'supertest';
import { type AnswerService, createAnswerService } from '../../core/answers';
import { MAX_UTTERANCE_CHARS } from '../../core/input/utterance-limit';
import type { LinkService } from '../../core/linking';
import type { TQuery } from '../../core/nlu/types';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createAlexaSkill } from '../../skills/alexa';
import { ALEXA_SKILL_ID, alexaEnvelope, alexaHarness, spoken, type TEnvelopeOptions } from '../helpers/alexa-harness';
import { createDemoDatabase, DEMO_NOW, DEMO_TZ } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// What Amazon never sends (a forged request, with the signature check off or got past): slot
// values far over 1,024 characters, NUL or lone surrogates, session attributes naming impossible
// days. Slots are cut before anything parses them; none of it reaches the database.

const PERSON = 'demo-guardian-1';

describe('Alexa: input Amazon never sends', () => {
  let db: TestDatabase;
  const answered: TQuery[] = [];
  let invoke: (o: TEnvelopeOptions) => Promise<ResponseEnvelope>;

  beforeAll(async () => {
    db = await createDemoDatabase();
    const readModel = createReadModel(db, DEMO_TZ);
    const real = createAnswerService({ ...readModel, defaultTimezone: DEMO_TZ });
    const answers: AnswerService = {
      ask: real.ask,
      resume: real.resume,
      answer: (query, ...rest) => (answered.push(query), real.answer(query, ...rest)),
    };
    const scope = (await readModel.access.viewerScope(PERSON))!;
    // A chat linked to a demo parent with consent: the questions reach the diary.
    const linking = {
      chatState: async () => ({ personId: PERSON, needsConsent: false, scope }),
    } as unknown as LinkService;
    const skill = createAlexaSkill({
      skillId: ALEXA_SKILL_ID,
      answers,
      linking,
      timezone: DEMO_TZ,
      now: () => DEMO_NOW,
    });
    invoke = (o) => skill.invoke(alexaEnvelope(o)) as Promise<ResponseEnvelope>;
  });
  beforeEach(() => void (answered.length = 0));
  afterAll(() => db?.destroy());

  it('cuts slot values to 1,024 characters before they are parsed', async () => {
    const res = await invoke({
      intent: 'GradesIntent',
      slots: { child: 'masha'.repeat(20_000), subject: 'math '.repeat(20_000) },
    });
    expect(spoken(res).length).toBeGreaterThan(0);
    expect(answered).toHaveLength(1);
    expect(answered[0].child!.length).toBeLessThanOrEqual(MAX_UTTERANCE_CHARS);
  });

  it('hears a slot with NUL or a lone surrogate as nothing', async () => {
    await invoke({ intent: 'GradesIntent', slots: { child: 'Ma\u0000sha', subject: 'math\uD800' } });
    expect(answered).toEqual([expect.objectContaining({ child: null, subject: null })]);
  });

  it('forgets session attributes naming an impossible day', async () => {
    const last = { intent: 'grades', date: '9999-99-99', dateTo: null, subject: null, child: null };
    const res = await invoke({ intent: 'FollowUpIntent', slots: { subject: 'physics' }, attributes: { last } });
    expect(spoken(res).length).toBeGreaterThan(0);
    expect(answered).toEqual([]);
  });

  it('refuses a user id with NUL as a malformed request (400), not a 500', async () => {
    const { app } = alexaHarness(db);
    await request(app)
      .post('/webhooks/alexa')
      .send(alexaEnvelope({ userId: 'amzn1.ask.account.\u0000', intent: 'GradesIntent' }))
      .expect(400);
  });
});
