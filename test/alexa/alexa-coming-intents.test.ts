import type { ResponseEnvelope } from 'ask-sdk-model';
import { alexaEnvelope, alexaHarness, spoken, type TEnvelopeOptions } from '../helpers/alexa-harness';
import { ingest } from '../helpers/reminder-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { COMING_WORLD } from '../school-news/coming-world';

// TestsIntent and EventsIntent through skill.invoke: a parent linked by a code asks what tests and
// school events are coming, answered in English SSML; a follow-up keeps the question.

describe('Alexa tests and events intents', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof alexaHarness>;
  const invoke = (o: TEnvelopeOptions) => harness.skill.invoke(alexaEnvelope(o)) as Promise<ResponseEnvelope>;

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    await ingest(db, COMING_WORLD);
    harness = alexaHarness(db);
    const code = await harness.issueCode('s-st1');
    const asked = await invoke({ userId: 'parent', intent: 'LinkCodeIntent', slots: { code } });
    await invoke({ userId: 'parent', intent: 'AMAZON.YesIntent', attributes: asked.sessionAttributes });
  });
  afterAll(() => db?.destroy());

  it('"when is the next algebra test": its day and lesson', async () => {
    const res = await invoke({ userId: 'parent', intent: 'TestsIntent', slots: { subject: 'algebra' } });
    expect(spoken(res)).toBe(
      'Masha&apos;s next test in Algebra: on Friday, December 11, in the second lesson — Algebra.',
    );
    expect(res.sessionAttributes).toMatchObject({ last: { intent: 'tests', subject: 'Алгебра' } });
  });

  it('"what tests do I have": the next two weeks', async () => {
    const res = await invoke({ userId: 'parent', intent: 'TestsIntent' });
    expect(spoken(res)).toMatch(/^Masha has two tests in the next two weeks: on Tuesday, December 8/);
  });

  it('"what is happening at school": the events of the week, and a follow-up for a day', async () => {
    const res = await invoke({ userId: 'parent', intent: 'EventsIntent' });
    expect(spoken(res)).toContain('a school event — on Friday, December 4 from 15:00 to 17:00');
    const monday = await invoke({
      userId: 'parent',
      intent: 'FollowUpIntent',
      slots: { date: '2026-12-07' },
      attributes: res.sessionAttributes,
    });
    expect(spoken(monday)).toBe('No school events on Monday, December 7.');
  });

  it('a stranger hears nothing of Masha', async () => {
    expect(spoken(await invoke({ userId: 'stranger', intent: 'TestsIntent' }))).not.toMatch(/Masha|Algebra/i);
  });
});
