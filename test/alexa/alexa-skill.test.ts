import type { ResponseEnvelope } from 'ask-sdk-model';
import { alexaEnvelope, alexaHarness, spoken, type TEnvelopeOptions } from '../helpers/alexa-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// The whole Alexa skill through skill.invoke: linking by a spoken code with consent, the diary
// intents answered from the demo school in English SSML, follow-ups, and the built-in intents.

describe('Alexa skill', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof alexaHarness>;
  let studentId: string;

  const invoke = (o: TEnvelopeOptions) => harness.skill.invoke(alexaEnvelope(o)) as Promise<ResponseEnvelope>;

  /** Links `userId` by "my code is …" and "yes"; returns the last response. */
  const link = async (userId: string) => {
    const code = await harness.issueCode(studentId);
    const asked = await invoke({ userId, intent: 'LinkCodeIntent', slots: { code } });
    return invoke({ userId, intent: 'AMAZON.YesIntent', attributes: asked.sessionAttributes });
  };

  beforeAll(async () => {
    db = await createDemoDatabase();
    harness = alexaHarness(db);
    studentId = (await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } })).id;
  });
  afterAll(() => db?.destroy());

  it('greets a new user with how to link, and asks for the code before any diary answer', async () => {
    const launch = await invoke({ type: 'LaunchRequest', userId: 'new-user' });
    expect(spoken(launch)).toMatch(/say the code from the school(&apos;|')s letter/);
    expect(launch.response.shouldEndSession).toBe(false);
    const grades = await invoke({ userId: 'new-user', intent: 'GradesIntent', slots: { date: '2026-12-02' } });
    expect(spoken(grades)).toMatch(/twelve-digit code/);
  });

  it('links after consent, says nothing was stored on "no", and never speaks Cyrillic', async () => {
    const code = await harness.issueCode(studentId);
    const asked = await invoke({ userId: 'decliner', intent: 'LinkCodeIntent', slots: { code } });
    expect(spoken(asked)).toMatch(/Do you agree\?|agree/i);
    expect(spoken(asked)).not.toMatch(/[А-Яа-яЁё]/);
    // The spoken consent names who carries the conversation: Amazon, abroad.
    expect(spoken(asked)).toMatch(/through Alexa and pass through Amazon(&apos;|'|’)s servers outside Russia/);
    // Amazon keeps the session attributes: they hold a pending link's handle, never a digit of the code.
    expect(asked.sessionAttributes).toEqual({ pending: { handle: expect.stringMatching(/^[A-Za-z]{24}$/) } });
    expect(JSON.stringify(asked.sessionAttributes)).not.toMatch(/\d/);
    const pendingOf = { where: { channel: 'alexa', externalId: 'decliner' } };
    expect(await db.prisma.pendingLink.count(pendingOf)).toBe(1);
    const declined = await invoke({
      userId: 'decliner',
      intent: 'AMAZON.NoIntent',
      attributes: asked.sessionAttributes,
    });
    expect(spoken(declined)).toMatch(/nothing (has been |was )?(saved|stored)/i);
    expect(await db.prisma.pendingLink.count(pendingOf)).toBe(0);
    const replayed = await invoke({
      userId: 'decliner',
      intent: 'AMAZON.YesIntent',
      attributes: asked.sessionAttributes,
    });
    expect(spoken(replayed)).toMatch(/time to answer has run out/);
    // Attributes in the old shape, with the code itself, are not trusted.
    const forged = await invoke({ userId: 'decliner', intent: 'AMAZON.YesIntent', attributes: { pending: { code } } });
    expect(await harness.linking.personForChat({ channel: 'alexa', externalId: 'decliner' })).toBeNull();
    expect(spoken(forged)).not.toMatch(/linked/i);
    expect(await harness.linking.personForChat({ channel: 'alexa', externalId: 'decliner' })).toBeNull();

    const linked = await link('parent-a');
    expect(spoken(linked)).not.toMatch(/[А-Яа-яЁё]/);
    expect(await harness.linking.personForChat({ channel: 'alexa', externalId: 'parent-a' })).toBeTruthy();
    const launch = await invoke({ type: 'LaunchRequest', userId: 'parent-a' });
    expect(spoken(launch)).toMatch(/^Hi! This is your school diary\. Ask/);
  });

  it('refuses a wrong code and a code that is not twelve digits', async () => {
    expect(
      spoken(await invoke({ userId: 'guesser', intent: 'LinkCodeIntent', slots: { code: '111122223333' } })),
    ).toMatch(/no such code|wrong|check/i);
    expect(spoken(await invoke({ userId: 'guesser', intent: 'LinkCodeIntent', slots: { code: '42' } }))).toMatch(
      /12 digits|twelve/i,
    );
  });

  it('answers the documented homework request and keeps the query for a follow-up', async () => {
    await link('parent-b');
    const homework = await invoke({
      userId: 'parent-b',
      intent: 'HomeworkIntent',
      slots: { subject: 'math', date: '2026-12-03' },
    });
    expect(homework.sessionAttributes).toEqual({
      last: { intent: 'homework', date: '2026-12-03', dateTo: null, subject: 'Математика', child: null },
    });
    expect(spoken(homework)).toMatch(/maths/i);
    expect(spoken(homework)).not.toMatch(/[А-Яа-яЁё]/);
    expect(homework.response.card).toMatchObject({ type: 'Simple', title: 'School diary' });

    const physics = await invoke({
      userId: 'parent-b',
      intent: 'FollowUpIntent',
      slots: { subject: { value: 'physics', resolved: 'Physics' } },
      attributes: homework.sessionAttributes,
    });
    expect(physics.sessionAttributes).toMatchObject({
      last: { intent: 'homework', date: '2026-12-03', subject: 'Физика' },
    });

    const week = await invoke({ userId: 'parent-b', intent: 'ScheduleIntent', slots: { date: '2026-W50' } });
    expect(week.sessionAttributes).toMatchObject({
      last: { intent: 'schedule', date: '2026-12-07', dateTo: '2026-12-13' },
    });
  });

  it('asks back when a follow-up opens the session, and the intent then named completes it', async () => {
    await link('parent-f');
    const fragment = await invoke({
      userId: 'parent-f',
      intent: 'FollowUpIntent',
      slots: { subject: { value: 'physics', resolved: 'Physics' } },
    });
    expect(spoken(fragment)).toBe('What should I show in Physics: grades or homework?');
    expect(fragment.sessionAttributes).toEqual({
      last: { intent: 'unknown', date: null, dateTo: null, subject: 'Физика', child: null },
    });
    const grades = await invoke({ userId: 'parent-f', intent: 'GradesIntent', attributes: fragment.sessionAttributes });
    expect(grades.sessionAttributes).toEqual({
      last: { intent: 'grades', date: null, dateTo: null, subject: 'Физика', child: null },
    });
    const whole = await invoke({
      userId: 'parent-f',
      intent: 'GradesIntent',
      slots: { subject: { value: 'physics', resolved: 'Physics' } },
    });
    expect(spoken(grades)).toBe(spoken(whole));
  });

  it('reads "grades on Friday" as the last Friday, and answers from the demo school', async () => {
    await link('parent-c');
    // Wednesday 2 December: Alexa resolves "Friday" to 4 December.
    const friday = await invoke({ userId: 'parent-c', intent: 'GradesIntent', slots: { date: '2026-12-04' } });
    expect(friday.sessionAttributes).toMatchObject({ last: { intent: 'grades', date: '2026-11-27' } });
    const today = await invoke({ userId: 'parent-c', intent: 'GradesIntent', slots: { date: '2026-12-02' } });
    expect(spoken(today)).toMatch(/grade|got|no grades/i);
  });

  it('answers a child who is not theirs without revealing anything', async () => {
    await link('parent-d');
    const res = await invoke({ userId: 'parent-d', intent: 'GradesIntent', slots: { child: 'Zebedee' } });
    expect(spoken(res)).toMatch(/only tell you about the children linked to you/);
  });

  it('handles help, fallback, stop and session end', async () => {
    expect(spoken(await invoke({ intent: 'AMAZON.HelpIntent' }))).toMatch(/Ask me, for example/);
    expect(spoken(await invoke({ intent: 'AMAZON.FallbackIntent' }))).toMatch(/did not get that/);
    const stop = await invoke({ intent: 'AMAZON.StopIntent' });
    expect(spoken(stop)).toBe('Goodbye!');
    expect(stop.response.shouldEndSession).toBe(true);
    const ended = await invoke({ type: 'SessionEndedRequest' });
    expect(ended.response.outputSpeech).toBeUndefined();
  });

  it('asks again for consent when the text changed since; "no" deletes everything', async () => {
    await link('parent-g');
    const personId = await harness.linking.personForChat({ channel: 'alexa', externalId: 'parent-g' });
    await db.sql.query(`UPDATE "Consent" SET "textVersion" = '2000-01' WHERE "personId" = $1`, [personId]);
    const asked = await invoke({ userId: 'parent-g', intent: 'GradesIntent', slots: { date: '2026-12-02' } });
    expect(spoken(asked)).toMatch(/consent text .* has changed/);
    expect(asked.sessionAttributes).toEqual({ reconsent: true });
    const fallback = await invoke({
      userId: 'parent-g',
      intent: 'AMAZON.FallbackIntent',
      attributes: asked.sessionAttributes,
    });
    expect(spoken(fallback)).toMatch(/say yes if you agree/);
    const declined = await invoke({
      userId: 'parent-g',
      intent: 'AMAZON.NoIntent',
      attributes: asked.sessionAttributes,
    });
    expect(spoken(declined)).toMatch(/all your data has been deleted/);
    expect(declined.response.shouldEndSession).toBe(true);
    expect(await harness.linking.personForChat({ channel: 'alexa', externalId: 'parent-g' })).toBeNull();
  });

  it('forgets on "forget me"', async () => {
    await link('parent-e');
    const res = await invoke({ userId: 'parent-e', intent: 'ForgetIntent' });
    expect(spoken(res)).toMatch(/deleted/);
    expect(res.response.shouldEndSession).toBe(true);
    expect(await harness.linking.personForChat({ channel: 'alexa', externalId: 'parent-e' })).toBeNull();
  });

  it('answers the holder of a linked account token as the chat the token stands for', async () => {
    await link('parent-f');
    const withToken = alexaHarness(db, {
      chatForToken: async (token) => (token === 'good-token' ? { channel: 'alexa', externalId: 'parent-f' } : null),
    });
    // The token holder is linked; a device user with no token and no code is not.
    const res = (await withToken.skill.invoke(
      alexaEnvelope({ type: 'LaunchRequest', userId: 'other-device', accessToken: 'good-token' }),
    )) as ResponseEnvelope;
    expect(spoken(res)).toMatch(/^Hi! This is your school diary\. Ask/);
  });

  it('tells a linked teacher which lessons are not filled in', async () => {
    const teacher = await db.prisma.teacher.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const code = await harness.issueTeacherCode(teacher.id);
    const asked = await invoke({ userId: 'teacher-a', intent: 'LinkCodeIntent', slots: { code } });
    await invoke({ userId: 'teacher-a', intent: 'AMAZON.YesIntent', attributes: asked.sessionAttributes });
    const res = await invoke({ userId: 'teacher-a', intent: 'JournalIntent' });
    expect(res.sessionAttributes).toMatchObject({ last: { intent: 'journal' } });
    expect(spoken(res)).toMatch(/lesson|journal/i);
    expect(spoken(res)).not.toMatch(/[А-Яа-яЁё]/);
    // A parent asking the same is told it is for teachers.
    await link('parent-h');
    expect(spoken(await invoke({ userId: 'parent-h', intent: 'JournalIntent' }))).not.toMatch(/[А-Яа-яЁё]/);
  });

  it('refuses an envelope for another skill', async () => {
    await expect(harness.skill.invoke(alexaEnvelope({ skillId: 'amzn1.ask.skill.someone-else' }))).rejects.toThrow(
      /skill/i,
    );
  });
});
