import type { ResponseEnvelope } from 'ask-sdk-model';
import { alexaEnvelope, alexaHarness, spoken, type TEnvelopeOptions } from '../helpers/alexa-harness';
import { createDemoDatabase, dbDay } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import { lessonList, ssmlSections } from '../helpers/voice-reading';

// Alexa speaks English only, and the demo school's teachers write homework in Russian: the skill
// says whose homework, the subject and that the task is written in Russian, never reads it out
// (neither in Cyrillic nor transliterated), and shows it as written on the card.

const CYRILLIC = /[\u0400-\u04FF]/;
const DUE = '2026-12-03';

describe('Alexa and homework written in Russian', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof alexaHarness>;
  let tasks: string[];

  const invoke = (o: TEnvelopeOptions) => harness.skill.invoke(alexaEnvelope(o)) as Promise<ResponseEnvelope>;

  beforeAll(async () => {
    db = await createDemoDatabase();
    harness = alexaHarness(db);
    const due = await db.prisma.homework.findFirstOrThrow({
      where: { dueDate: dbDay(DUE), deletedAt: null },
      orderBy: { id: 'asc' },
    });
    const student = await db.prisma.student.findFirstOrThrow({
      where: { classId: due.classId },
      orderBy: { id: 'asc' },
    });
    tasks = (
      await db.prisma.homework.findMany({ where: { classId: due.classId, dueDate: dbDay(DUE), deletedAt: null } })
    ).map((h) => h.text);
    const code = await harness.issueCode(student.id);
    const asked = await invoke({ userId: 'parent', intent: 'LinkCodeIntent', slots: { code } });
    await invoke({ userId: 'parent', intent: 'AMAZON.YesIntent', attributes: asked.sessionAttributes });
  });
  afterAll(() => db?.destroy());

  it('names each task in Russian instead of reading it, and shows the tasks as written on the card', async () => {
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => CYRILLIC.test(t))).toBe(true);
    const res = await invoke({ userId: 'parent', intent: 'HomeworkIntent', slots: { date: DUE } });
    const said = spoken(res);
    expect(said).not.toMatch(CYRILLIC);
    expect(said.split('the task is written in Russian').length - 1).toBe(tasks.length);
    expect(said).toMatch(/You can read the Russian text on the card in the Alexa app/);
    const card = res.response.card as { type: string; content: string };
    expect(card.type).toBe('Simple');
    for (const task of tasks) expect(card.content).toContain(task.split(/(?<=[.!?])\s/)[0].replace(/[.!?]+$/, ''));
  });

  it('says the schedule without Cyrillic, its count matching the lessons named', async () => {
    const res = await invoke({ userId: 'parent', intent: 'ScheduleIntent', slots: { date: DUE } });
    expect(spoken(res)).not.toMatch(CYRILLIC);
    const said = lessonList(ssmlSections(`<speak>${spoken(res)}</speak>`)[0]);
    expect(said?.count).toBeGreaterThan(0);
    expect(said?.items).toHaveLength(said!.count);
  });
});
