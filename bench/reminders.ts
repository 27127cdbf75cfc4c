import { decideBatch } from '../core/reminders/decide-batch';
import { type Database, openDatabase } from '../prisma/db/database';
import { applyMigrations } from '../prisma/db/migrate';
import {
  dispatchOnce,
  resolveSent,
  scanStatement,
  scanWindow,
  scanWindowOnce,
  zoneWindows,
} from '../prisma/stores/reminders/reminder-store';
import { createScratchDatabase, requireEnv } from './bench-support';

// bench:reminders — does one periodic reminder scan cost the same whatever the number of past
// lessons? A school year for 100 schools (33 classes × 8 lessons a day, ≈ 5 million lessons) is
// generated in PostgreSQL with set-based SQL (generate_series), not through the ingestion API:
// first the last 19 school days (≈ 0.5 million lessons) and the scan is timed, then the other
// 171 days of the year are added and the same scans are timed again. Each timed scan runs in a
// transaction that is rolled back, so every repetition does the same work.

const SCHOOLS = 100;
const CLASSES = 33;
const PERIODS = 8;
const PUPILS = 25;
const TEACHERS = 50;
const SUBJECTS = 12;
const YEAR_START = '2026-09-01';
/** The simulated "today": a Thursday near the end of the school year. */
const TODAY = '2027-05-20';
const RECENT_DAYS = 19;
const REPEATS = 7;

const say = (line = '') => process.stdout.write(`${line}\n`);
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - t0) / 1e6];
}

/** Bells: periods of 45 minutes with 10-minute breaks from 08:30. */
const PERIOD_SQL = `(SELECT p, to_char(time '08:30' + (p - 1) * interval '55 minutes', 'HH24:MI') AS start,
                             to_char(time '09:15' + (p - 1) * interval '55 minutes', 'HH24:MI') AS "end"
                      FROM generate_series(1, ${PERIODS}) p)`;

async function seedSchools(db: Database) {
  const q = db.sql.query;
  await q(`INSERT INTO "School" (id, name, timezone, "updatedAt")
           SELECT 'S' || s, 'Школа № ' || s,
                  CASE WHEN s <= 80 THEN 'Europe/Moscow' WHEN s <= 90 THEN 'Asia/Yekaterinburg' ELSE 'Asia/Novosibirsk' END, now()
           FROM generate_series(1, ${SCHOOLS}) s`);
  await q(`INSERT INTO "SchoolClass" (id, "schoolId", name, "updatedAt")
           SELECT 'S' || s || 'C' || c, 'S' || s, (5 + (c - 1) / 5) || chr(1040 + (c - 1) % 5), now()
           FROM generate_series(1, ${SCHOOLS}) s, generate_series(1, ${CLASSES}) c`);
  await q(`INSERT INTO "Subject" (id, "schoolId", name, "updatedAt")
           SELECT 'S' || s || 'U' || u, 'S' || s, (ARRAY['Математика','Русский язык','Литература','Физика','Химия','Биология','История','География','Английский язык','Информатика','Обществознание','Музыка'])[u], now()
           FROM generate_series(1, ${SCHOOLS}) s, generate_series(1, ${SUBJECTS}) u`);
  await q(`INSERT INTO "Teacher" (id, "schoolId", "lastName", "firstName", "updatedAt")
           SELECT 'S' || s || 'T' || t, 'S' || s, 'Учитель' || t, 'Имя', now()
           FROM generate_series(1, ${SCHOOLS}) s, generate_series(1, ${TEACHERS}) t`);
  await q(`INSERT INTO "Student" (id, "schoolId", "classId", "lastName", "firstName", "updatedAt")
           SELECT 'S' || s || 'C' || c || 'P' || p, 'S' || s, 'S' || s || 'C' || c, 'Ученик' || p, 'Имя', now()
           FROM generate_series(1, ${SCHOOLS}) s, generate_series(1, ${CLASSES}) c, generate_series(1, ${PUPILS}) p`);
}

/**
 * Lessons of every class on the school days (Monday–Friday) in [from, to]. A recent lesson lacks
 * its topic one time in ten and every 20th lesson is a test; past lessons are complete as far as
 * the lesson row goes (their attendance is not generated: the scan never reads past lessons, the
 * plan below shows it).
 */
async function seedLessons(db: Database, from: string, to: string, recent: boolean): Promise<number> {
  const [row] = await db.sql.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO "Lesson" (id, "classId", "subjectId", "teacherId", date, start, "end", topic, "isTest", cancelled, "updatedAt")
       SELECT 'S' || s || 'C' || c || 'D' || to_char(d, 'YYYYMMDD') || 'P' || pp.p,
              'S' || s || 'C' || c, 'S' || s || 'U' || ((c + pp.p) % ${SUBJECTS} + 1), 'S' || s || 'T' || ((c * ${PERIODS} + pp.p) % ${TEACHERS} + 1),
              d::date, pp.start, pp."end",
              CASE WHEN $3 AND (s * 7 + c * 3 + pp.p + extract(doy FROM d)::int) % 10 = 0 THEN NULL ELSE 'Тема урока' END,
              (s + c + pp.p + extract(doy FROM d)::int) % 20 = 0,
              (s + c * 5 + pp.p + extract(doy FROM d)::int) % 97 = 0,
              now()
       FROM generate_series($1::date, $2::date, interval '1 day') d, generate_series(1, ${SCHOOLS}) s, generate_series(1, ${CLASSES}) c, ${PERIOD_SQL} pp
       WHERE extract(isodow FROM d) < 6
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [from, to, recent],
  );
  return row.n;
}

/** Attendance (one pupil in 12 absent, one lesson in 15 unmarked) and test grades for the days a scan may read. */
async function seedRecentJournal(db: Database, from: string) {
  await db.sql.query(
    `INSERT INTO "Attendance" ("lessonId", "studentId", status, "updatedAt")
     SELECT l.id, st.id, CASE WHEN hashtext(st.id || l.id) % 12 = 0 THEN 'absent' ELSE 'present' END, now()
     FROM "Lesson" l JOIN "Student" st ON st."classId" = l."classId"
     WHERE l.date >= $1::date AND hashtext(l.id) % 15 <> 0`,
    [from],
  );
  await db.sql.query(
    `INSERT INTO "Grade" (id, "studentId", "subjectId", date, value, "lessonId", "updatedAt")
     SELECT 'G' || a."lessonId" || a."studentId", a."studentId", l."subjectId", l.date, '4', l.id, now()
     FROM "Lesson" l JOIN "Attendance" a ON a."lessonId" = l.id
     WHERE l.date >= $1::date AND l."isTest" AND a.status <> 'absent' AND hashtext(l.id) % 3 <> 0`,
    [from],
  );
}

interface TScanFigures {
  lessons: number;
  bell: { median: number; max: number; due: number; found: number };
  quiet: { median: number; max: number; due: number };
  plan: string[];
}

/** Thrown to roll a measured transaction back, carrying what it read. */
class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

async function rolledBack<T>(
  db: Database,
  work: (query: Parameters<Parameters<Database['sql']['transaction']>[0]>[0]) => Promise<T>,
): Promise<T> {
  try {
    await db.sql.transaction(async (query) => {
      throw new Rollback(await work(query));
    });
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
  throw new Error('unreachable');
}

/** One scan window, repeated inside rolled-back transactions. */
async function timeScan(db: Database, from: Date, to: Date) {
  const times: number[] = [];
  let result = { due: 0, found: 0 };
  for (let i = 0; i < REPEATS; i++) {
    const [r, t] = await timed(() => rolledBack(db, (query) => scanWindowOnce(query, from, to, to)));
    result = r;
    times.push(t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1], ...result };
}

async function explain(db: Database, from: Date, to: Date): Promise<string[]> {
  return rolledBack(db, async (query) => {
    const { sql, params } = scanStatement(await zoneWindows(query, from, to), from, to, to);
    const rows = await query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    return rows.map((r) => r['QUERY PLAN']);
  });
}

async function measure(db: Database): Promise<TScanFigures> {
  await db.sql.query('ANALYZE');
  const [count] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Lesson"`);
  // A scan a minute after the previous one. 14:00 Moscow: lessons that ended at 12:00 (a bell,
  // 80 schools × 33 classes) became due; 14:30: no bell two hours earlier, nothing became due.
  const bellTo = new Date(`${TODAY}T14:00:00+03:00`);
  const bellWindow = scanWindow(new Date(bellTo.getTime() - 60_000), bellTo);
  const quietTo = new Date(`${TODAY}T14:30:00+03:00`);
  const quietWindow = scanWindow(new Date(quietTo.getTime() - 60_000), quietTo);
  const bell = await timeScan(db, bellWindow.from, bellWindow.to);
  const quiet = await timeScan(db, quietWindow.from, quietWindow.to);
  const plan = await explain(db, bellWindow.from, bellWindow.to);
  return { lessons: count.n, bell, quiet, plan };
}

/** Every teacher linked to a Telegram chat with consent, so reminders have somewhere to go. */
async function seedTeacherChats(db: Database) {
  const q = db.sql.query;
  await q(`INSERT INTO "Person" (id, locale) SELECT 'P' || t.id, 'ru' FROM "Teacher" t`);
  await q(
    `INSERT INTO "Chat" (id, "personId", channel, "externalId", locale) SELECT 'CH' || t.id, 'P' || t.id, 'telegram', t.id, 'ru' FROM "Teacher" t`,
  );
  await q(`INSERT INTO "TeacherLink" ("personId", "teacherId") SELECT 'P' || t.id, t.id FROM "Teacher" t`);
  await q(
    `INSERT INTO "Consent" (id, "personId", "textVersion", "textHash", channel) SELECT 'K' || t.id, 'P' || t.id, 'v1', 'h', 'telegram' FROM "Teacher" t`,
  );
}

async function timeRepeated(
  db: Database,
  work: (query: Parameters<Parameters<Database['sql']['transaction']>[0]>[0]) => Promise<number>,
) {
  const times: number[] = [];
  let value = 0;
  for (let i = 0; i < REPEATS; i++) {
    const [v, t] = await timed(() => rolledBack(db, work));
    value = v;
    times.push(t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1], value };
}

/**
 * A whole run at the bell — scan, then dispatch (one message per teacher) — on top of a week of
 * sent reminders, a slice of which every run re-checks for completion.
 */
async function measureRun(db: Database) {
  await seedTeacherChats(db);
  const bell = new Date(`${TODAY}T14:00:00+03:00`);
  const weekFrom = new Date(bell.getTime() - 7 * 86_400_000);
  const backlogTo = new Date(bell.getTime() - 60_000);
  const backlog = await db.sql.transaction((query) => scanWindowOnce(query, weekFrom, backlogTo, backlogTo));
  await db.sql.query(`UPDATE "LessonReminder" SET status = 'sent', "sentAt" = "foundAt"`);
  await db.sql.query('ANALYZE');
  const resolve = await timeRepeated(db, (query) => resolveSent(query, bell));
  const run = await timeRepeated(db, async (query) => {
    await scanWindowOnce(query, backlogTo, bell, bell);
    const result = await dispatchOnce(query, bell, (batch) => decideBatch(batch, bell));
    return result.messageIds.length;
  });
  return { backlog: backlog.found, resolve, run };
}

function keyPlanLines(plan: string[]): string[] {
  return plan.filter((l) => /Index|Seq Scan|Execution Time|Planning Time|Bitmap/.test(l)).map((l) => l.trimEnd());
}

async function main() {
  const adminUrl = requireEnv('DATABASE_URL');
  const scratch = await createScratchDatabase(adminUrl, 'dnevnik_bench_reminders');
  const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
  const started = Date.now();
  try {
    await db.sql.session((sql) => applyMigrations(sql));
    say('bench:reminders — one periodic reminder scan against a school year of lessons in PostgreSQL');
    say(
      `rows generated in the database with set-based SQL (INSERT … SELECT FROM generate_series), not through the API;`,
    );
    say(
      `${SCHOOLS} schools × ${CLASSES} classes × ${PERIODS} lessons per school day; "today" = ${TODAY}; ${REPEATS} scans per figure, median (max)`,
    );
    say();
    await seedSchools(db);
    const recentFrom = await schoolDaysBack(db, TODAY, RECENT_DAYS);
    const [recentCount, tRecent] = await timed(() => seedLessons(db, recentFrom, TODAY, true));
    const journalFrom = await schoolDaysBack(db, TODAY, 3);
    await seedRecentJournal(db, journalFrom);
    say(
      `generated ${recentCount} lessons (${recentFrom} … ${TODAY}) in ${(tRecent / 1000).toFixed(1)} s, attendance and test grades from ${journalFrom}`,
    );
    const small = await measure(db);
    const yesterday = await schoolDaysBack(db, recentFrom, 1, true);
    const [pastCount, tPast] = await timed(() => seedLessons(db, YEAR_START, yesterday, false));
    say(`generated ${pastCount} more past lessons (${YEAR_START} … ${yesterday}) in ${(tPast / 1000).toFixed(1)} s`);
    const large = await measure(db);
    const run = await measureRun(db);
    say();
    say('lessons in table      scan at a bell (lessons due / reminders)   scan between bells (due)');
    for (const f of [small, large]) {
      say(
        `${String(f.lessons).padStart(14)}      ${`${ms(f.bell.median)} (${ms(f.bell.max)})`.padEnd(22)} ${`${f.bell.due} / ${f.bell.found}`.padEnd(17)}  ${ms(f.quiet.median)} (${ms(f.quiet.max)}), ${f.quiet.due}`,
      );
    }
    say();
    say(
      `whole run at the bell on ${large.lessons} lessons (scan + dispatch into ${run.run.value} teacher messages + re-checking this minute's slice, a fifteenth, of ${run.backlog} sent reminders of the past week): ${ms(run.run.median)} (${ms(run.run.max)}); that re-check alone ${ms(run.resolve.median)} (${ms(run.resolve.max)})`,
    );
    say(
      "(the week before the last 3 school days has no attendance generated, so every lesson there counts as incomplete: a backlog far above a real school's)",
    );
    say(
      `target: under 200 ms per scan → ${[small, large].every((f) => f.bell.max < 200 && f.quiet.max < 200) ? 'met' : 'NOT met'} (slowest scan ${ms(Math.max(small.bell.max, large.bell.max, small.quiet.max, large.quiet.max))})`,
    );
    say();
    say(`EXPLAIN ANALYZE of the scan at a bell, ${large.lessons} lessons (key lines; full plan follows):`);
    for (const line of keyPlanLines(large.plan)) say(`  ${line}`);
    say();
    for (const line of large.plan) say(`  | ${line}`);
    say();
    say(`EXPLAIN ANALYZE at ${small.lessons} lessons, key lines:`);
    for (const line of keyPlanLines(small.plan)) say(`  ${line}`);
    say(`total run ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await db.close();
    await scratch.drop();
  }
}

/** The date `n` school days (Monday–Friday) before `day` (or `day` itself counted as the first when inclusive is false). */
async function schoolDaysBack(db: Database, day: string, n: number, strictlyBefore = false): Promise<string> {
  const [row] = await db.sql.query<{ d: string }>(
    `SELECT to_char(d, 'YYYY-MM-DD') AS d FROM generate_series($1::date - 60, $1::date - $3::int, interval '1 day') d
     WHERE extract(isodow FROM d) < 6 ORDER BY d DESC OFFSET $2 - 1 LIMIT 1`,
    [day, n, strictlyBefore ? 1 : 0],
  );
  return row.d;
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
