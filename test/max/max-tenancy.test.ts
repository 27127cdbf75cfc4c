import { createDemoDatabase, DEMO_TODAY, dbDay } from '../helpers/demo-database';
import { messageCallback, messageCreated } from '../helpers/max-harness';
import { maxOnDatabase } from '../helpers/max-runtime';
import { type MaxStub, startMaxStub } from '../helpers/max-stub';
import type { TestDatabase } from '../helpers/test-database';

// A MAX parent of the demo school (A) next to a second school (B) with a pupil of a name and a
// subject found nowhere else: whatever the parent asks or taps, nothing of B shows.

let db: TestDatabase;
let stub: MaxStub;

const B = { school: 'max-tenancy-b', name: 'Евлампия', subject: 'Астрономия-Б' };

beforeAll(async () => {
  db = await createDemoDatabase();
  await db.prisma.school.create({ data: { id: B.school, name: 'Школа Б' } });
  await db.prisma.schoolClass.create({ data: { id: `${B.school}-c`, schoolId: B.school, name: '10А' } });
  await db.prisma.subject.create({ data: { id: `${B.school}-s`, schoolId: B.school, name: B.subject } });
  await db.prisma.student.create({
    data: { id: `${B.school}-p`, schoolId: B.school, classId: `${B.school}-c`, lastName: 'Другая', firstName: B.name },
  });
  await db.prisma.grade.create({
    data: {
      id: `${B.school}-g`,
      studentId: `${B.school}-p`,
      subjectId: `${B.school}-s`,
      date: dbDay(DEMO_TODAY),
      value: '5',
    },
  });
});
afterEach(() => stub?.close());
afterAll(() => db?.destroy());

it('never shows a parent of school A anything of school B', async () => {
  stub = await startMaxStub();
  const { post, issueCode, start } = maxOnDatabase(db, stub);
  await start();
  const chatId = 511_000_001;
  const own = await db.prisma.grade.findFirstOrThrow({
    where: { date: dbDay(DEMO_TODAY), deletedAt: null },
    orderBy: { id: 'asc' },
  });
  await post(messageCreated(chatId, await issueCode(own.studentId)));
  const consent = stub.sentTo(chatId).at(-1)!;
  await post(messageCallback(chatId, consent.buttons[0], consent.mid));

  for (const text of [
    'какие оценки сегодня',
    `оценки ${B.name}`,
    `оценки у ${B.name} Другой`,
    `${B.subject} сегодня`,
    'расписание на завтра',
    'что задали',
    'итоги четверти',
  ])
    await post(messageCreated(chatId, text));
  // Taps naming children the parent does not have, and menus of every section.
  const mid = stub.sentTo(chatId).at(-1)!.mid;
  for (const data of ['m:g:t:1', 'm:g:t:7', `m:g:${DEMO_TODAY}:a`, 'm:h:t:a', 'm:r:t:a', 's:open:1', 'p:1', 'p:a'])
    await post(messageCallback(chatId, data, mid));

  const shown = [
    ...stub.sentTo(chatId).map((m) => m.text),
    ...stub.edits.map((e) => e.text),
    ...stub.answers.map((a) => a.notification ?? ''),
  ].join('\n');
  expect(shown).toContain('Оценки сегодня');
  expect(shown).not.toContain(B.name);
  expect(shown).not.toContain(B.subject);
});
