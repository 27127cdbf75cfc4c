import { type AnswerService, createAnswerService, type TAnswer } from '../../core/answers';
import type { TSqlQuery } from '../../prisma/db/database';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { ingest, linkTeacher } from '../helpers/reminder-fixtures';
import { P, T, teacherScopeEvents } from '../helpers/teacher-scope-fixtures';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/test-database';

// Teachers see what they teach: a class-subject they teach regularly, a substituted lesson for
// a week, their homeroom class in every subject — asked in a chat the way the channels ask (the
// chat's viewer read first, its scope handed to the answers), over data that came in through
// ingestion. Parents keep seeing their own children, all of them.

const TZ = 'Europe/Moscow';
const at = (day: string, time = '13:00') => new Date(`${day}T${time}:00+03:00`);
const TODAY = at('2026-12-02');

for (const { kind, describe: d } of DATABASE_KINDS) {
  d(`what a teacher sees of their pupils (${kind})`, () => {
    let db: TestDatabase;
    let answers: AnswerService;
    let readModel: ReturnType<typeof createReadModel>;
    const chats = new Map<string, string>();

    beforeAll(async () => {
      db = await createTestDatabase(kind);
      await ingest(db, teacherScopeEvents());
      for (const id of Object.values(T)) chats.set(id, await linkTeacher(db.sql.query, id, `chat-${id}`));
      await linkGuardian(db.sql.query, 'guardian-maria', P.maria);
      readModel = createReadModel(db, TZ);
      answers = createAnswerService({ ...readModel, defaultTimezone: TZ });
    });
    afterAll(() => db?.destroy());

    /** As a bot does: the chat's viewer (person, consent, scope) in one read, then the question. */
    async function ask(externalId: string, text: string, now: Date): Promise<TAnswer> {
      const viewer = await readModel.access.chatViewer({ channel: 'telegram', externalId });
      if (!viewer) throw new Error(`no chat ${externalId}`);
      return (
        await answers.ask(text, { personId: viewer.scope.personId, channel: 'telegram', scope: viewer.scope }, now)
      ).answer;
    }
    const asTeacher = (teacherId: string, text: string, now: Date) => ask(`chat-${teacherId}`, text, now);

    /** Student id → the ids of what the answer shows of them. */
    function shown(answer: TAnswer): Record<string, string[]> {
      if (answer.kind === 'grades')
        return Object.fromEntries(answer.sections.map((s) => [s.student.id, s.grades.map((g) => g.id).sort()]));
      if (answer.kind === 'homework')
        return Object.fromEntries(answer.sections.map((s) => [s.student.id, s.homework.map((h) => h.id).sort()]));
      if (answer.kind === 'schedule')
        return Object.fromEntries(answer.sections.map((s) => [s.student.id, s.lessons.map((l) => l.id).sort()]));
      throw new Error(`not a diary answer: ${JSON.stringify(answer)}`);
    }

    describe('a class-subject taught regularly (two lessons in the last 30 days)', () => {
      it("shows the class's grades, homework and timetable in that subject and nothing of other subjects", async () => {
        expect(shown(await asTeacher(T.alg, 'оценки Марии за месяц', TODAY))).toEqual({
          [P.maria]: ['g-alg-1', 'g-alg-2'],
        });
        expect(shown(await asTeacher(T.alg, 'оценки Марии по физике за месяц', TODAY))).toEqual({ [P.maria]: [] });
        expect(shown(await asTeacher(T.alg, 'что задали Марии на завтра', TODAY))).toEqual({ [P.maria]: ['hw-alg'] });
        expect(shown(await asTeacher(T.alg, 'расписание Марии на завтра', TODAY))).toEqual({ [P.maria]: ['l-alg-3'] });
        expect(shown(await asTeacher(T.phys, 'оценки Марии за месяц', TODAY))).toEqual({
          [P.maria]: ['g-phys-1', 'g-sub', 'g-sub-bare'],
        });
      });

      it('writes the access log for the pupils it shows', async () => {
        const before = await accessRows(db.sql.query, `person-${T.alg}-chat-${T.alg}`);
        await asTeacher(T.alg, 'оценки Ивана за месяц', TODAY);
        expect((await accessRows(db.sql.query, `person-${T.alg}-chat-${T.alg}`)).slice(before.length)).toEqual([
          { studentId: P.ivan, channel: 'telegram', intent: 'grades', viewerRole: 'teacher' },
        ]);
      });

      it('never reaches a namesake in another school', async () => {
        expect(Object.keys(shown(await asTeacher(T.alg, 'оценки Марии за месяц', TODAY)))).toEqual([P.maria]);
        expect(shown(await asTeacher(T.other, 'оценки Марии за месяц', TODAY))).toEqual({ [P.otherMaria]: ['g-os'] });
      });
    });

    describe('a lesson taught long ago, or one coming', () => {
      it('gives nothing of a class whose only lesson was 30 days ago, though it did in its own week', async () => {
        expect(await asTeacher(T.old, 'оценки Марии за месяц', TODAY)).toEqual({ kind: 'refused' });
        expect(shown(await asTeacher(T.old, 'оценки Марии за неделю', at('2026-11-05')))).toEqual({ [P.maria]: [] });
      });

      it('counts one lesson in the next 14 days as teaching the class-subject', async () => {
        expect(shown(await asTeacher(T.ahead, 'оценки Ольги по физике за месяц', TODAY))).toEqual({
          [P.olga]: ['g-olga-phys'],
        });
        // 10 December is 14 days after 26 November (no grade of hers yet then), 15 after the 25th.
        expect(shown(await asTeacher(T.ahead, 'оценки Ольги за месяц', at('2026-11-26')))).toEqual({ [P.olga]: [] });
        expect(await asTeacher(T.ahead, 'оценки Ольги за месяц', at('2026-11-25'))).toEqual({ kind: 'refused' });
      });
    });

    describe('a substitution', () => {
      it("shows the class list and that lesson's grades from its day until 7 days after", async () => {
        for (const now of [at('2026-12-01'), TODAY, at('2026-12-08', '23:30')]) {
          expect(shown(await asTeacher(T.sub, 'оценки Марии 1 декабря', now))).toEqual({
            [P.maria]: ['g-sub', 'g-sub-bare'],
          });
          expect(shown(await asTeacher(T.sub, 'оценки Ивана 1 декабря', now))).toEqual({ [P.ivan]: [] });
        }
        // Nothing else of the class: not its homework, only that lesson of its timetable.
        expect(shown(await asTeacher(T.sub, 'что задали Марии на 3 декабря', TODAY))).toEqual({ [P.maria]: [] });
        expect(shown(await asTeacher(T.sub, 'расписание Марии 1 декабря', TODAY))).toEqual({ [P.maria]: ['l-sub'] });
      });

      it("shows nothing on the 8th day, counted in the school's time zone", async () => {
        expect(await asTeacher(T.sub, 'оценки Марии 1 декабря', at('2026-12-09', '08:00'))).toEqual({
          kind: 'refused',
        });
        // 01:30 on 9 December in Moscow is still 8 December in UTC.
        expect(await asTeacher(T.sub, 'оценки Марии 1 декабря', new Date('2026-12-08T22:30:00Z'))).toEqual({
          kind: 'refused',
        });
      });
    });

    describe('a class teacher', () => {
      it('sees their class in every subject, and not another class', async () => {
        expect(shown(await asTeacher(T.home, 'оценки Марии за месяц', TODAY))).toEqual({
          [P.maria]: ['g-alg-1', 'g-alg-2', 'g-phys-1', 'g-rus', 'g-sub', 'g-sub-bare'],
        });
        expect(shown(await asTeacher(T.home, 'что задали Марии на завтра', TODAY))).toEqual({
          [P.maria]: ['hw-alg', 'hw-phys'],
        });
        expect(await asTeacher(T.home, 'оценки Ольги за месяц', TODAY)).toEqual({ kind: 'refused' });
        expect(await asTeacher(T.home, 'сколько денег на карте у Марии', TODAY)).toEqual({ kind: 'refused' });
      });
    });

    describe('a parent', () => {
      it('sees their own child in every subject, and no other child', async () => {
        expect(shown(await ask('chat-guardian-maria', 'оценки за месяц', TODAY))).toEqual({
          [P.maria]: ['g-alg-1', 'g-alg-2', 'g-phys-1', 'g-rus', 'g-sub', 'g-sub-bare'],
        });
        expect(shown(await ask('chat-guardian-maria', 'что задали на завтра', TODAY))).toEqual({
          [P.maria]: ['hw-alg', 'hw-phys'],
        });
        expect(await ask('chat-guardian-maria', 'оценки Ивана за месяц', TODAY)).toEqual({ kind: 'refused' });
      });
    });
  });
}

async function linkGuardian(query: TSqlQuery, personId: string, studentId: string): Promise<void> {
  await query(`INSERT INTO "Person" (id) VALUES ($1)`, [personId]);
  await query(`INSERT INTO "Chat" (id, "personId", channel, "externalId") VALUES ($1, $1, 'telegram', $2)`, [
    personId,
    `chat-${personId}`,
  ]);
  await query(`INSERT INTO "StudentLink" ("personId", "studentId", role) VALUES ($1, $2, 'guardian')`, [
    personId,
    studentId,
  ]);
  await query(
    `INSERT INTO "Consent" (id, "personId", "textVersion", "textHash", channel) VALUES ($1, $1, 'v1', 'h', 'telegram')`,
    [personId],
  );
}

async function accessRows(query: TSqlQuery, viewerId: string) {
  return query<{ studentId: string; channel: string; intent: string; viewerRole: string }>(
    `SELECT "studentId", channel, intent, "viewerRole" FROM "AccessLog" WHERE "viewerId" = $1 ORDER BY id`,
    [viewerId],
  );
}
