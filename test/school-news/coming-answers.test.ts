import { type AnswerService, createAnswerService, renderAnswer, type TAnswer } from '../../core/answers';
import type { TSqlQuery } from '../../prisma/db/database';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createComingReader } from '../../prisma/stores/school-news/coming-reader';
import { ingest, linkTeacher } from '../helpers/reminder-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { COMING_WORLD, TZ } from './coming-world';

// Tests and school events asked as the channels ask (text in, an answer out), over data that came
// in through ingestion: the date, the lesson and the topic of each test; a subject's next test; the
// events with time, place and link; polite empty answers; only one's own children (a teacher: the
// classes they teach); every read in the access log; both languages, chat and voice.

const NOW = new Date('2026-12-02T13:00:00+03:00');

async function linkGuardian(query: TSqlQuery, personId: string, studentIds: string[]): Promise<void> {
  await query(`INSERT INTO "Person" (id) VALUES ($1)`, [personId]);
  for (const studentId of studentIds)
    await query(`INSERT INTO "StudentLink" ("personId", "studentId", role) VALUES ($1, $2, 'guardian')`, [
      personId,
      studentId,
    ]);
}

describe('answers about tests and school events (pglite)', () => {
  let db: TestDatabase;
  let answers: AnswerService;

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
    await ingest(db, COMING_WORLD);
    await linkGuardian(db.sql.query, 'family', ['s-st1']);
    await linkGuardian(db.sql.query, 'kolya-mum', ['o-st1']);
    await linkTeacher(db.sql.query, 's-t1', 'algebra');
    await linkTeacher(db.sql.query, 'o-t1', 'other');
    answers = createAnswerService({ ...createReadModel(db, TZ), defaultTimezone: TZ, coming: createComingReader(db) });
  });
  beforeEach(async () => {
    await db.sql.query(`DELETE FROM "AccessLog"`);
  });
  afterAll(() => db?.destroy());

  it('lists the next two weeks’ tests with day, lesson, subject and topic', async () => {
    const answer = await ask('family', 'когда контрольные?');
    expect(answer).toMatchObject({ kind: 'tests', fortnight: true, period: { from: '2026-12-02', to: '2026-12-16' } });
    const chat = text(answer);
    expect(chat).toContain('Контрольные в ближайшие две недели');
    expect(chat).toContain('Пт 11 декабря, 2-й урок (09:30): <b>Алгебра</b> — Квадратные уравнения');
    expect(chat).toContain('Вт 8 декабря, 1-й урок (10:30): <b>Физика</b> — Законы Ньютона');
    expect(chat).not.toContain('Итоговая');
    const voice = renderAnswer(answer, 'ru');
    expect(voice.speech).toBe(
      'У Маши в ближайшие две недели 2 контрольные: Вт 8 декабря, 1-й урок — физика: Законы Ньютона; Пт 11 декабря, 2-й урок — алгебра: Квадратные уравнения.',
    );
    expect(voice.tts).toContain('две контрольные');
    expect(voice.tts).toContain('в пятницу, 11 декабря, вторым уроком — алгебра');
    expect(await logged('family')).toEqual([['s-st1', 'tests', 'guardian']]);
  });

  it('«что будет на контрольной по алгебре» gives the next algebra test, however far', async () => {
    const answer = await ask('family', 'что будет на контрольной по алгебре?');
    expect(answer).toMatchObject({ kind: 'tests', next: true, subject: 'Алгебра' });
    expect(renderAnswer(answer, 'ru').speech).toBe(
      'Следующая контрольная по алгебре у Маши: Пт 11 декабря, 2-й урок — алгебра: Квадратные уравнения.',
    );
    const english = renderAnswer(answer, 'en');
    expect(english.text).toContain('Fri, Dec 11, lesson 2 (09:30)');
    // An English voice never reads the Russian topic.
    expect(english.ssml).toBe(
      '<speak>Masha&apos;s next test in Algebra: on Friday, December 11, in the second lesson — Algebra.</speak>',
    );
  });

  it('says politely when there are none', async () => {
    const physics = await ask('kolya-mum', 'когда следующая контрольная по физике');
    expect(text(physics)).toContain('Контрольных по физике пока не назначено');
    expect(renderAnswer(physics, 'en').speech).toBe('No test in Physics set yet.');
    const empty = await ask('family', 'контрольные в субботу');
    expect(text(empty)).toContain('Контрольных в субботу, 5 декабря нет');
    expect(renderAnswer(empty, 'en').speech).toBe('No tests on Saturday, December 5.');
  });

  it('lists the week’s events with time, place and link; the whole school’s too', async () => {
    const answer = await ask('family', 'какие мероприятия на неделе?');
    expect(answer).toMatchObject({ kind: 'events' });
    const chat = text(answer);
    expect(chat).toContain('<b>День открытых дверей</b>');
    expect(chat).toContain(
      'Пт 4 декабря, 15:00–17:00 <b>Турнир по волейболу</b> · Спортзал · <a href="https://example.org/live">онлайн-трансляция</a>',
    );
    expect(chat).not.toContain('Экскурсия');
    expect(text(answer, 'en')).toContain('watch online');
    expect(renderAnswer(answer, 'ru').speech).toContain('Турнир по волейболу — Пт 4 декабря 15:00–17:00, Спортзал');
    expect(renderAnswer(answer, 'ru').tts).toContain('в пятницу, 4 декабря с 15:00 до 17:00');
    expect(renderAnswer(answer, 'en').ssml).toContain('a school event — on Friday, December 4 from 15:00 to 17:00');
    expect(await logged('family')).toEqual([['s-st1', 'events', 'guardian']]);
  });

  it('says when a day has no event', async () => {
    const answer = await ask('family', 'что будет в школе в понедельник');
    expect(answer.kind).toBe('events');
    expect(text(answer)).toContain('Мероприятий в понедельник, 7 декабря нет');
  });

  it("a day's timetable lists the day's school events with their links", async () => {
    const answer = await ask('family', 'расписание на пятницу');
    expect(answer).toMatchObject({ kind: 'schedule', sections: [{ events: [{ id: 'ev-5a' }] }] });
    const chat = text(answer);
    expect(chat).toContain('08:30–09:15 Физика');
    expect(chat).toContain(
      '<i>В школе:</i>\n• 15:00–17:00 <b>Турнир по волейболу</b> · Спортзал · <a href="https://example.org/live">онлайн-трансляция</a>',
    );
    expect(renderAnswer(answer, 'ru').speech).toContain('В школе: Турнир по волейболу 15:00–17:00.');
    expect(renderAnswer(answer, 'en').ssml).toContain('At school: a school event from 15:00 to 17:00.');
    // The diary's read logged the pupil once.
    expect(await logged('family')).toEqual([['s-st1', 'schedule', 'guardian']]);
    const thursday = await ask('family', 'расписание на завтра');
    expect(text(thursday)).toContain('День открытых дверей');
    const monday = await ask('family', 'расписание на понедельник');
    expect(text(monday)).not.toContain('В школе');
  });

  it("refuses another family's child and reads nothing of them", async () => {
    expect((await ask('family', 'когда контрольные у Коли')).kind).toBe('refused');
    expect((await ask('kolya-mum', 'какие мероприятия у Маши')).kind).toBe('refused');
    expect(await logged('family')).toEqual([]);
    expect(await logged('kolya-mum')).toEqual([]);
  });

  it('a teacher sees the tests of the classes they teach, and is refused another school’s pupil', async () => {
    const ours = await ask('person-s-t1-algebra', 'контрольные у Маши');
    expect(ours).toMatchObject({ kind: 'tests', sections: [{ student: { id: 's-st1' } }] });
    expect(await logged('person-s-t1-algebra')).toEqual([['s-st1', 'tests', 'teacher']]);
    expect((await ask('person-o-t1-other', 'контрольные у Маши')).kind).toBe('refused');
    expect((await ask('person-o-t1-other', 'когда контрольные')).kind).toBe('ask-child');
  });
});
