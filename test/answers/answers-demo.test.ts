import { type AnswerService, createAnswerService, renderAnswer, type TAnswer } from '../../core/answers';
import { loadDemoPeople } from '../../prisma/demo/load-demo-people';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createDemoDatabase, DEMO_NOW, DEMO_TODAY, DEMO_TZ, dbDay } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import { DATABASE_KINDS } from '../helpers/test-database';

// Answers over the demo school, checked against what the database holds.

for (const { kind, describe: d } of DATABASE_KINDS) {
  d(`answers over the demo school (${kind})`, () => {
    let db: TestDatabase;
    let answers: AnswerService;
    const ask = (personId: string, text: string) => answers.ask(text, { personId }, DEMO_NOW);
    const linked = async (personId: string) =>
      (
        await db.prisma.studentLink.findMany({
          where: { personId },
          include: { student: true },
          orderBy: { createdAt: 'asc' },
        })
      ).map((l) => l.student);

    beforeAll(async () => {
      db = await createDemoDatabase(kind);
      answers = createAnswerService({ ...createReadModel(db, DEMO_TZ), defaultTimezone: DEMO_TZ });
    });
    afterAll(() => db?.destroy());

    it('creates the demo people with stable ids, links and consent, idempotently', async () => {
      await loadDemoPeople(db.prisma);
      const person = await db.prisma.person.findUnique({
        where: { id: 'demo-guardian-1' },
        include: { studentLinks: true, consents: true },
      });
      expect(person?.studentLinks.map((l) => l.role)).toEqual(['guardian']);
      expect(person?.consents).toHaveLength(1);
      expect(person?.consents[0].channel).toBe('playground');
      expect(
        await db.prisma.teacherLink.count({ where: { personId: { startsWith: 'demo-teacher-' } } }),
      ).toBeGreaterThan(0);
    });

    it("today's grades of a guardian's child are the ones stored, with the weighted average", async () => {
      const [child] = await linked('demo-guardian-1');
      const stored = await db.prisma.grade.findMany({
        where: { studentId: child.id, date: dbDay(DEMO_TODAY), deletedAt: null },
      });
      expect(stored.length).toBeGreaterThan(0);
      const { query, answer } = await ask('demo-guardian-1', 'оценки сегодня');
      expect(query.intent).toBe('grades');
      if (answer.kind !== 'grades') throw new Error(answer.kind);
      expect(answer.sections).toHaveLength(1);
      const [section] = answer.sections;
      expect(section.student.id).toBe(child.id);
      expect(section.grades.map((g) => g.id).sort()).toEqual(stored.map((g) => g.id).sort());
      const numeric = stored.filter((g) => /^[1-5]$/.test(g.value));
      const expected = numeric.length
        ? numeric.reduce((s, g) => s + Number(g.value) * g.weight, 0) / numeric.reduce((s, g) => s + g.weight, 0)
        : null;
      expect(section.average).toBeCloseTo(expected ?? NaN, 2);
      const { text } = renderAnswer(answer, 'ru');
      for (const g of stored) expect(text).toContain(`<b>${g.value}</b>`);
    });

    it('leaves out deleted grades', async () => {
      const [child] = await linked('demo-guardian-3');
      const grades = await db.prisma.grade.findMany({
        where: { studentId: child.id, deletedAt: null },
        orderBy: { date: 'desc' },
        take: 1,
      });
      const day = grades[0].date.toISOString().slice(0, 10);
      await db.prisma.grade.update({ where: { id: grades[0].id }, data: { deletedAt: new Date() } });
      const answer = await answers.answer(
        { intent: 'grades', date: day, dateTo: null, subject: null, child: null },
        { personId: 'demo-guardian-3' },
        DEMO_NOW,
      );
      if (answer.kind !== 'grades') throw new Error(answer.kind);
      expect(answer.sections[0].grades.map((g) => g.id)).not.toContain(grades[0].id);
      await db.prisma.grade.update({ where: { id: grades[0].id }, data: { deletedAt: null } });
    });

    it('answers for both children when no name is given, and for one when named', async () => {
      const children = await linked('demo-guardian-2');
      expect(children).toHaveLength(2);
      const both = await ask('demo-guardian-2', 'оценки сегодня');
      if (both.answer.kind !== 'grades') throw new Error(both.answer.kind);
      expect(both.answer.sections.map((s) => s.student.id)).toEqual(children.map((c) => c.id));

      const dasha = children.find((c) => c.firstName === 'Дарья')!;
      const one = await ask('demo-guardian-2', 'что задали Даше на завтра');
      if (one.answer.kind !== 'homework') throw new Error(one.answer.kind);
      expect(one.answer.sections.map((s) => s.student.id)).toEqual([dasha.id]);
      const stored = await db.prisma.homework.findMany({
        where: { classId: dasha.classId, dueDate: dbDay('2026-12-03'), deletedAt: null },
      });
      expect(stored.length).toBeGreaterThan(0);
      expect(one.answer.sections[0].homework.map((h) => h.id).sort()).toEqual(stored.map((h) => h.id).sort());
    });

    it('refuses a child who is not theirs and reveals nothing: the same reply for a pupil of the school and a made-up name', async () => {
      expect((await linked('demo-guardian-2')).some((c) => c.firstName === 'Дарья')).toBe(true);
      expect(await db.prisma.student.count({ where: { firstName: { in: ['Зинаида', 'Зина'] } } })).toBe(0);
      const real = await ask('demo-guardian-1', 'оценки у Дарьи сегодня');
      const madeUp = await ask('demo-guardian-1', 'оценки у Зинаиды сегодня');
      expect(real.answer).toEqual({ kind: 'refused' });
      expect(madeUp.answer).toEqual(real.answer);
      expect(renderAnswer(real.answer, 'ru')).toEqual(renderAnswer(madeUp.answer, 'ru'));
      expect(renderAnswer(real.answer, 'ru').text).not.toMatch(/Дарь/);
    });

    it('lets a student see only themselves', async () => {
      const student = await db.prisma.person.findFirst({
        where: { id: { startsWith: 'demo-student-' } },
        include: { studentLinks: { include: { student: true } } },
      });
      const self = student!.studentLinks[0].student;
      const mine = await ask(student!.id, 'расписание на завтра');
      if (mine.answer.kind !== 'schedule') throw new Error(mine.answer.kind);
      expect(mine.answer.sections.map((s) => s.student.id)).toEqual([self.id]);
      const lessons = await db.prisma.lesson.count({
        where: { classId: self.classId, date: dbDay('2026-12-03'), deletedAt: null },
      });
      expect(mine.answer.sections[0].lessons).toHaveLength(lessons);
      expect((await ask(student!.id, 'оценки у Маши')).answer).toEqual({ kind: 'refused' });
    });

    it('gives a teacher their own lessons of the day', async () => {
      const link = await db.prisma.teacherLink.findFirstOrThrow({ where: { personId: 'demo-teacher-tch-01' } });
      const stored = await db.prisma.lesson.findMany({
        where: { teacherId: link.teacherId, date: dbDay(DEMO_TODAY), deletedAt: null },
        orderBy: { start: 'asc' },
      });
      const { answer } = await ask('demo-teacher-tch-01', 'расписание');
      if (answer.kind !== 'teacher-schedule') throw new Error(answer.kind);
      expect(answer.lessons.map((l) => l.id)).toEqual(stored.map((l) => l.id));
      expect(answer.lessons.map((l) => l.start)).toEqual(stored.map((l) => l.start));
    });

    it("lets a teacher look at their own pupils' grades, but not at pupils of other classes nor at canteen money", async () => {
      const link = await db.prisma.teacherLink.findFirstOrThrow({ where: { personId: 'demo-teacher-tch-01' } });
      const classIds = (
        await db.prisma.lesson.findMany({
          where: { teacherId: link.teacherId },
          distinct: ['classId'],
          select: { classId: true },
        })
      ).map((c) => c.classId);
      const pupil = await db.prisma.student.findFirstOrThrow({
        where: { classId: { in: classIds }, firstName: 'Мария' },
      });
      const { answer } = await ask('demo-teacher-tch-01', 'оценки Марии сегодня');
      if (answer.kind !== 'grades') throw new Error(answer.kind);
      expect(answer.sections.map((s) => s.student.id)).toContain(pupil.id);
      const shown = await db.prisma.student.findMany({
        where: { id: { in: answer.sections.map((s) => s.student.id) } },
      });
      expect(shown.every((s) => classIds.includes(s.classId))).toBe(true);
      const elsewhere = await db.prisma.student.findFirstOrThrow({
        where: { classId: { notIn: classIds } },
        orderBy: { id: 'asc' },
      });
      const namesakes = await db.prisma.student.count({
        where: { firstName: elsewhere.firstName, classId: { in: classIds } },
      });
      if (namesakes === 0)
        expect((await ask('demo-teacher-tch-01', `оценки ${elsewhere.firstName}`)).answer).toEqual({ kind: 'refused' });
      expect((await ask('demo-teacher-tch-01', 'сколько денег на карте у Марии')).answer).toEqual({ kind: 'refused' });
    });

    it("shows a demo teacher their own subjects of a pupil, and their homeroom class's every subject", async () => {
      const week = { intent: 'grades' as const, date: '2026-11-23', dateTo: DEMO_TODAY, subject: null };
      const subjectsOf = async (personId: string, pupil: { firstName: string; id: string }) => {
        const answer = await answers.answer({ ...week, child: pupil.firstName }, { personId }, DEMO_NOW);
        if (answer.kind !== 'grades') throw new Error(answer.kind);
        const section = answer.sections.find((s) => s.student.id === pupil.id);
        return new Set(section?.grades.map((g) => g.subject));
      };
      const in5a = await db.prisma.student.findFirstOrThrow({ where: { classId: 'cls-5a' }, orderBy: { id: 'asc' } });
      const in7b = await db.prisma.student.findFirstOrThrow({ where: { classId: 'cls-7b' }, orderBy: { id: 'asc' } });
      // tch-05 teaches English in every class and is no class's teacher.
      expect(await subjectsOf('demo-teacher-tch-05', in7b)).toEqual(new Set(['Английский язык']));
      // tch-01 teaches Russian and literature in 5А and 7Б, and is 5А's class teacher.
      expect(
        [...(await subjectsOf('demo-teacher-tch-01', in7b))].every((s) => ['Русский язык', 'Литература'].includes(s)),
      ).toBe(true);
      expect((await subjectsOf('demo-teacher-tch-01', in5a)).size).toBeGreaterThan(2);
    });

    it('reports the canteen balance stored for the child', async () => {
      const [child] = await linked('demo-guardian-1');
      const balance = await db.prisma.canteenBalance.findUniqueOrThrow({ where: { studentId: child.id } });
      const { answer } = await ask('demo-guardian-1', 'сколько денег на карте');
      if (answer.kind !== 'balance') throw new Error(answer.kind);
      expect(answer.sections[0].canteen.balanceKopecks).toBe(balance.balanceKopecks);
      expect(answer.sections[0].canteen.recent.length).toBeGreaterThan(0);
    });

    it('says there are no grades yet on a school day without any, and lessons are in school time with teacher names', async () => {
      const { answer } = await ask('demo-guardian-1', 'оценки послезавтра');
      if (answer.kind !== 'grades') throw new Error(answer.kind);
      expect(answer.sections[0].grades).toEqual([]);
      expect(renderAnswer(answer, 'ru').speech).toMatch(/оценок пока нет/);
      const schedule = await ask('demo-guardian-1', 'расписание');
      if (schedule.answer.kind !== 'schedule') throw new Error(schedule.answer.kind);
      expect(schedule.answer.sections[0].lessons[0].start).toMatch(/^\d\d:\d\d$/);
      expect(schedule.answer.sections[0].lessons[0].teacherName).toMatch(/^\S+ \S\. \S\.$/);
    });

    it("names the rooms of a pupil's day in English: numbers as rooms, the gym and the workshop by their names", async () => {
      // Friday has PE (the gym) and Thursday technology (the workshop) in 5А.
      for (const [day, place, english] of [
        ['2026-12-04', 'Спортзал', 'gym'],
        ['2026-12-03', 'Мастерская', 'workshop'],
      ]) {
        const stored = await db.prisma.lesson.findMany({
          where: { classId: 'cls-5a', date: dbDay(day), deletedAt: null },
          select: { room: true },
        });
        expect(stored.map((l) => l.room)).toContain(place);
        const answer = await answers.answer(
          { intent: 'schedule', date: day, dateTo: null, subject: null, child: null },
          { personId: 'demo-guardian-1' },
          DEMO_NOW,
        );
        const en = renderAnswer(answer, 'en').text;
        expect(en).toContain(` · ${english} · `);
        expect(en).not.toContain(place);
        for (const { room } of stored) if (room && /^\d+$/.test(room)) expect(en).toContain(` · room ${room} · `);
        const ru = renderAnswer(answer, 'ru').text;
        expect(ru).toContain(` · ${place} · `);
        expect(ru).not.toContain(`каб. ${place}`);
      }
    });

    it('turns help, unknown, actions and unknown people into structured answers', async () => {
      const kinds = async (personId: string, text: string): Promise<TAnswer> => (await ask(personId, text)).answer;
      expect((await kinds('demo-guardian-1', 'помощь')).kind).toBe('help');
      expect((await kinds('demo-guardian-1', 'какая погода на марсе')).kind).toBe('unknown');
      expect(await kinds('demo-guardian-1', 'подпиши меня на оценки')).toMatchObject({
        kind: 'action',
        action: 'subscribe',
      });
      expect(await kinds('demo-guardian-1', 'забудь меня')).toMatchObject({ kind: 'action', action: 'forget' });
      expect((await kinds('nobody-at-all', 'оценки')).kind).toBe('no-person');
    });
  });
}
