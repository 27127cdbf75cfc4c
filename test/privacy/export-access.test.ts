import { type AnswerService, createAnswerService } from '../../core/answers';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createDemoDatabase, DEMO_NOW, DEMO_TZ } from '../helpers/demo-database';
import { callback, callbackData, privateText, type TApiCall } from '../helpers/telegram-harness';
import { telegramOnDatabase } from '../helpers/telegram-runtime';
import type { TestDatabase } from '../helpers/test-database';

// `/export` says who saw the person's linked children's data: when, through which channel, in
// which role, and a teacher's name — never another parent's identity. Every access-log row
// carries the viewer's role (guardian, student, teacher, operator).

/** Demo classes whose homeroom teacher has a demo person: the teacher sees the class in every subject. */
const HOMEROOM = { 'cls-5a': 'tch-01', 'cls-7b': 'tch-06', 'cls-9v': 'tch-04' } as const;

type TSeen = {
  at: string;
  studentId: string;
  channel: string;
  intent: string;
  viewerRole: string | null;
  byYou: boolean;
  teacherName: string | null;
};

let db: TestDatabase;
let answers: AnswerService;
beforeAll(async () => {
  db = await createDemoDatabase();
  answers = createAnswerService({ ...createReadModel(db, DEMO_TZ), defaultTimezone: DEMO_TZ });
});
afterAll(() => db?.destroy());

const exportedFile = (calls: TApiCall[]) => {
  const doc = calls.filter((c) => c.method === 'sendDocument').at(-1)!.payload.document as unknown as {
    fileData: Buffer;
  };
  return JSON.parse(doc.fileData.toString('utf8')) as { seenBy: TSeen[] };
};

it('/export lists who saw the child: you, another guardian by role only, the teacher by name, the operator', async () => {
  // A child of a demo family in a class whose homeroom teacher is a demo person.
  const otherParent = await db.prisma.studentLink.findFirstOrThrow({
    where: {
      role: 'guardian',
      personId: { startsWith: 'demo-guardian' },
      student: { classId: { in: Object.keys(HOMEROOM) } },
    },
    include: { student: true },
  });
  const child = otherParent.student;
  const teacher = await db.prisma.teacher.findUniqueOrThrow({
    where: { id: HOMEROOM[child.classId as keyof typeof HOMEROOM] },
  });
  const teacherPerson = `demo-teacher-${teacher.id}`;

  // This parent links the same child in Telegram and asks.
  const { bot, calls, issueCode } = telegramOnDatabase(db);
  const chatId = 81000001;
  await bot.handleUpdate(privateText(chatId, `/start ${await issueCode(child.id)}`));
  await bot.handleUpdate(callback(chatId, callbackData(calls)[0]));
  await bot.handleUpdate(privateText(chatId, 'оценки за неделю'));
  // The other parent, the homeroom teacher and the operator look too.
  await answers.ask('оценки за неделю', { personId: otherParent.personId, channel: 'playground' }, DEMO_NOW);
  await answers.ask(
    `оценки ${child.firstName} за неделю`,
    { personId: teacherPerson, channel: 'playground' },
    DEMO_NOW,
  );
  await answers.ask('оценки за неделю', { personId: otherParent.personId, channel: 'cli', operator: true }, DEMO_NOW);

  // Every row carries its role; the operator's carries no person.
  const rows = await db.prisma.accessLog.findMany({ where: { studentId: child.id }, orderBy: { id: 'asc' } });
  expect(rows.map((r) => [r.channel, r.viewerRole])).toEqual([
    ['telegram', 'guardian'],
    ['playground', 'guardian'],
    ['playground', 'teacher'],
    ['cli', 'operator'],
  ]);
  expect(rows[3].viewerId).toBe('operator');

  calls.length = 0;
  await bot.handleUpdate(privateText(chatId, '/export'));
  const exported = exportedFile(calls);
  const seen = exported.seenBy.filter((s) => s.studentId === child.id);
  expect(seen.map(({ at: _at, ...s }) => s)).toEqual([
    { studentId: child.id, channel: 'cli', intent: 'grades', viewerRole: 'operator', byYou: false, teacherName: null },
    {
      studentId: child.id,
      channel: 'playground',
      intent: 'grades',
      viewerRole: 'teacher',
      byYou: false,
      teacherName: `${teacher.lastName} ${teacher.firstName} ${teacher.middleName}`,
    },
    {
      studentId: child.id,
      channel: 'playground',
      intent: 'grades',
      viewerRole: 'guardian',
      byYou: false,
      teacherName: null,
    },
    {
      studentId: child.id,
      channel: 'telegram',
      intent: 'grades',
      viewerRole: 'guardian',
      byYou: true,
      teacherName: null,
    },
  ]);
  for (const s of seen) expect(Date.parse(s.at)).not.toBeNaN();
  // Nobody's person id is given away: not the other parent's, not the teacher's.
  const text = JSON.stringify(exported);
  expect(text).not.toContain(otherParent.personId);
  expect(text).not.toContain(teacherPerson);
});
