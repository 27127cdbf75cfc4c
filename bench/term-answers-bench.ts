import { performance } from 'node:perf_hooks';
import { createAnswerService, renderAnswer } from '../core/answers';
import type { Database } from '../prisma/db/database';
import { applyMigrations } from '../prisma/db/migrate';
import { loadDemoSchool } from '../prisma/demo/load-demo';
import { demoPlaygroundPeople } from '../prisma/demo/load-demo-people';
import { createReadModel } from '../prisma/stores/diary/read-model';
import { createIngestStore } from '../prisma/stores/ingest/ingest-store';
import { createTermReader } from '../prisma/stores/terms/term-reader';
import { onEachDatabase, runBenchmark } from './bench-databases';
import { fmt, percentile } from './bench-support';

// Term questions over pupils with a whole school year of grades, next to a day's grades asked by
// the same parents at the same moment: the demo school generated for 20 May with every week since
// September (about 270 grades a pupil, a parent with two children reads twice that for the year).
// Target: each question's p99 within 1.5× a day's grades.

const TZ = 'Europe/Moscow';
const TODAY = '2027-05-20';
const NOW = new Date(`${TODAY}T13:00:00+03:00`);
/** Monday 31 August 2026 (the year's first week) to the week before 17 May 2027. */
const WEEKS_OF_THE_YEAR = 37;
const QUESTIONS = [
  'средний балл за четверть',
  'средний балл за год',
  'что нужно, чтобы вышла пятёрка по русскому',
  'что нужно, чтобы за год вышла пятёрка по алгебре',
  'какие темы подтянуть',
  'итоговые оценки',
];

async function loadYear(db: Database) {
  await db.sql.session((sql) => applyMigrations(sql));
  const started = performance.now();
  const loaded = await loadDemoSchool({
    ingestStore: createIngestStore(db),
    timezone: TZ,
    today: TODAY,
    weeksBefore: WEEKS_OF_THE_YEAR,
    prisma: db.prisma,
  });
  const grades = await db.sql.query<{ per: number }>(
    `SELECT round(count(*)::numeric / count(DISTINCT "studentId"))::int AS per FROM "Grade"`,
    [],
  );
  return { events: loaded.events, seconds: (performance.now() - started) / 1000, perPupil: grades[0]?.per ?? 0 };
}

async function measureOn(db: Database, label: string, count: number) {
  const year = await loadYear(db);
  process.stdout.write(
    `${label.padEnd(10)} a school year loaded: ${fmt(year.events)} events in ${fmt(year.seconds, 1)} s, ${fmt(year.perPupil)} grades a pupil\n`,
  );
  const answers = createAnswerService({ ...createReadModel(db, TZ), terms: createTermReader(db), defaultTimezone: TZ });
  const parents = demoPlaygroundPeople()
    .filter((p) => p.id.startsWith('demo-guardian-'))
    .map((p) => p.id);
  const timed = async (text: string) => {
    const one = async (i: number) => {
      const asked = await answers.ask(text, { personId: parents[i % parents.length] }, NOW);
      return renderAnswer(asked.answer, asked.lang).text;
    };
    for (let i = 0; i < 200; i++) await one(i);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      await one(i);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p99: percentile(times, 99) };
  };
  // The baseline is measured before and after the term questions; the slower of the two counts,
  // so a machine that slows down midway does not flatter the questions after it.
  const before = await timed('оценки сегодня');
  const results = [];
  for (const text of QUESTIONS) results.push({ text, ...(await timed(text)) });
  const after = await timed('оценки сегодня');
  const base = { p50: Math.max(before.p50, after.p50), p99: Math.max(before.p99, after.p99) };
  process.stdout.write(
    `${label.padEnd(10)} term answers over a whole year, next to a day's grades (p50 ${fmt(base.p50, 2)} ms, p99 ${fmt(base.p99, 2)} ms):\n`,
  );
  for (const { text, p50, p99 } of results) {
    const ratio = p99 / base.p99;
    process.stdout.write(
      `  ${text.padEnd(50)} p50 ${fmt(p50, 2)} ms  p99 ${fmt(p99, 2)} ms  ${fmt(ratio, 2)}× at p99  (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'MISSED'})\n`,
    );
  }
}

/** On PGlite, and on PostgreSQL when DATABASE_URL is set. */
export const measureTermAnswers = (count: number) =>
  onEachDatabase('bench_terms', (db, label) => measureOn(db, label, count));

if (process.argv[1]?.endsWith('term-answers-bench.ts'))
  runBenchmark(() => measureTermAnswers(Number(process.env.BENCH_ANSWERS ?? 2_500)));
