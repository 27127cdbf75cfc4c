import type { TAccessEntry } from '../../core/access';
import { ingestBatch } from '../../core/ingest';
import { DEFAULT_ROUNDING, defaultPeriods, type TermReader, type TTermRequest } from '../../core/terms';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { createTermReader } from '../../prisma/stores/terms/term-reader';
import { event, type TRawEvent } from '../helpers/journal-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// The term-results read port over both databases: a school's periods (or the defaults) and
// rounding, and for a family's children their grades with the lessons' topics, final grades and
// the lessons left — every read of a pupil's data with its access-log entries, in the same statement.

const TODAY = '2026-12-02';
const Q1 = { start: '2026-09-01', end: '2026-10-26' };
const Q2 = { start: '2026-11-05', end: '2026-12-28' };

function lesson(id: string, date: string, subject: 'math' | 'phys', extra: Record<string, unknown> = {}): TRawEvent {
  return event('lesson.upserted', {
    lessonId: id,
    classId: 's-5a',
    subjectId: `s-${subject}`,
    teacherId: subject === 'math' ? 's-t1' : 's-t2',
    date,
    start: '09:00',
    end: '09:45',
    ...extra,
  });
}

function grade(id: string, studentId: string, date: string, subject: string, value: string, extra = {}): TRawEvent {
  return event('grade.upserted', { gradeId: id, studentId, subjectId: `s-${subject}`, date, value, ...extra });
}

const finalGrade = (id: string, studentId: string, subject: string, periodId: string, value: string) =>
  event('final_grade.upserted', { finalGradeId: id, studentId, subjectId: `s-${subject}`, periodId, value });

const period = (periodId: string, kind: string, dates: { start: string; end: string }) =>
  event('period.upserted', { schoolId: 's', periodId, name: `${kind} ${periodId}`, kind, ...dates });

const WORLD: TRawEvent[] = [
  event('school.upserted', {
    schoolId: 's',
    name: 'Школа № 5',
    settings: { rounding: { 5: 4.6, 4: 3.6, 3: 2.6 } },
  }),
  event('school.upserted', { schoolId: 'other', name: 'Школа № 6' }),
  event('class.upserted', { schoolId: 's', classId: 's-5a', name: '5А' }),
  event('class.upserted', { schoolId: 's', classId: 's-6b', name: '6Б' }),
  event('subject.upserted', { schoolId: 's', subjectId: 's-math', name: 'Математика' }),
  event('subject.upserted', { schoolId: 's', subjectId: 's-phys', name: 'Физика' }),
  event('teacher.upserted', { schoolId: 's', teacherId: 's-t1', lastName: 'Петрова', firstName: 'Анна' }),
  event('teacher.upserted', { schoolId: 's', teacherId: 's-t2', lastName: 'Орлов', firstName: 'Иван' }),
  event('student.upserted', {
    schoolId: 's',
    studentId: 's-st1',
    classId: 's-5a',
    lastName: 'Иванова',
    firstName: 'Маша',
  }),
  event('student.upserted', {
    schoolId: 's',
    studentId: 's-st2',
    classId: 's-6b',
    lastName: 'Иванов',
    firstName: 'Петя',
  }),
  // Sent in no particular order: the reader numbers them by start.
  period('q2', 'quarter', Q2),
  period('q1', 'quarter', Q1),
  period('y', 'year', { start: '2026-09-01', end: '2027-05-31' }),
  period('gone', 'half', { start: '2026-09-01', end: '2026-12-28' }),
  // Held lessons of the 2nd quarter, and a removed one.
  lesson('l1', '2026-11-10', 'math', { topic: 'Дроби' }),
  lesson('l2', '2026-11-11', 'phys', { topic: 'Сила' }),
  lesson('l3', '2026-11-12', 'math', { topic: 'Удалённый урок' }),
  // Still ahead: two maths lessons and one physics lesson left in the quarter.
  lesson('f1', '2026-12-03', 'math'),
  lesson('f2', '2026-12-04', 'math'),
  lesson('f3', '2026-12-05', 'phys'),
  lesson('f4', '2026-12-10', 'math', { cancelled: true }),
  lesson('f5', '2026-12-07', 'math'),
  lesson('f6', '2026-12-29', 'math'),
  lesson('f7', TODAY, 'math'),
  grade('g1', 's-st1', '2026-11-10', 'math', '5', { weight: 2, lessonId: 'l1', workType: 'Контрольная работа' }),
  grade('g2', 's-st1', '2026-11-11', 'phys', '3'),
  grade('g3', 's-st1', '2026-11-12', 'math', '4', { lessonId: 'l3' }),
  grade('g4', 's-st1', '2026-10-01', 'math', '2'),
  grade('g5', 's-st1', '2026-11-20', 'math', '2'),
  grade('g6', 's-st2', '2026-10-10', 'math', '5', { comment: 'Молодец' }),
  grade('g7', 's-st2', '2026-11-15', 'math', '3'),
  // A pass counts as a grade, not in an average.
  grade('g8', 's-st1', '2026-11-13', 'phys', 'зачёт', { lessonId: 'l2' }),
  finalGrade('fg1', 's-st1', 'phys', 'q1', 'осв.'),
  finalGrade('fg2', 's-st1', 'math', 'q1', '4'),
  finalGrade('fg3', 's-st1', 'math', 'gone', '4'),
  finalGrade('fg4', 's-st1', 'math', 'y', '5'),
  finalGrade('fg5', 's-st2', 'math', 'q1', '5'),
  event('lesson.deleted', { lessonId: 'l3' }),
  event('lesson.deleted', { lessonId: 'f5' }),
  event('grade.deleted', { gradeId: 'g5' }),
  event('final_grade.deleted', { finalGradeId: 'fg4' }),
  event('period.deleted', { periodId: 'gone' }),
];

const entry = (studentId: string): TAccessEntry => ({
  viewerId: 'person-1',
  studentId,
  channel: 'telegram',
  intent: 'term',
  viewerRole: 'guardian',
  at: new Date('2026-12-02T10:00:00Z'),
});

const masha: TTermRequest = {
  studentId: 's-st1',
  classId: 's-5a',
  range: { from: Q2.start, to: Q2.end },
  today: TODAY,
  periodIds: ['q1', 'y', 'gone'],
};
const petya: TTermRequest = {
  studentId: 's-st2',
  classId: 's-6b',
  range: { from: Q1.start, to: Q1.end },
  today: TODAY,
  periodIds: ['q1'],
};
const ALL = { grades: true, subjects: true, topics: true, finalGrades: true, lessonsLeft: true };
const bySubject = (tallies: { subject: string }[]) => [...tallies].sort((a, b) => a.subject.localeCompare(b.subject));

for (const { kind, describe } of DATABASE_KINDS) {
  describe(`the term reader (${kind})`, () => {
    let db: TestDatabase;
    let reader: TermReader;
    const logged = async () =>
      (
        await db.sql.query<{ studentId: string; intent: string; viewerRole: string }>(
          `SELECT "studentId", intent, "viewerRole" FROM "AccessLog" ORDER BY id`,
        )
      ).map((r) => [r.studentId, r.intent, r.viewerRole]);

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      await ingestBatch(
        createIngestStore(db),
        { events: WORLD },
        { defaultTimezone: 'Europe/Moscow', withOutbox: false },
      );
      reader = createTermReader(db);
    });
    beforeEach(async () => {
      await db.sql.query(`DELETE FROM "AccessLog"`);
    });
    afterAll(async () => {
      await db.destroy();
    });

    test("a school's own periods of the school year, numbered by start, with its rounding; no access-log entry", async () => {
      const [own] = await reader.schoolTerms([{ schoolId: 's', day: TODAY }]);
      expect(own.fromSchool).toBe(true);
      expect(own.rounding).toEqual({ 5: 4.6, 4: 3.6, 3: 2.6 });
      expect(own.periods).toEqual([
        { id: 'q1', kind: 'quarter', number: 1, name: 'quarter q1', ...Q1 },
        { id: 'q2', kind: 'quarter', number: 2, name: 'quarter q2', ...Q2 },
        { id: 'y', kind: 'year', number: 1, name: 'year y', start: '2026-09-01', end: '2027-05-31' },
      ]);
      expect(await logged()).toEqual([]);
    });

    test('the defaults for a school without periods, for a school year it sent none for, and for an unknown school', async () => {
      const [other, nextYear, unknown] = await reader.schoolTerms([
        { schoolId: 'other', day: TODAY },
        { schoolId: 's', day: '2027-09-15' },
        { schoolId: 'nowhere', day: TODAY },
      ]);
      expect(other).toEqual({
        schoolId: 'other',
        periods: defaultPeriods(TODAY),
        fromSchool: false,
        rounding: DEFAULT_ROUNDING,
      });
      expect(nextYear.fromSchool).toBe(false);
      expect(nextYear.periods[0]).toMatchObject({ kind: 'quarter', number: 1, start: '2027-09-01' });
      expect(nextYear.rounding).toEqual({ 5: 4.6, 4: 3.6, 3: 2.6 });
      expect(unknown).toMatchObject({ schoolId: 'nowhere', fromSchool: false, rounding: DEFAULT_ROUNDING });
    });

    test("each child's grades in their own range, with subject, weight and the lesson's topic", async () => {
      const [m, p] = await reader.studentTerms([masha, petya], { grades: true }, [entry('s-st1'), entry('s-st2')]);
      expect(m.grades).toEqual([
        {
          id: 'g1',
          date: '2026-11-10',
          subjectId: 's-math',
          subject: 'Математика',
          value: '5',
          weight: 2,
          workType: 'Контрольная работа',
          comment: null,
          lessonId: 'l1',
          topic: 'Дроби',
        },
        expect.objectContaining({ id: 'g2', subject: 'Физика', value: '3', weight: 1, lessonId: null, topic: null }),
        // Its lesson was removed: the grade stays, the topic does not.
        expect.objectContaining({ id: 'g3', lessonId: 'l3', topic: null }),
        expect.objectContaining({ id: 'g8', value: 'зачёт', lessonId: 'l2', topic: 'Сила' }),
      ]);
      expect(p.grades.map((g) => [g.id, g.comment])).toEqual([['g6', 'Молодец']]);
      expect(m.finalGrades).toEqual([]);
      expect(m.lessonsLeft).toEqual([]);
      expect(await logged()).toEqual([
        ['s-st1', 'term', 'guardian'],
        ['s-st2', 'term', 'guardian'],
      ]);
    });

    test("each child's grades summed per subject in the read: marks in the sums, a pass only in the count", async () => {
      const [m, p] = await reader.studentTerms([masha, petya], { subjects: true }, [entry('s-st1'), entry('s-st2')]);
      expect(bySubject(m.subjects)).toEqual([
        { subjectId: 's-math', subject: 'Математика', count: 2, sum: 14, weights: 3, heaviest: 2 },
        { subjectId: 's-phys', subject: 'Физика', count: 2, sum: 3, weights: 1, heaviest: 1 },
      ]);
      expect(p.subjects).toEqual([
        { subjectId: 's-math', subject: 'Математика', count: 1, sum: 5, weights: 1, heaviest: 1 },
      ]);
      expect(m.grades).toEqual([]);
      expect(await logged()).toEqual([
        ['s-st1', 'term', 'guardian'],
        ['s-st2', 'term', 'guardian'],
      ]);
    });

    test('the sums equal those of the grades read one by one, for every range', async () => {
      for (const range of [Q1, Q2, { start: '2026-09-01', end: '2027-05-31' }, { start: TODAY, end: TODAY }]) {
        const request = { ...masha, range: { from: range.start, to: range.end } };
        const [{ grades, subjects }] = await reader.studentTerms([request], { grades: true, subjects: true }, []);
        const expected = new Map<string, { count: number; sum: number; weights: number; heaviest: number }>();
        for (const g of grades) {
          const t = expected.get(g.subject) ?? { count: 0, sum: 0, weights: 0, heaviest: 0 };
          const mark = /^[1-5]$/.test(g.value);
          expected.set(g.subject, {
            count: t.count + 1,
            sum: t.sum + (mark ? Number(g.value) * g.weight : 0),
            weights: t.weights + (mark ? g.weight : 0),
            heaviest: Math.max(t.heaviest, mark ? g.weight : 0),
          });
        }
        expect(
          Object.fromEntries(
            subjects.map(({ subject, count, sum, weights, heaviest }) => [subject, { count, sum, weights, heaviest }]),
          ),
        ).toEqual(Object.fromEntries(expected));
      }
    });

    test("topics of the lessons a child's marks were given in, summed, with their dates; a removed lesson's none", async () => {
      const [m, p] = await reader.studentTerms([masha, petya], { topics: true }, [entry('s-st1')]);
      // g3's lesson was removed, g8 is a pass: neither names a topic here.
      expect(bySubject(m.topics)).toEqual([
        { subject: 'Математика', topic: 'Дроби', sum: 10, weights: 2, dates: ['2026-11-10'] },
      ]);
      expect(p.topics).toEqual([]);
      expect(await logged()).toEqual([['s-st1', 'term', 'guardian']]);
    });

    test('final grades of the periods asked for, never of a deleted period or a deleted mark', async () => {
      const [m, p] = await reader.studentTerms([masha, petya], { finalGrades: true }, [entry('s-st1')]);
      expect(m.finalGrades).toEqual([
        { id: 'fg2', periodId: 'q1', subjectId: 's-math', subject: 'Математика', value: '4', comment: null },
        { id: 'fg1', periodId: 'q1', subjectId: 's-phys', subject: 'Физика', value: 'осв.', comment: null },
      ]);
      expect(p.finalGrades.map((f) => [f.id, f.value])).toEqual([['fg5', '5']]);
      expect(await logged()).toEqual([['s-st1', 'term', 'guardian']]);
    });

    test('the lessons left: after today, within the range, not cancelled or removed; none in a period that is over', async () => {
      const [m, p] = await reader.studentTerms([masha, petya], { lessonsLeft: true }, []);
      expect(m.lessonsLeft).toEqual([
        { subjectId: 's-math', subject: 'Математика', count: 2 },
        { subjectId: 's-phys', subject: 'Физика', count: 1 },
      ]);
      expect(p.lessonsLeft).toEqual([]);
      // A period not begun yet has all its lessons left.
      const [ahead] = await reader.studentTerms([{ ...masha, today: '2026-11-01' }], { lessonsLeft: true }, []);
      expect(ahead.lessonsLeft.map((l) => [l.subject, l.count])).toEqual([
        ['Математика', 4],
        ['Физика', 2],
      ]);
    });

    test('every part at once; the entries are written even when nothing is asked for', async () => {
      const [m] = await reader.studentTerms([masha], ALL, [entry('s-st1')]);
      expect([m.grades.length, m.subjects.length, m.topics.length, m.finalGrades.length, m.lessonsLeft.length]).toEqual(
        [4, 2, 1, 2, 2],
      );
      expect(await logged()).toEqual([['s-st1', 'term', 'guardian']]);
      await reader.studentTerms([masha], {}, [entry('s-st1')]);
      await reader.studentTerms([{ ...masha, periodIds: [] }], { finalGrades: true }, [entry('s-st1')]);
      expect(await logged()).toHaveLength(3);
      expect(await reader.studentTerms([], ALL, [entry('s-st1')])).toEqual([]);
    });

    test("a teacher's grants limit every part: a subject teacher sees their subject, a substitute no final grades", async () => {
      const physics = [{ classId: 's-5a', subjectId: 's-phys', lesson: null }];
      const [t] = await reader.studentTerms([masha], ALL, [entry('s-st1')], physics);
      expect(t.grades.map((g) => g.id)).toEqual(['g2', 'g8']);
      expect(t.subjects.map((x) => [x.subject, x.count])).toEqual([['Физика', 2]]);
      expect(t.topics).toEqual([]);
      expect(t.finalGrades.map((f) => f.id)).toEqual(['fg1']);
      expect(t.lessonsLeft.map((l) => l.subject)).toEqual(['Физика']);
      const substitute = [{ classId: 's-5a', subjectId: 's-math', lesson: { id: 'l1', date: '2026-11-10' } }];
      const [s] = await reader.studentTerms([masha], ALL, [entry('s-st1')], substitute);
      expect(s.grades.map((g) => g.id)).toEqual(['g1']);
      expect(s.subjects.map((x) => [x.subject, x.sum])).toEqual([['Математика', 10]]);
      expect(s.topics.map((x) => x.topic)).toEqual(['Дроби']);
      expect(s.finalGrades).toEqual([]);
      // Another class's grant shows nothing of this pupil.
      const elsewhere = [{ classId: 's-6b', subjectId: null, lesson: null }];
      const [n] = await reader.studentTerms([masha], ALL, [entry('s-st1')], elsewhere);
      expect(n).toEqual({ grades: [], subjects: [], topics: [], finalGrades: [], lessonsLeft: [] });
    });
  });
}
