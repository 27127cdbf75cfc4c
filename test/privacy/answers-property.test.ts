import fc from 'fast-check';
import { createAnswerService, renderAnswer, type TAnswer } from '../../core/answers';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createDemoDatabase, DEMO_NOW, DEMO_TZ } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// Property: whatever anyone types, nlu + answers never throw, and never show a student the
// viewer is not linked to (or, for a teacher, does not teach). Utterances are built from the
// demo school's own names (every child's, in several forms), subjects, dates, commands and junk.

const SUBJECT_WORDS = ['математика', 'матеша', 'физра', 'инглиш', 'по физике', 'изо', 'math', 'PE', 'history'];
const INTENT_WORDS = [
  'оценки',
  'что задали',
  'дз',
  'расписание',
  'баланс',
  'grades',
  'homework',
  'timetable',
  'balance',
  'подпиши',
  'забудь меня',
  '/start',
  'help',
];
const DATE_WORDS = [
  'сегодня',
  'завтра',
  'вчера',
  'в пятницу',
  'на следующей неделе',
  'за неделю',
  '7 декабря',
  'tomorrow',
  'on Friday',
  'next week',
  '1 December',
];
const JUNK = ['', ' ', '???', '\u0000', '😀', '<b>', '\'; DROP TABLE "Grade"; --', 'у', 'а', '\u202e', 'x'.repeat(300)];

/** Name forms people use: "Маша", "у Маши", "Маше", lower case, Latin. */
function nameForms(first: string): string[] {
  const stem = first.slice(0, -1);
  return [first, first.toLowerCase(), `у ${stem}и`, `у ${stem}ы`, `${stem}е`, `для ${first}`];
}

describe('answers never leak across families (property)', () => {
  let db: TestDatabase;
  let viewers: { personId: string; visible: Set<string> }[];
  let names: string[];

  beforeAll(async () => {
    db = await createDemoDatabase();
    const students = await db.prisma.student.findMany({ select: { id: true, firstName: true, classId: true } });
    names = [...new Set(students.flatMap((s) => nameForms(s.firstName)))];
    const people = await db.prisma.person.findMany({
      select: {
        id: true,
        studentLinks: { select: { studentId: true } },
        teacherLinks: { select: { teacherId: true } },
      },
    });
    viewers = [];
    for (const p of people) {
      const visible = new Set(p.studentLinks.map((l) => l.studentId));
      if (p.teacherLinks.length > 0) {
        // At most: classes they ever had a lesson with, and the classes they are class teacher of.
        const teacherIds = p.teacherLinks.map((t) => t.teacherId);
        const taught = await db.prisma.lesson.findMany({
          where: { teacherId: { in: teacherIds } },
          select: { classId: true },
          distinct: ['classId'],
        });
        const homeroom = await db.prisma.schoolClass.findMany({
          where: { homeroomTeacherId: { in: teacherIds } },
          select: { id: true },
        });
        const classes = new Set([...taught.map((l) => l.classId), ...homeroom.map((c) => c.id)]);
        for (const s of students) if (classes.has(s.classId)) visible.add(s.id);
      }
      viewers.push({ personId: p.id, visible });
    }
    viewers.push({ personId: 'nobody-at-all', visible: new Set() });
  });
  afterAll(() => db?.destroy());

  const shownStudents = (answer: TAnswer): string[] =>
    'sections' in answer
      ? answer.sections.map((s) => s.student.id)
      : 'students' in answer
        ? answer.students.map((s) => s.id)
        : [];

  it('never throws and never shows an unlinked student', async () => {
    const answers = createAnswerService({ ...createReadModel(db, DEMO_TZ), defaultTimezone: DEMO_TZ });
    const word = fc.oneof(
      fc.constantFrom(...names),
      fc.constantFrom(...SUBJECT_WORDS),
      fc.constantFrom(...INTENT_WORDS),
      fc.constantFrom(...DATE_WORDS),
      fc.constantFrom(...JUNK),
      fc.string({ maxLength: 12 }),
    );
    const utterance = fc.array(word, { minLength: 0, maxLength: 7 }).map((words) => words.join(' '));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: viewers.length - 1 }), utterance, async (v, text) => {
        const viewer = viewers[v];
        const { answer, lang } = await answers.ask(text, { personId: viewer.personId }, DEMO_NOW);
        for (const id of shownStudents(answer)) expect(viewer.visible).toContain(id);
        // Every form renders without throwing, within the voice limits.
        const rendered = renderAnswer(answer, lang);
        expect(rendered.text.length).toBeGreaterThan(0);
        expect(rendered.speech.length).toBeLessThanOrEqual(1024);
        expect(rendered.tts.length).toBeLessThanOrEqual(1024);
        expect(rendered.ssml.length).toBeLessThanOrEqual(8000);
      }),
      { numRuns: 400 },
    );
  });
});
