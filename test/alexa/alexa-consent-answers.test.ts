import type { ResponseEnvelope } from 'ask-sdk-model';
import { readYesNo } from '../../core/input';
import { buildInteractionModel } from '../../skills/alexa';
import { CONSENT_ANSWER_PHRASES } from '../../skills/alexa/consent-answer-slot';
import { alexaEnvelope, alexaHarness, spoken, type TEnvelopeOptions } from '../helpers/alexa-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// The consent question answered in words Amazon does not file under Yes or No: they arrive in
// ConsentAnswerIntent's slot (where AMAZON.FallbackIntent would carry none) and are read by the
// rule every channel uses.

describe('Alexa: the consent answered in words of one’s own', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof alexaHarness>;
  let studentId: string;

  const invoke = (o: TEnvelopeOptions) => harness.skill.invoke(alexaEnvelope(o)) as Promise<ResponseEnvelope>;
  const answer = (userId: string, words: string, attributes?: Record<string, unknown>) =>
    invoke({ userId, intent: 'ConsentAnswerIntent', slots: { answer: words }, attributes });
  const personOf = (userId: string) => harness.linking.personForChat({ channel: 'alexa', externalId: userId });
  const offerCode = async (userId: string) => {
    const code = await harness.issueCode(studentId);
    const asked = await invoke({ userId, intent: 'LinkCodeIntent', slots: { code } });
    expect(asked.sessionAttributes).toEqual({ pending: { handle: expect.any(String) } });
    return asked.sessionAttributes;
  };

  beforeAll(async () => {
    db = await createDemoDatabase();
    harness = alexaHarness(db);
    studentId = (await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
  });
  afterAll(() => db?.destroy());

  it('links on "yes please" said while the consent question is open', async () => {
    const linked = await answer('pleased', 'yes please', await offerCode('pleased'));
    expect(spoken(linked)).toMatch(/^Done! Diary linked/);
    expect(await personOf('pleased')).toBeTruthy();
  });

  it('stores nothing on "no thanks" or "yeah, I don’t agree", and the handle is spent', async () => {
    for (const [userId, words] of [
      ['thanks', 'no thanks'],
      ['contrary', 'yeah, I don’t agree'],
    ]) {
      const attributes = await offerCode(userId);
      const declined = await answer(userId, words, attributes);
      expect(spoken(declined)).toMatch(/nothing (has been |was )?(saved|stored)/i);
      expect(await db.prisma.pendingLink.count({ where: { channel: 'alexa', externalId: userId } })).toBe(0);
      expect(spoken(await answer(userId, 'sure', attributes))).toMatch(/time to answer has run out/);
      expect(await personOf(userId)).toBeNull();
    }
  });

  it('asks the question again for words that are no answer, keeping it open', async () => {
    const attributes = await offerCode('unsure');
    for (const words of ['what is the weather', "I'm not sure", '']) {
      const again = await answer('unsure', words, attributes);
      expect(spoken(again)).toBe('Please say yes if you agree, or no if you do not.');
      expect(again.sessionAttributes).toEqual(attributes);
    }
    expect(spoken(await answer('unsure', 'okay, go ahead', attributes))).toMatch(/^Done!/);
  });

  it('links nothing on "yes please" when no question is open, and never another user’s pending code', async () => {
    const attributes = await offerCode('owner');
    const said = await answer('bystander', 'yes please', attributes);
    expect(spoken(said)).not.toMatch(/Done!/);
    expect(await personOf('bystander')).toBeNull();
    expect(await personOf('owner')).toBeNull();
    const nothingAsked = await answer('idle', 'yes please');
    expect(spoken(nothingAsked)).toMatch(/What would you like to know/);
    expect(await personOf('idle')).toBeNull();
    expect(spoken(await answer('idle', 'what is the weather'))).not.toMatch(/say yes/);
  });

  it('renews a changed consent on "sure, I agree"', async () => {
    await answer('renews', 'yes', await offerCode('renews'));
    const personId = (await personOf('renews'))!;
    await db.sql.query(`UPDATE "Consent" SET "textVersion" = '2000-01' WHERE "personId" = $1`, [personId]);
    const asked = await invoke({ userId: 'renews', intent: 'GradesIntent', slots: { date: '2026-12-02' } });
    expect(asked.sessionAttributes).toEqual({ reconsent: true });
    expect(spoken(await answer('renews', 'sure, I agree', asked.sessionAttributes))).toMatch(/consent is updated/);
    expect(await harness.linking.needsConsent(personId)).toBe(false);
  });

  it('teaches Amazon only answers the rule reads as their side', () => {
    for (const phrase of CONSENT_ANSWER_PHRASES.YES) expect([phrase, readYesNo(phrase)]).toEqual([phrase, 'yes']);
    for (const phrase of CONSENT_ANSWER_PHRASES.NO) expect([phrase, readYesNo(phrase)]).toEqual([phrase, 'no']);
    const model = buildInteractionModel().interactionModel.languageModel;
    expect(model.intents.find((i) => i.name === 'ConsentAnswerIntent')).toEqual({
      name: 'ConsentAnswerIntent',
      slots: [{ name: 'answer', type: 'CONSENT_ANSWER' }],
      samples: ['{answer}'],
    });
  });
});
