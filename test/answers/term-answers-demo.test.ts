import { type AnswerService, createAnswerService, renderAnswer } from '../../core/answers';
import { BOT_TEXTS, mainMenu, menuData, parseAction, viewMenu } from '../../core/conversation';
import { renderView } from '../../core/conversation/menu-view';
import { parseTurn } from '../../core/nlu';
import { markFor, roundingOrDefault } from '../../core/terms';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createTermReader } from '../../prisma/stores/terms/term-reader';
import { createDemoDatabase, DEMO_NOW, DEMO_TZ, dbDay } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import { DATABASE_KINDS } from '../helpers/test-database';

// Term results over the demo school (Moscow quarters; demo today 2 December 2026, the 2nd quarter
// of 1 November–31 December, the 1st quarter's marks fixed), checked against what the database holds.

const Q2 = { from: '2026-11-01', to: '2026-12-31' };

for (const { kind, describe: d } of DATABASE_KINDS) {
  d(`term answers over the demo school (${kind})`, () => {
    let db: TestDatabase;
    let answers: AnswerService;
    const ask = (personId: string, text: string) => answers.ask(text, { personId, channel: 'test' }, DEMO_NOW);
    const childOf = async (personId: string) =>
      (await db.prisma.studentLink.findFirstOrThrow({ where: { personId }, include: { student: true } })).student;
    const logged = (studentId: string, intent: string) => db.prisma.accessLog.count({ where: { studentId, intent } });

    beforeAll(async () => {
      db = await createDemoDatabase(kind);
      answers = createAnswerService({
        ...createReadModel(db, DEMO_TZ),
        terms: createTermReader(db),
        defaultTimezone: DEMO_TZ,
      });
    });
    afterAll(() => db?.destroy());

    it("averages the current quarter's grades per subject by their weights, with the mark each rounds to, and logs the read", async () => {
      const child = await childOf('demo-guardian-1');
      const before = await logged(child.id, 'average');
      const { answer } = await ask('demo-guardian-1', 'что выходит за четверть?');
      if (answer.kind !== 'average') throw new Error(answer.kind);
      expect(answer.term).toMatchObject({ kind: 'quarter', number: 2, start: Q2.from, end: Q2.to });
      const names = new Map((await db.prisma.subject.findMany()).map((s) => [s.id, s.name]));
      const stored = (
        await db.prisma.grade.findMany({
          where: { studentId: child.id, deletedAt: null, date: { gte: dbDay(Q2.from), lte: dbDay(Q2.to) } },
        })
      ).map((g) => ({ ...g, subject: { name: names.get(g.subjectId) } }));
      expect(stored.length).toBeGreaterThan(0);
      const school = await db.prisma.school.findFirstOrThrow({ where: { classes: { some: { id: child.classId } } } });
      const rounding = roundingOrDefault(school.rounding);
      const [section] = answer.sections;
      expect(section.student.id).toBe(child.id);
      expect(section.subjects.map((s) => s.subject).sort()).toEqual(
        [...new Set(stored.map((g) => g.subject.name))].sort(),
      );
      for (const s of section.subjects) {
        const own = stored.filter((g) => g.subject.name === s.subject);
        const numeric = own.filter((g) => /^[1-5]$/.test(g.value));
        const weights = numeric.reduce((sum, g) => sum + g.weight, 0);
        const average = weights
          ? Math.round((numeric.reduce((sum, g) => sum + Number(g.value) * g.weight, 0) / weights) * 100) / 100
          : null;
        expect(s).toEqual({ subject: s.subject, average, count: own.length, mark: markFor(average, rounding) });
      }
      expect(await logged(child.id, 'average')).toBe(before + 1);
      expect(renderAnswer(answer, 'ru').text).toContain('Средний балл за 2-ю четверть');
    });

    it('follows an average question with «а по русскому?»', async () => {
      const first = await ask('demo-guardian-1', 'средний балл за четверть по алгебре');
      const turn = parseTurn('а по русскому?', { now: DEMO_NOW, tz: DEMO_TZ, previous: first.query });
      expect(turn.query).toMatchObject({ intent: 'average', subject: 'Русский язык', term: { kind: 'quarter' } });
      const { answer } = await answers.ask('а по русскому?', { personId: 'demo-guardian-1' }, DEMO_NOW, {
        previous: first.query,
      });
      if (answer.kind !== 'average') throw new Error(answer.kind);
      expect(answer.sections[0].subjects.every((s) => s.subject === 'Русский язык')).toBe(true);
    });

    it("shows the first quarter's fixed marks as stored, «н/а» and «осв.» as such", async () => {
      const child = await childOf('demo-guardian-1');
      const stored = await db.prisma.finalGrade.findMany({
        where: { studentId: child.id, deletedAt: null, period: { kind: 'quarter', start: dbDay('2026-09-01') } },
        include: { subject: true },
      });
      expect(stored.length).toBeGreaterThan(0);
      for (const text of ['итоговые оценки', 'оценки за прошлую четверть', 'какие оценки вышли за первую четверть']) {
        const { query, answer } = await ask('demo-guardian-1', text);
        expect(query.intent).toBe('final-grades');
        if (answer.kind !== 'final-grades') throw new Error(`${text}: ${answer.kind}`);
        const marks = answer.sections[0].marks;
        expect(marks.map((m) => `${m.subject}:${m.value}`).sort()).toEqual(
          stored.map((f) => `${f.subject.name}:${f.value}`).sort(),
        );
        expect(marks.every((m) => m.period.kind === 'quarter' && m.period.number === 1)).toBe(true);
      }
      // The year is not over: no year's marks yet.
      const year = await ask('demo-guardian-1', 'годовые оценки');
      if (year.answer.kind !== 'final-grades') throw new Error(year.answer.kind);
      expect(year.answer.sections[0].marks).toEqual([]);
    });

    it('says what is needed per subject, consistent with the average and the lessons left', async () => {
      const { answer } = await ask('demo-guardian-1', 'что нужно, чтобы вышла пятёрка по русскому?');
      if (answer.kind !== 'needed') throw new Error(answer.kind);
      const need = answer.sections[0].subjects;
      expect(need).toHaveLength(1);
      expect(need[0]).toMatchObject({ subject: 'Русский язык', target: '5' });
      const lessons = await db.prisma.lesson.count({
        where: {
          classId: (await childOf('demo-guardian-1')).classId,
          subject: { name: 'Русский язык' },
          deletedAt: null,
          cancelled: false,
          date: { gt: dbDay('2026-12-02'), lte: dbDay(Q2.to) },
        },
      });
      expect(need[0].lessonsLeft === null ? 0 : need[0].lessonsLeft).toBe(lessons);
      if (need[0].mark === '5') expect(need[0].outcome).toEqual({ kind: 'already' });
      else expect(need[0].outcome.kind).not.toBe('already');
    });

    it('names at most three weak topics, each below a five, with dates inside the quarter', async () => {
      const { answer } = await ask('demo-guardian-1', 'какие темы подтянуть?');
      if (answer.kind !== 'topics') throw new Error(answer.kind);
      const topics = answer.sections[0].topics;
      expect(topics.length).toBeLessThanOrEqual(3);
      for (const t of topics) {
        expect(t.average).toBeLessThan(4.5);
        expect(t.dates.every((day) => day >= Q2.from && day <= Q2.to)).toBe(true);
      }
      const averages = topics.map((t) => t.average);
      expect(averages).toEqual([...averages].sort((a, b) => a - b));
    });

    it('answers a period that does not exist plainly, and reads nothing', async () => {
      const child = await childOf('demo-guardian-1');
      const before = await logged(child.id, 'average');
      const { answer } = await ask('demo-guardian-1', 'средний балл за пятую четверть');
      expect(answer).toEqual({ kind: 'no-such-period', periodKind: 'quarter', number: 5 });
      expect(renderAnswer(answer, 'ru').text).toBe('В этом учебном году нет 5-й четверти.');
      expect(renderAnswer(answer, 'en').ssml).toBe('<speak>There is no 5th quarter this school year.</speak>');
      expect(await logged(child.id, 'average')).toBe(before);
    });

    it("refuses another family's child, named, and reads nothing of theirs", async () => {
      const other = await childOf('demo-guardian-2');
      const before = await logged(other.id, 'average');
      for (const text of [`средний балл у ${other.firstName}`, `итоговые оценки у ${other.firstName}`]) {
        expect((await ask('demo-guardian-1', text)).answer).toEqual({ kind: 'refused' });
      }
      expect(await logged(other.id, 'average')).toBe(before);
    });

    it("opens the results screen from the menu: averages so far, then the last finished period's marks", async () => {
      const data = menuData({ section: 'results', date: null, child: null });
      expect(
        mainMenu(BOT_TEXTS.ru)
          .flat()
          .map((b) => b.data),
      ).toContain(data);
      expect(
        mainMenu(BOT_TEXTS.en)
          .flat()
          .find((b) => b.data === data)?.label,
      ).toBe('Results');
      const action = parseAction(data);
      if (action?.kind !== 'menu') throw new Error(String(action?.kind));
      const view = await renderView(answers, { personId: 'demo-guardian-2' }, action.view, 'ru', DEMO_NOW);
      expect(view.shown).toBeNull();
      expect(view.children).toHaveLength(2);
      const averagesAt = view.html.indexOf('Средний балл за 2-ю четверть');
      const marksAt = view.html.indexOf('Итоговые оценки за 1-ю четверть');
      expect(averagesAt).toBeGreaterThan(-1);
      expect(marksAt).toBeGreaterThan(averagesAt);
      // One child picked: only that child's blocks, in both parts.
      const one = await renderView(
        answers,
        { personId: 'demo-guardian-2' },
        { ...action.view, child: 1 },
        'ru',
        DEMO_NOW,
      );
      expect(one.html.split(`<b>${view.children[1]}</b>`)).toHaveLength(3);
      expect(one.html).not.toContain(`<b>${view.children[0]}</b>`);
      // The section buttons of the screen carry no day, and the results button is among them.
      const menu = viewMenu(BOT_TEXTS.ru, action.view, null, view.children);
      expect(menu.days).toEqual([]);
      expect(menu.sections.map((b) => b.label)).toContain('· Итоги ·');
    });

    it("shows a teacher only the subjects the grants open: tch-05 sees a 7Б pupil's English alone", async () => {
      const pupil = await db.prisma.student.findFirstOrThrow({ where: { classId: 'cls-7b' }, orderBy: { id: 'asc' } });
      const { answer } = await ask('demo-teacher-tch-05', `средний балл у ${pupil.firstName} за четверть`);
      if (answer.kind !== 'average') throw new Error(answer.kind);
      const section = answer.sections.find((s) => s.student.id === pupil.id);
      expect(section?.subjects.map((s) => s.subject)).toEqual(['Английский язык']);
      const finals = await ask('demo-teacher-tch-05', `итоговые оценки у ${pupil.firstName}`);
      if (finals.answer.kind !== 'final-grades') throw new Error(finals.answer.kind);
      const marks = finals.answer.sections.find((s) => s.student.id === pupil.id)?.marks ?? [];
      expect(new Set(marks.map((m) => m.subject))).toEqual(new Set(['Английский язык']));
      expect(
        await db.prisma.accessLog.count({ where: { studentId: pupil.id, viewerRole: 'teacher', intent: 'average' } }),
      ).toBe(1);
    });
  });
}
