import { type AnswerService, createAnswerService, renderAnswer } from '../../core/answers';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createComingReader } from '../../prisma/stores/school-news/coming-reader';
import { createDemoDatabase, DEMO_NOW, DEMO_TZ } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// The demo school's tests next week (with topics) and its school events, asked as a demo parent asks.

describe('tests and events in the demo school', () => {
  let db: TestDatabase;
  let answers: AnswerService;
  let parent: string;

  beforeAll(async () => {
    db = await createDemoDatabase('pglite');
    const [link] = await db.sql.query<{ personId: string }>(
      `SELECT "personId" FROM "StudentLink" WHERE role = 'guardian' ORDER BY "personId" LIMIT 1`,
    );
    parent = link.personId;
    answers = createAnswerService({
      ...createReadModel(db, DEMO_TZ),
      defaultTimezone: DEMO_TZ,
      coming: createComingReader(db),
    });
  });
  afterAll(() => db?.destroy());

  const ask = async (text: string) => (await answers.ask(text, { personId: parent, channel: 'cli' }, DEMO_NOW)).answer;

  it('lists the tests of the next two weeks with their topics', async () => {
    const answer = await ask('когда контрольные?');
    expect(answer.kind).toBe('tests');
    if (answer.kind !== 'tests') return;
    const tests = answer.sections.flatMap((s) => s.tests);
    expect(tests.length).toBeGreaterThan(0);
    expect(tests.some((t) => t.topic)).toBe(true);
    expect(renderAnswer(answer, 'ru').text).toContain('урок');
  });

  it('lists next week’s school events', async () => {
    const answer = await ask('какие мероприятия на следующей неделе');
    expect(answer.kind).toBe('events');
    if (answer.kind !== 'events') return;
    expect(answer.sections.flatMap((s) => s.events).length).toBeGreaterThan(0);
  });
});
