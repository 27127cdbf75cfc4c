import type { ResponseEnvelope } from 'ask-sdk-model';
import { queryFromSlots } from '../../skills/alexa/alexa-query';
import { readTarget, readTerm } from '../../skills/alexa/term-slots';
import { alexaEnvelope, alexaHarness, spoken, type TEnvelopeOptions } from '../helpers/alexa-harness';
import { createDemoDatabase, DEMO_NOW, DEMO_TZ } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// The term questions through skill.invoke: average, final grades, what is needed and the topics to
// work on, answered from the demo school in English SSML, with the TERM and TARGET_MARK slots read
// and a follow-up keeping the period and the mark aimed at.

const CYRILLIC = /[А-Яа-яЁё]/;

describe('Alexa term intents', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof alexaHarness>;
  let studentId: string;

  const invoke = (o: TEnvelopeOptions) => harness.skill.invoke(alexaEnvelope(o)) as Promise<ResponseEnvelope>;

  const link = async (userId: string) => {
    const code = await harness.issueCode(studentId);
    const asked = await invoke({ userId, intent: 'LinkCodeIntent', slots: { code } });
    return invoke({ userId, intent: 'AMAZON.YesIntent', attributes: asked.sessionAttributes });
  };

  beforeAll(async () => {
    db = await createDemoDatabase();
    harness = alexaHarness(db);
    studentId = (await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
    await link('parent-term');
  });
  afterAll(() => db?.destroy());

  it('answers "what is my average in physics this term" from the demo school, without Cyrillic', async () => {
    const res = await invoke({
      userId: 'parent-term',
      intent: 'AverageIntent',
      slots: {
        subject: { value: 'physics', resolved: 'Physics' },
        term: { value: 'this term', resolved: 'this term' },
      },
    });
    expect(spoken(res)).toMatch(/^Averages for the 2nd quarter\..*Physics: 3 \(1 grade\)/);
    expect(spoken(res)).not.toMatch(CYRILLIC);
    expect(res.sessionAttributes).toEqual({
      last: {
        intent: 'average',
        date: null,
        dateTo: null,
        subject: 'Физика',
        child: null,
        term: { kind: null, which: 'current' },
        target: null,
      },
    });
  });

  it('answers the final grades of the last term, and of the current one when none is named', async () => {
    const last = await invoke({
      userId: 'parent-term',
      intent: 'FinalGradesIntent',
      slots: { term: { value: 'last term', resolved: 'last term' } },
    });
    expect(spoken(last)).toMatch(/^Final marks for the 1st quarter\./);
    expect(spoken(last)).not.toMatch(CYRILLIC);
    expect(last.sessionAttributes).toMatchObject({
      last: { intent: 'final-grades', term: { kind: null, which: 'previous' } },
    });
    const current = await invoke({ userId: 'parent-term', intent: 'FinalGradesIntent' });
    expect(spoken(current)).toMatch(/^Final marks/);
    expect(current.sessionAttributes).toMatchObject({ last: { intent: 'final-grades', term: null, target: null } });
  });

  it('answers what is needed for an A, the target slot resolved or only heard', async () => {
    const resolved = await invoke({
      userId: 'parent-term',
      intent: 'NeededIntent',
      slots: { subject: { value: 'algebra', resolved: 'Algebra' }, target: { value: 'an A', resolved: 'A' } },
    });
    expect(spoken(resolved)).toMatch(/^What it takes for the 2nd quarter\..*Algebra/);
    expect(spoken(resolved)).not.toMatch(CYRILLIC);
    expect(resolved.sessionAttributes).toMatchObject({ last: { intent: 'needed', subject: 'Алгебра', target: '5' } });
    // Without entity resolution the heard words are read against the same values.
    const heard = await invoke({ userId: 'parent-term', intent: 'NeededIntent', slots: { target: 'a four' } });
    expect(heard.sessionAttributes).toMatchObject({ last: { intent: 'needed', target: '4' } });
    expect(spoken(heard)).not.toMatch(CYRILLIC);
    // No mark named, or one that is none of ours: the next mark up, as the core decides.
    const none = await invoke({ userId: 'parent-term', intent: 'NeededIntent', slots: { target: 'a gold star' } });
    expect(none.sessionAttributes).toMatchObject({ last: { intent: 'needed', target: null } });
  });

  it('answers which topics to work on', async () => {
    const res = await invoke({ userId: 'parent-term', intent: 'TopicsIntent' });
    expect(spoken(res)).toMatch(/^Topics to work on for the 2nd quarter\./);
    expect(spoken(res)).not.toMatch(CYRILLIC);
    expect(res.sessionAttributes).toMatchObject({ last: { intent: 'topics', term: null } });
  });

  it('keeps the term and the target through a follow-up, and changes only what it names', async () => {
    const needed = await invoke({
      userId: 'parent-term',
      intent: 'NeededIntent',
      slots: {
        subject: { value: 'algebra', resolved: 'Algebra' },
        target: { value: 'four', resolved: 'B' },
        term: { value: 'last quarter', resolved: 'last quarter' },
      },
    });
    const physics = await invoke({
      userId: 'parent-term',
      intent: 'FollowUpIntent',
      slots: { subject: { value: 'physics', resolved: 'Physics' } },
      attributes: needed.sessionAttributes,
    });
    expect(physics.sessionAttributes).toEqual({
      last: {
        intent: 'needed',
        date: null,
        dateTo: null,
        subject: 'Физика',
        child: null,
        term: { kind: 'quarter', which: 'previous' },
        target: '4',
      },
    });
    expect(spoken(physics)).not.toMatch(CYRILLIC);
    const firstQuarter = await invoke({
      userId: 'parent-term',
      intent: 'FollowUpIntent',
      slots: { term: { value: 'the first quarter', resolved: 'first quarter' } },
      attributes: physics.sessionAttributes,
    });
    expect(firstQuarter.sessionAttributes).toMatchObject({
      last: { intent: 'needed', subject: 'Физика', term: { kind: 'quarter', which: 1 }, target: '4' },
    });
    const forAnA = await invoke({
      userId: 'parent-term',
      intent: 'FollowUpIntent',
      slots: { target: { value: 'an A', resolved: 'A' } },
      attributes: firstQuarter.sessionAttributes,
    });
    expect(forAnA.sessionAttributes).toMatchObject({
      last: { intent: 'needed', subject: 'Физика', term: { kind: 'quarter', which: 1 }, target: '5' },
    });
  });

  it('leaves the diary questions as they were: no term unless one is said', () => {
    const grades = queryFromSlots('grades', { subject: 'physics' }, DEMO_NOW, DEMO_TZ);
    expect(grades).not.toHaveProperty('term');
    expect(queryFromSlots('average', {}, DEMO_NOW, DEMO_TZ)).toMatchObject({ term: null, target: null });
  });

  it('reads the TERM and TARGET_MARK values, resolved or heard, and nothing else', () => {
    expect(readTerm(undefined, 'this semester')).toEqual({ kind: 'half', which: 'current' });
    expect(readTerm('the second trimester')).toEqual({ kind: 'trimester', which: 2 });
    expect(readTerm('Last Year')).toEqual({ kind: 'year', which: 'previous' });
    expect(readTerm('next week')).toBeNull();
    expect(readTarget(undefined, 'C')).toBe('3');
    expect(readTarget('5')).toBe('5');
    expect(readTarget('an a')).toBe('5');
    expect(readTarget('a six')).toBeNull();
  });

  it('asks someone not linked for the code, and refuses a child of another family', async () => {
    const stranger = await invoke({ userId: 'stranger', intent: 'AverageIntent' });
    expect(spoken(stranger)).toMatch(/twelve-digit code/);
    const other = await invoke({ userId: 'parent-term', intent: 'TopicsIntent', slots: { child: 'Zebedee' } });
    expect(spoken(other)).toMatch(/only tell you about the children linked to you/);
  });
});
