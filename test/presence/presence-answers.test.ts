import { type AnswerService, createAnswerService, renderAnswer, type TAnswer } from '../../core/answers';
import type { TSqlQuery } from '../../prisma/db/database';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createPresenceReader } from '../../prisma/stores/presence/presence-reader';
import { createTermReader } from '../../prisma/stores/terms/term-reader';
import { ingest, linkTeacher } from '../helpers/reminder-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { PRESENCE_WORLD, TZ } from './presence-world';

// Presence and attendance asked as the channels ask (text in, an answer out), over data that came
// in through ingestion: a family sees its own children only, every read is in the access log, a
// school that sends no passes says so, and a teacher sees attendance of what they teach and never
// where a pupil is.

const NOW = new Date('2026-12-02T13:00:00+03:00');

async function linkGuardian(query: TSqlQuery, personId: string, studentIds: string[]): Promise<void> {
  await query(`INSERT INTO "Person" (id) VALUES ($1)`, [personId]);
  for (const studentId of studentIds)
    await query(`INSERT INTO "StudentLink" ("personId", "studentId", role) VALUES ($1, $2, 'guardian')`, [
      personId,
      studentId,
    ]);
}

describe('presence and attendance answers (pglite)', () => {
  let db: TestDatabase;
  let answers: AnswerService;
  let teacher: string;

  const ask = async (personId: string, text: string) =>
    (await answers.ask(text, { personId, channel: 'telegram' }, NOW)).answer;
  const logged = async (viewerId: string) =>
    (
      await db.sql.query<{ studentId: string; intent: string; viewerRole: string }>(
        `SELECT "studentId", intent, "viewerRole" FROM "AccessLog" WHERE "viewerId" = $1 ORDER BY id`,
        [viewerId],
      )
    ).map((r) => [r.studentId, r.intent, r.viewerRole]);
  const text = (answer: TAnswer, lang: 'ru' | 'en' = 'ru') => renderAnswer(answer, lang).text;

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    await ingest(db, PRESENCE_WORLD);
    await linkGuardian(db.sql.query, 'family', ['s-st1', 's-st2']);
    await linkGuardian(db.sql.query, 'kolya-mum', ['o-st1']);
    await linkTeacher(db.sql.query, 's-t2', 'physics');
    teacher = 'person-s-t2-physics';
    const readModel = createReadModel(db, TZ);
    answers = createAnswerService({
      ...readModel,
      defaultTimezone: TZ,
      terms: createTermReader(db),
      presence: createPresenceReader(db),
    });
  });
  beforeEach(async () => {
    await db.sql.query(`DELETE FROM "AccessLog"`);
  });
  afterAll(() => db?.destroy());

  it('says a child is at school since the last way in, with the first arrival', async () => {
    const answer = await ask('family', 'Маша в школе?');
    expect(answer).toMatchObject({
      kind: 'presence',
      period: { from: '2026-12-02', to: '2026-12-02', today: '2026-12-02' },
      sections: [{ student: { id: 's-st1' }, state: { kind: 'in', since: '12:30', arrived: '08:05' } }],
    });
    expect(text(answer)).toContain('в школе с 12:30, пришла в 8:05');
    expect(renderAnswer(answer, 'ru').speech).toBe('Маша в школе с 12:30, пришла в 8:05.');
    expect(await logged('family')).toEqual([['s-st1', 'presence', 'guardian']]);
  });

  it('answers for every child when none is named: one with no pass today', async () => {
    const answer = await ask('family', 'во сколько пришли в школу');
    expect(answer.kind).toBe('presence');
    if (answer.kind !== 'presence') return;
    expect(answer.sections.map((s) => [s.student.firstName, s.state.kind])).toEqual([
      ['Маша', 'in'],
      ['Петя', 'no-pass'],
    ]);
    expect(renderAnswer(answer, 'ru').speech).toContain('У Пети сегодня проходов через турникет нет.');
    expect(await logged('family')).toEqual([
      ['s-st1', 'presence', 'guardian'],
      ['s-st2', 'presence', 'guardian'],
    ]);
  });

  it('«когда ушла вчера» gives the same facts of that day: the last way out, the first way in', async () => {
    const answer = await ask('family', 'когда Маша ушла из школы вчера');
    expect(answer).toMatchObject({
      kind: 'presence',
      period: { from: '2026-12-01' },
      sections: [{ state: { kind: 'left', left: '23:30', arrived: '08:10' } }],
    });
    expect(renderAnswer(answer, 'en').text).toContain('left school at 23:30, arrived at 8:10');
  });

  it('says when the school sends no passes', async () => {
    const answer = await ask('kolya-mum', 'Коля в школе?');
    expect(answer).toMatchObject({ kind: 'presence', sections: [{ state: { kind: 'no-data' } }] });
    expect(text(answer)).toContain('школа не передаёт данные о проходах');
  });

  it("refuses another family's child and reads nothing of them", async () => {
    expect((await ask('family', 'Варвара в школе?')).kind).toBe('refused');
    expect((await ask('family', 'сколько пропусков у Варвары за четверть')).kind).toBe('refused');
    expect(await logged('family')).toEqual([]);
  });

  it('counts the current period by default: missed and late per subject, most missed first', async () => {
    const answer = await ask('family', 'сколько пропусков у Маши за четверть');
    expect(answer).toMatchObject({
      kind: 'absences',
      term: { kind: 'quarter', number: 2 },
      subject: null,
      sections: [
        {
          absent: 2,
          late: 2,
          subjects: [
            { subject: 'Математика', absent: 1, late: 1 },
            { subject: 'Физика', absent: 1, late: 1 },
          ],
          more: 0,
        },
      ],
    });
    expect(text(answer)).toContain('2 пропуска, 2 опоздания');
    expect(renderAnswer(answer, 'ru').tts).toContain('два пропуска, два опоздания');
    expect(await logged('family')).toEqual([['s-st1', 'absences', 'guardian']]);
  });

  it('counts the days said: «опоздания за неделю»', async () => {
    const answer = await ask('family', 'опоздания Маши за неделю');
    expect(answer).toMatchObject({
      kind: 'absences',
      term: null,
      period: { from: '2026-11-26', to: '2026-12-02' },
      sections: [{ absent: 1, late: 2 }],
    });
  });

  it('«была ли Маша на физике?»: each lesson of the subject that day with its mark', async () => {
    const answer = await ask('family', 'была ли Маша на физике?');
    expect(answer).toMatchObject({
      kind: 'attended',
      subject: 'Физика',
      sections: [
        {
          lessons: [
            { start: '09:00', status: 'late' },
            { start: '10:00', status: null },
          ],
        },
      ],
    });
    expect(renderAnswer(answer, 'ru').speech).toBe(
      'Маша, физика сегодня: в 9:00 — опоздала; в 10:00 — отметки ещё нет.',
    );
    const none = await ask('family', 'был ли Петя на физике вчера');
    expect(none).toMatchObject({ kind: 'attended', sections: [{ lessons: [] }] });
    expect(text(none)).toContain('урока по физике нет');
  });

  it("a teacher sees attendance of the subject they teach, never a pupil's passes", async () => {
    const answer = await ask(teacher, 'сколько пропусков у Маши за четверть');
    expect(answer).toMatchObject({
      kind: 'absences',
      sections: [{ absent: 1, late: 1, subjects: [{ subject: 'Физика', absent: 1, late: 1 }] }],
    });
    expect(await logged(teacher)).toEqual([['s-st1', 'absences', 'teacher']]);
    expect((await ask(teacher, 'Маша в школе?')).kind).toBe('refused');
    expect((await ask(teacher, 'сколько пропусков за четверть')).kind).toBe('ask-child');
    expect(await logged(teacher)).toEqual([['s-st1', 'absences', 'teacher']]);
  });

  it('is not understood without a presence reader', async () => {
    const plain = createAnswerService({ ...createReadModel(db, TZ), defaultTimezone: TZ });
    expect((await plain.ask('Маша в школе?', { personId: 'family' }, NOW)).answer.kind).toBe('unknown');
  });
});
