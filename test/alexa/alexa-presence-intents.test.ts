import type { ResponseEnvelope } from 'ask-sdk-model';
import { queryFromSlots } from '../../skills/alexa/alexa-query';
import { alexaEnvelope, alexaHarness, spoken, type TEnvelopeOptions } from '../helpers/alexa-harness';
import { DEMO_NOW, DEMO_TZ } from '../helpers/demo-database';
import { ingest } from '../helpers/reminder-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { PRESENCE_WORLD } from '../presence/presence-world';

// PresenceIntent and AbsencesIntent through skill.invoke: a parent linked by a code asks whether
// the child is at school and what lessons were missed, answered in English SSML; the TERM slot
// carries a period, a date said leans to the past, and a follow-up keeps the question.

describe('Alexa presence and absences intents', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof alexaHarness>;
  const invoke = (o: TEnvelopeOptions) => harness.skill.invoke(alexaEnvelope(o)) as Promise<ResponseEnvelope>;

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    await ingest(db, PRESENCE_WORLD);
    harness = alexaHarness(db);
    const code = await harness.issueCode('s-st1');
    const asked = await invoke({ userId: 'parent', intent: 'LinkCodeIntent', slots: { code } });
    await invoke({ userId: 'parent', intent: 'AMAZON.YesIntent', attributes: asked.sessionAttributes });
  });
  afterAll(() => db?.destroy());

  it('"is Masha at school": the passes of today', async () => {
    const res = await invoke({ userId: 'parent', intent: 'PresenceIntent', slots: { child: 'masha' } });
    expect(spoken(res)).toBe('Masha has been at school since 12:30, arrived at 8:05.');
    expect(res.sessionAttributes).toMatchObject({ last: { intent: 'presence', child: 'Masha', date: null } });
  });

  it('"and yesterday" follows up on the same question', async () => {
    const first = await invoke({ userId: 'parent', intent: 'PresenceIntent' });
    const res = await invoke({
      userId: 'parent',
      intent: 'FollowUpIntent',
      slots: { date: '2026-12-01' },
      attributes: first.sessionAttributes,
    });
    expect(spoken(res)).toBe('Masha left school at 23:30, arrived at 8:10.');
  });

  it('"how many classes did Masha miss this term": the current quarter, per subject', async () => {
    const res = await invoke({
      userId: 'parent',
      intent: 'AbsencesIntent',
      slots: { child: 'masha', term: { value: 'this term', resolved: 'this term' } },
    });
    expect(spoken(res)).toBe(
      'Masha, for the 2nd quarter: 2 lessons missed, 2 late arrivals; Maths — 1 lesson missed, 1 late arrival, Physics — 1 lesson missed, 1 late arrival.',
    );
    expect(res.sessionAttributes).toMatchObject({
      last: { intent: 'absences', term: { kind: null, which: 'current' } },
    });
  });

  it('"was Masha in physics today": the lessons of the day and their marks', async () => {
    const res = await invoke({
      userId: 'parent',
      intent: 'AbsencesIntent',
      slots: { child: 'masha', subject: { value: 'physics', resolved: 'Physics' }, date: '2026-12-02' },
    });
    expect(spoken(res)).toBe('Masha, Physics today: at 9:00 — late; at 10:00 — not marked yet.');
  });

  it('refuses a child not linked, and asks a stranger to link', async () => {
    expect(spoken(await invoke({ userId: 'parent', intent: 'PresenceIntent', slots: { child: 'varvara' } }))).toMatch(
      /only tell you about the children linked to you/i,
    );
    expect(spoken(await invoke({ userId: 'stranger', intent: 'AbsencesIntent' }))).not.toMatch(/absences|Masha/i);
  });

  it('reads a weekday said as the one just gone', () => {
    // 2026-12-02 is a Wednesday: "friday" is 27 November.
    const query = queryFromSlots('presence', { date: '2026-12-04' }, DEMO_NOW, DEMO_TZ);
    expect(query.date).toBe('2026-11-27');
  });
});
