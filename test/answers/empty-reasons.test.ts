import { type AnswerService, createAnswerService, renderAnswer, type TAnswer } from '../../core/answers';
import type { DiaryReader } from '../../core/diary';
import type { TQuery } from '../../core/nlu';
import { loadDemoPeople } from '../../prisma/demo/load-demo-people';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createDemoDatabase, DEMO_NOW, DEMO_TZ, dbDay } from '../helpers/demo-database';
import { loadSixDaySchool, SIX } from '../helpers/six-day-school';
import { DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// Which empty answers say why, over the demo school (Monday to Friday; its 5А has no algebra)
// and a second school beside it that teaches on Saturdays and whose own 5А has algebra. The
// reason comes from each student's own class timetable only, and is read only for an answer
// that came back empty with a reason possible.

const SATURDAY = new Date('2026-12-05T13:00:00+03:00');
const SUNDAY = new Date('2026-12-06T13:00:00+03:00');

type TPart = 'grades' | 'homework' | 'schedule';

const query = <K extends TQuery['intent']>(intent: K, extra: Partial<TQuery> = {}): TQuery & { intent: K } => ({
  date: null,
  dateTo: null,
  subject: null,
  child: null,
  ...extra,
  intent,
});

for (const { kind, describe: d } of DATABASE_KINDS) {
  d(`why an answer is empty (${kind})`, () => {
    let db: TestDatabase;
    let diary: DiaryReader;
    let answers: AnswerService;
    let outlineReads: number;

    const ask = async <K extends TPart>(
      personId: string,
      q: TQuery & { intent: K },
      now: Date,
    ): Promise<Extract<TAnswer, { kind: K }>> => {
      const answer = await answers.answer(q, { personId }, now);
      if (answer.kind !== q.intent) throw new Error(answer.kind);
      return answer as Extract<TAnswer, { kind: K }>;
    };
    const childOf = async (personId: string, firstName: string) =>
      (
        await db.prisma.studentLink.findFirstOrThrow({
          where: { personId, student: { firstName } },
          include: { student: true },
        })
      ).student;

    beforeAll(async () => {
      db = await createDemoDatabase(kind);
      await loadDemoPeople(db.prisma);
      await loadSixDaySchool(db);
      const real = createReadModel(db, DEMO_TZ);
      // Counts the outline reads; the statements are the real ones.
      diary = { ...real.diary, timetableOutlines: (...a) => (outlineReads++, real.diary.timetableOutlines(...a)) };
      answers = createAnswerService({ access: real.access, diary, defaultTimezone: DEMO_TZ });
    });
    beforeEach(() => {
      outlineReads = 0;
    });
    afterAll(() => db?.destroy());

    it('says a Sunday is a day off, for each child of a family, in grades, homework and the timetable', async () => {
      const children = await db.prisma.studentLink.findMany({ where: { personId: 'demo-guardian-2' } });
      expect(children).toHaveLength(2);
      expect(
        await db.prisma.lesson.count({
          where: { classId: { in: ['cls-5a', 'cls-9v'] }, date: dbDay('2026-12-06') },
        }),
      ).toBe(0);

      const grades = await ask('demo-guardian-2', query('grades'), SUNDAY);
      expect(grades.sections.map((s) => s.emptyReason)).toEqual(['day-off', 'day-off']);
      const ru = renderAnswer(grades, 'ru');
      expect(ru.text).toBe(
        '<b>Оценки сегодня</b>\n\n<b>Артём</b>, 5А\nСегодня выходной — оценок нет.\n\n<b>Дарья</b>, 9В\nСегодня выходной — оценок нет.',
      );
      expect(ru.speech).toBe('У Артёма сегодня выходной — оценок нет. У Дарьи сегодня выходной — оценок нет.');
      expect(ru.tts).toBe(
        'У Арт+ёма сегодня выходной — оценок нет. sil <[300]> У Д+арьи сегодня выходной — оценок нет.',
      );
      const en = renderAnswer(grades, 'en');
      expect(en.text).toContain("<b>Artyom</b>, 5А\nIt's a day off today — no grades.");
      expect(en.ssml).toBe(
        '<speak>It&apos;s a day off for Artyom today — no grades. <break time="300ms"/> It&apos;s a day off for Darya today — no grades.</speak>',
      );

      const schedule = await ask('demo-guardian-2', query('schedule'), SUNDAY);
      expect(schedule.sections.map((s) => s.emptyReason)).toEqual(['day-off', 'day-off']);
      expect(renderAnswer(schedule, 'ru').text).toContain('Сегодня выходной — уроков нет.');
      expect(renderAnswer(schedule, 'en').speech).toContain("It's a day off for Artyom today — no lessons.");

      // "What is due on Saturday?", asked on Wednesday.
      const homework = await ask('demo-guardian-2', query('homework', { date: '2026-12-05' }), DEMO_NOW);
      expect(homework.sections.map((s) => s.emptyReason)).toEqual(['day-off', 'day-off']);
      expect(renderAnswer(homework, 'ru').speech).toContain(
        'У Артёма в субботу, 5 декабря, выходной — ничего не задано.',
      );
      expect(renderAnswer(homework, 'en').text).toContain("It's a day off on Saturday, December 5 — no homework.");
    });

    it('keeps "nothing yet" on a Saturday the class studies, and the other school\'s Saturdays change nothing for the demo', async () => {
      expect(await db.prisma.lesson.count({ where: { classId: SIX.classId, date: dbDay('2026-12-05') } })).toBe(2);

      const sixDay = await ask(SIX.parent, query('grades'), SATURDAY);
      expect(sixDay.sections).toHaveLength(1);
      expect(sixDay.sections[0].emptyReason).toBeUndefined();
      expect(renderAnswer(sixDay, 'ru').text).toContain('Сегодня оценок пока нет.');
      expect(renderAnswer(sixDay, 'ru').speech).toBe('У Марии сегодня оценок пока нет.');
      expect(renderAnswer(sixDay, 'en').text).toContain('No grades today yet.');
      expect(renderAnswer(sixDay, 'en').ssml).toBe('<speak>Mariya has no grades today yet.</speak>');

      const demo = await ask('demo-guardian-1', query('grades'), SATURDAY);
      expect(demo.sections[0].emptyReason).toBe('day-off');
      expect(renderAnswer(demo, 'ru').speech).toBe('У Марии сегодня выходной — оценок нет.');
      expect(renderAnswer(demo, 'en').speech).toBe("It's a day off for Mariya today — no grades.");

      // On its Sunday the six-day school is off too.
      expect((await ask(SIX.parent, query('grades'), SUNDAY)).sections[0].emptyReason).toBe('day-off');
    });

    it('says a class has no lessons of a subject rather than "nothing set", beside a child whose class has them', async () => {
      const artem = await childOf('demo-guardian-2', 'Артём');
      const darya = await childOf('demo-guardian-2', 'Дарья');
      const algebra = (classId: string) =>
        db.prisma.lesson.count({ where: { classId, subject: { name: 'Алгебра' }, deletedAt: null } });
      expect(await algebra(artem.classId)).toBe(0);
      expect(await algebra(darya.classId)).toBeGreaterThan(0);
      expect(await algebra(SIX.classId)).toBeGreaterThan(0);
      // Дарья's class has algebra, but none is due on Thursday.
      expect(
        await db.prisma.homework.count({
          where: { classId: darya.classId, dueDate: dbDay('2026-12-03'), subject: { name: 'Алгебра' } },
        }),
      ).toBe(0);

      const homework = await ask('demo-guardian-2', query('homework', { subject: 'Алгебра' }), DEMO_NOW);
      expect(homework.sections.map((s) => [s.student.id, s.emptyReason])).toEqual([
        [artem.id, 'subject-not-taught'],
        [darya.id, undefined],
      ]);
      const ru = renderAnswer(homework, 'ru');
      expect(ru.text).toBe(
        '<b>Задания на завтра</b>\n\n<b>Артём</b>, 5А\nВ расписании класса нет уроков по алгебре.\n\n<b>Дарья</b>, 9В\nЗавтра по алгебре ничего не задано.',
      );
      expect(ru.speech).toBe(
        'У Артёма в расписании нет уроков по алгебре. У Дарьи по алгебре на завтра ничего не задано.',
      );
      const en = renderAnswer(homework, 'en');
      expect(en.text).toContain('<b>Artyom</b>, 5А\nThere are no Algebra lessons in the class timetable.');
      expect(en.text).toContain('<b>Darya</b>, 9В\nNo homework in Algebra tomorrow.');
      expect(en.ssml).toBe(
        '<speak>Artyom has no Algebra lessons in the timetable. <break time="300ms"/> Darya has no homework in Algebra for tomorrow.</speak>',
      );

      const grades = await ask('demo-guardian-2', query('grades', { subject: 'Алгебра', child: 'Артём' }), DEMO_NOW);
      expect(grades.sections.map((s) => s.emptyReason)).toEqual(['subject-not-taught']);
      expect(renderAnswer(grades, 'ru').speech).toBe('У Артёма в расписании нет уроков по алгебре.');
      expect(renderAnswer(grades, 'en').text).toContain('There are no Algebra lessons in the class timetable.');
    });

    it("judges the other school's 5А by its own timetable, which has algebra", async () => {
      const answer = await ask(SIX.parent, query('homework', { subject: 'Алгебра' }), DEMO_NOW);
      expect(answer.sections[0].emptyReason).toBeUndefined();
      expect(renderAnswer(answer, 'ru').text).toContain('Завтра по алгебре ничего не задано.');
      expect(renderAnswer(answer, 'en').speech).toBe('Mariya has no homework in Algebra for tomorrow.');
    });

    it('claims nothing when the class has no lessons at all in the weeks around (a summer day)', async () => {
      const answer = await ask(
        'demo-guardian-2',
        query('homework', { subject: 'Алгебра', date: '2027-07-14', child: 'Артём' }),
        DEMO_NOW,
      );
      expect(answer.sections[0].homework).toEqual([]);
      expect(answer.sections[0].emptyReason).toBeUndefined();
      expect(renderAnswer(answer, 'ru').text).toContain('по алгебре ничего не задано.');
    });

    it('reads the timetable only for an empty answer that may have a reason', async () => {
      const full = await ask('demo-guardian-1', query('schedule'), DEMO_NOW);
      expect(full.sections[0].lessons.length).toBeGreaterThan(0);
      const tomorrow = await ask('demo-guardian-1', query('grades', { date: '2026-12-03' }), DEMO_NOW);
      expect(tomorrow.sections[0].grades).toEqual([]);
      expect(tomorrow.sections[0].emptyReason).toBeUndefined();
      expect(outlineReads).toBe(0);
      await ask('demo-guardian-1', query('grades', { date: '2026-12-03', subject: 'Алгебра' }), DEMO_NOW);
      expect(outlineReads).toBe(1);
    });

    it("leaves a teacher's view of a pupil worded plainly, and words the teacher's own free Sunday", async () => {
      const asPupil = await answers.answer(
        query('grades', { child: 'Мария' }),
        { personId: 'demo-teacher-tch-01' },
        SUNDAY,
      );
      if (asPupil.kind !== 'grades') throw new Error(asPupil.kind);
      expect(asPupil.sections.length).toBeGreaterThan(0);
      expect(asPupil.sections.every((s) => s.grades.length === 0 && s.emptyReason === undefined)).toBe(true);
      expect(outlineReads).toBe(0);

      const own = await answers.answer(query('schedule'), { personId: 'demo-teacher-tch-01' }, SUNDAY);
      if (own.kind !== 'teacher-schedule') throw new Error(own.kind);
      expect(own.dayOff).toBe(true);
      expect(renderAnswer(own, 'ru').speech).toBe('Сегодня выходной — уроков нет.');
      expect(renderAnswer(own, 'en').text).toBe("It's a day off today — no lessons.");
      const weekday = await answers.answer(
        query('schedule', { date: '2026-12-03' }),
        { personId: 'demo-teacher-tch-01' },
        DEMO_NOW,
      );
      if (weekday.kind !== 'teacher-schedule') throw new Error(weekday.kind);
      expect(weekday.dayOff).toBe(false);
    });

    it("outlines each student's own class only, without deleted lessons", async () => {
      const range = { from: '2026-11-16', to: '2026-12-13' };
      const days = async (classId: string) =>
        (
          await db.prisma.lesson.findMany({
            where: { classId, date: { gte: dbDay(range.from), lte: dbDay(range.to) }, deletedAt: null },
            distinct: ['date'],
            orderBy: { date: 'asc' },
            select: { date: true },
          })
        ).map((l) => l.date.toISOString().slice(0, 10));
      const [demo, six] = await diary.timetableOutlines(
        [{ classId: 'cls-5a' }, { classId: SIX.classId }],
        range,
        'Алгебра',
      );
      expect(demo).toEqual({ lessonDays: await days('cls-5a'), hasSubject: false });
      expect(six).toEqual({ lessonDays: await days(SIX.classId), hasSubject: true });
      expect(six.lessonDays).toContain('2026-12-05');

      await db.prisma.lesson.updateMany({
        where: { classId: SIX.classId, date: dbDay('2026-12-05') },
        data: { deletedAt: new Date() },
      });
      const [afterDelete] = await diary.timetableOutlines([{ classId: SIX.classId }], range, null);
      expect(afterDelete.lessonDays).not.toContain('2026-12-05');
      expect(afterDelete.hasSubject).toBe(false);
      await db.prisma.lesson.updateMany({
        where: { classId: SIX.classId, date: dbDay('2026-12-05') },
        data: { deletedAt: null },
      });
    });
  });
}
