import type { TJournalEvent } from '../../core/ingest/event-schemas';
import subjectsFile from '../../core/nlu/subjects.json';
import { DEMO_NOW, generateDemoSchool } from '../../prisma/demo/demo-school';
import { addDays, BELLS, closingBalances, mondayOf, ofType, problems } from './demo-checks';

const TODAY = '2026-12-02'; // a Wednesday

describe('demo school', () => {
  const demo = generateDemoSchool({ today: TODAY });
  const { events } = demo;
  const lessons = ofType(events, 'lesson.upserted');
  const students = ofType(events, 'student.upserted');
  const grades = ofType(events, 'grade.upserted');
  const attendance = ofType(events, 'attendance.marked');
  const homework = ofType(events, 'homework.upserted');
  const canteen = ofType(events, 'canteen.transaction');

  it('is deterministic: the same today gives the same events, byte for byte', () => {
    const again = generateDemoSchool({ today: TODAY });
    expect(again).toEqual(demo);
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
  });

  it('has only valid events, each referring to ids defined earlier, with unique ids', () => {
    expect(problems(events)).toEqual([]);
  });

  it('puts the sections in dependency order', () => {
    const order = [
      'school.upserted',
      'period.upserted',
      'subject.upserted',
      'teacher.upserted',
      'class.upserted',
      'student.upserted',
      'lesson.upserted',
      'homework.upserted',
      'school_event.upserted',
      'announcement.published',
      'grade.upserted',
      'final_grade.upserted',
      'attendance.marked',
      'pass.recorded',
      'canteen.transaction',
    ];
    const ranks = events.map((e) => order.indexOf(e.type));
    expect(ranks.every((r, i) => r >= 0 && (i === 0 || r >= ranks[i - 1]))).toBe(true);
  });

  it('is one school in Moscow time with at least three classes of 25 pupils', () => {
    expect(ofType(events, 'school.upserted')).toEqual([
      { schoolId: 'demo-school', name: 'Школа № 1357', timezone: 'Europe/Moscow' },
    ]);
    const classes = ofType(events, 'class.upserted');
    expect(classes.length).toBeGreaterThanOrEqual(3);
    expect(students.length).toBeGreaterThanOrEqual(75);
    for (const c of classes) expect(students.filter((s) => s.classId === c.classId)).toHaveLength(25);
    expect(students[0].studentId).toMatch(/^stu-\d+[a-z]-\d{2}$/);
  });

  it('uses canonical subject names only', () => {
    const canonical = new Set(subjectsFile.subjects);
    for (const s of ofType(events, 'subject.upserted')) expect(canonical.has(s.name)).toBe(true);
  });

  it('gives pupils Russian names whose surname and patronymic agree with each other', () => {
    for (const s of students) {
      const female = /(вна|чна)$/.test(s.middleName ?? '');
      const male = /(вич|ич)$/.test(s.middleName ?? '');
      expect(female || male).toBe(true);
      if (female) expect(s.lastName).not.toMatch(/(ов|ев|ёв|ин|ский|цкий|ой)$/);
      if (male) expect(s.lastName).not.toMatch(/(ова|ева|ёва|ина|ская|цкая|ая)$/);
    }
    expect(students.filter((s) => /(вна|чна)$/.test(s.middleName ?? '')).length).toBeGreaterThan(40);
  });

  it('covers every school day from Monday of the previous week to Friday of the next, for every class', () => {
    const monday = mondayOf(TODAY);
    const dates = [...new Set(lessons.map((l) => l.date))].sort();
    expect(dates[0] <= addDays(monday, -7)).toBe(true);
    expect(dates[dates.length - 1] >= addDays(monday, 11)).toBe(true);
    for (let d = addDays(monday, -7); d <= addDays(monday, 13); d = addDays(d, 1)) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      for (const c of ofType(events, 'class.upserted')) {
        const count = lessons.filter((l) => l.date === d && l.classId === c.classId).length;
        if (weekday === 0 || weekday === 6) expect(count).toBe(0);
        else expect(count >= 5 && count <= 7).toBe(true);
      }
    }
  });

  it('keeps to the bells and never puts a teacher in two classes at once', () => {
    for (const l of lessons) expect(BELLS).toContain(`${l.start}-${l.end}`);
    const slots = lessons.map((l) => `${l.teacherId} ${l.date} ${l.start}`);
    expect(new Set(slots).size).toBe(slots.length);
  });

  it('announces next week: two school events (one online, one for the younger classes), tests with their topics, a parents’ meeting', () => {
    const news = events.filter((e) => e.type === 'school_event.upserted' || e.type === 'announcement.published');
    const schoolEvents = news.flatMap((e) => (e.type === 'school_event.upserted' ? [e.data] : []));
    expect(schoolEvents).toHaveLength(2);
    expect(schoolEvents.every((e) => e.date > TODAY)).toBe(true);
    expect(schoolEvents.some((e) => e.onlineUrl?.startsWith('https://'))).toBe(true);
    expect(schoolEvents.some((e) => (e.classIds ?? []).length > 0)).toBe(true);
    expect(news.filter((e) => e.type === 'announcement.published')).toHaveLength(1);
    const nextWeek = lessons.filter((l) => l.isTest && l.date > TODAY && !l.cancelled);
    expect(nextWeek.length).toBeGreaterThanOrEqual(2);
    expect(nextWeek.every((l) => l.topic)).toBe(true);
  });

  it('writes up past lessons and leaves later ones planned', () => {
    const byLesson = new Map<string, number>();
    for (const a of attendance) byLesson.set(a.lessonId, (byLesson.get(a.lessonId) ?? 0) + 1);
    for (const l of lessons) {
      const held = !l.cancelled && (l.date < TODAY || (l.date === TODAY && l.end <= DEMO_NOW));
      if (held) {
        expect(l.topic).toBeTruthy();
        expect(byLesson.get(l.lessonId)).toBe(25);
      } else {
        // A test is announced with what it covers; other lessons get their topic when written up.
        expect(l.topic === undefined || (l.isTest === true && /: /.test(l.topic ?? ''))).toBe(true);
        expect(byLesson.has(l.lessonId)).toBe(false);
      }
    }
    expect(lessons.some((l) => l.date === TODAY && l.topic)).toBe(true);
    expect(lessons.some((l) => l.date === TODAY && !l.topic)).toBe(true);
  });

  it('has tests (past and future), one or two cancelled lessons and an online one', () => {
    const tests = lessons.filter((l) => l.isTest);
    expect(tests.some((l) => l.date < TODAY)).toBe(true);
    expect(tests.some((l) => l.date > TODAY)).toBe(true);
    const cancelled = lessons.filter((l) => l.cancelled);
    expect(cancelled.length >= 1 && cancelled.length <= 2).toBe(true);
    const online = lessons.filter((l) => l.onlineUrl);
    expect(online.length).toBeGreaterThanOrEqual(1);
    for (const l of online) expect(l.onlineUrl).toMatch(/^https:\/\//);
    const gradedLessons = new Set(grades.map((g) => g.lessonId));
    for (const l of cancelled) expect(gradedLessons.has(l.lessonId)).toBe(false);
  });

  it('grades like a real journal: mostly 3–5, heavier for tests, with work types', () => {
    expect(grades.length).toBeGreaterThan(1000);
    const marks = grades.filter((g) => /^[1-5]$/.test(g.value));
    expect(marks.filter((g) => g.value >= '3').length / marks.length).toBeGreaterThan(0.85);
    expect(marks.some((g) => g.value === '5') && marks.some((g) => g.value === '2')).toBe(true);
    const testLessons = new Set(lessons.filter((l) => l.isTest).map((l) => l.lessonId));
    for (const g of grades) {
      expect(g.workType).toBeTruthy();
      if (testLessons.has(g.lessonId!)) expect(g.weight! >= 2 && g.weight! <= 3).toBe(true);
      else expect(g.weight! >= 1 && g.weight! <= 2).toBe(true);
    }
    const types = new Set(grades.map((g) => g.workType));
    for (const t of ['Ответ на уроке', 'Домашняя работа', 'Контрольная работа']) expect(types.has(t)).toBe(true);
    expect(grades.some((g) => g.comment)).toBe(true);
    const absent = new Set(attendance.filter((a) => a.status === 'absent').map((a) => `${a.lessonId} ${a.studentId}`));
    for (const g of grades) expect(absent.has(`${g.lessonId} ${g.studentId}`)).toBe(false);
  });

  it('marks most pupils present, some absent for illness and some late', () => {
    const absent = attendance.filter((a) => a.status === 'absent');
    expect(absent.length / attendance.length).toBeLessThan(0.1);
    expect(absent.some((a) => a.reason === 'болезнь')).toBe(true);
    expect(attendance.some((a) => a.status === 'late')).toBe(true);
  });

  it('sets homework due at the next lesson of the same subject', () => {
    expect(homework.length).toBeGreaterThan(200);
    const lastDate = lessons[lessons.length - 1].date;
    for (const h of homework) {
      const setAt = lessons.find((l) => l.lessonId === h.lessonId)!;
      const later = lessons
        .filter((l) => l.classId === h.classId && l.subjectId === h.subjectId && l.date > setAt.date)
        .map((l) => l.date)
        .sort();
      if (h.dueDate <= lastDate) expect(later[0]).toBe(h.dueDate);
      expect(h.text.length).toBeGreaterThan(5);
    }
    // Tomorrow's homework is there for a parent asking in the evening.
    expect(homework.some((h) => h.dueDate === addDays(TODAY, 1))).toBe(true);
  });

  it('keeps every canteen balance the running sum of its amounts, some of them low', () => {
    const { broken, closing } = closingBalances(events);
    expect(broken).toEqual([]);
    expect(closing.size).toBe(students.length);
    for (const t of canteen) {
      if (t.amountKopecks < 0) expect(t.amountKopecks >= -35_000 && t.amountKopecks <= -15_000).toBe(true);
      expect(t.at <= `${TODAY}T${DEMO_NOW}:00+03:00`).toBe(true);
    }
    expect(canteen.some((t) => t.amountKopecks > 0 && t.description?.startsWith('Пополнение'))).toBe(true);
    expect([...closing.values()].filter((b) => b < 30_000).length).toBeGreaterThanOrEqual(1);
  });

  it('offers playground people: guardians (one with children in two classes), pupils and teachers', () => {
    const { people } = demo;
    const studentIds = new Set(students.map((s) => s.studentId));
    const classOf = new Map(students.map((s) => [s.studentId, s.classId]));
    expect(new Set(people.map((p) => p.key)).size).toBe(people.length);
    for (const p of people) for (const id of p.studentIds) expect(studentIds.has(id)).toBe(true);
    const guardians = people.filter((p) => p.role === 'guardian');
    expect(guardians.length).toBeGreaterThanOrEqual(3);
    expect(guardians.some((g) => new Set(g.studentIds.map((id) => classOf.get(id))).size >= 2)).toBe(true);
    expect(guardians[0]).toMatchObject({ key: 'guardian-1', displayName: 'Ольга Иванова (мама Маши, 5А)' });
    expect(
      people
        .filter((p) => p.role === 'student')
        .every((p) => p.studentIds.length === 1 && p.key === `student-${p.studentIds[0].slice(4)}`),
    ).toBe(true);
    const teacherIds = new Set(ofType(events, 'teacher.upserted').map((t) => t.teacherId));
    const teachers = people.filter((p) => p.role === 'teacher');
    expect(teachers.length).toBeGreaterThanOrEqual(2);
    const classes = ofType(events, 'class.upserted');
    for (const t of teachers) {
      expect(t.key).toBe(`teacher-${t.teacherId}`);
      expect(teacherIds.has(t.teacherId!)).toBe(true);
      // "классный руководитель 5А" in the playground is what the journal says of the class.
      const homeroom = classes.filter((c) => c.homeroomTeacherId === t.teacherId).map((c) => c.name);
      if (homeroom.length > 0) expect(t.displayName).toContain(`классный руководитель ${homeroom.join(', ')}`);
      else expect(t.displayName).not.toContain('классный руководитель');
    }
    expect(classes.every((c) => c.homeroomTeacherId && teacherIds.has(c.homeroomTeacherId))).toBe(true);
    // guardian-1's daughter is the pupil whose parents pay for one lunch at a time.
    const { closing } = closingBalances(events);
    expect(closing.get(guardians[0].studentIds[0])!).toBeLessThan(30_000);
  });

  it('shifts with today, and a past day reads the same from a later today', () => {
    const later = generateDemoSchool({ today: addDays(TODAY, 7) });
    const dates = (list: TJournalEvent[]) =>
      ofType(list, 'lesson.upserted')
        .map((l) => l.date)
        .sort();
    expect(dates(later.events)[0]).toBe(addDays(dates(events)[0], 7));
    expect(dates(later.events).at(-1)).toBe(addDays(dates(events).at(-1)!, 7));
    expect(ofType(later.events, 'student.upserted')).toEqual(students);
    // Yesterday's grades and canteen purchases do not depend on the day the demo was made.
    const yesterday = addDays(TODAY, -1);
    const pick = (list: TJournalEvent[]) =>
      list.filter(
        (e) =>
          (e.type === 'grade.upserted' && e.data.date === yesterday) ||
          (e.type === 'canteen.transaction' && e.data.at.startsWith(yesterday)),
      );
    expect(pick(events).length).toBeGreaterThan(0);
    expect(pick(later.events)).toEqual(pick(events));
    expect(later.people).toEqual(demo.people);
  });

  it.each(['2026-12-05', '2026-12-07', '2026-09-03', '2026-07-15', '2027-01-01', '2024-02-29'])(
    'stays valid and consistent for today = %s',
    (today) => {
      const other = generateDemoSchool({ today }).events;
      expect(problems(other)).toEqual([]);
      const otherLessons = ofType(other, 'lesson.upserted');
      expect(otherLessons.filter((l) => l.cancelled).length).toBe(2);
      expect(otherLessons.filter((l) => l.onlineUrl).length).toBe(1);
      expect(closingBalances(other).broken).toEqual([]);
      expect(other.length).toBeLessThanOrEqual(40_000);
    },
  );

  it('refuses a date that is not one', () => {
    expect(() => generateDemoSchool({ today: '2026-02-30' })).toThrow();
    expect(() => generateDemoSchool({ today: '02.12.2026' })).toThrow();
  });

  // Its size, not a stopwatch: a timed test fails on a busy machine, whatever the code does.
  it('stays moderate in size, on any day', () => {
    expect(generateDemoSchool({ today: addDays(TODAY, 1) }).events.length).toBeLessThanOrEqual(40_000);
    expect(events.length).toBeLessThanOrEqual(40_000);
    expect(canteen.length).toBeGreaterThan(students.length * 5);
  });
});
