import { performance } from 'node:perf_hooks';
import { createAnswerService, renderAnswer } from '../core/answers';
import { parseUtterance } from '../core/nlu';
import { type Database, openDatabase } from '../prisma/db/database';
import { applyMigrations } from '../prisma/db/migrate';
import { loadDemoSchool } from '../prisma/demo/load-demo';
import { demoPlaygroundPeople } from '../prisma/demo/load-demo-people';
import { createReadModel } from '../prisma/stores/diary/read-model';
import { createIngestStore } from '../prisma/stores/ingest/ingest-store';
import { createScratchDatabase, fmt, percentile } from './bench-support';
import { measureDialogues } from './dialogue-bench';
import { measureTermAnswers } from './term-answers-bench';

// npm run bench:answer — a whole answer in-process (parse → access → diary → render) over the
// demo school, on PGlite and, when DATABASE_URL is set, on PostgreSQL; plus parse alone; then a
// dialogue of follow-ups in every channel next to the same questions asked whole (./dialogue-bench.ts);
// then the term questions over pupils with a whole school year of grades (./term-answers-bench.ts).
// Targets: p99 < 5 ms per answer in-process; parse ≥ 20,000 utterances/s on one core; a dialogue
// turn ≤ 1.2× a single question in its channel; a term question's p99 ≤ 1.5× a day's grades.

const TODAY = '2026-12-02';
const NOW = new Date('2026-12-02T13:00:00+03:00');
const TZ = 'Europe/Moscow';
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 5_000);
const PARSES = Number(process.env.BENCH_PARSES ?? 200_000);

/** What parents, pupils and teachers ask most, roughly in proportion. */
const UTTERANCES = [
  'оценки сегодня',
  'какие оценки сегодня',
  'что задали на завтра',
  'что задали на завтра по математике',
  'расписание',
  'расписание на завтра',
  'какие уроки в пятницу',
  'сколько денег на карте',
  'баланс',
  'оценки за неделю',
  'что получила Маша сегодня',
  'дз по русскому',
  'какие оценки у Даши',
  "what are today's grades",
  'homework for tomorrow',
  'помощь',
  'подпиши меня на оценки',
];

async function measureAnswers(db: Database, label: string) {
  const answers = createAnswerService({ ...createReadModel(db, TZ), defaultTimezone: TZ });
  const people = demoPlaygroundPeople().map((p) => p.id);
  const job = (i: number) => ({ personId: people[i % people.length], text: UTTERANCES[(i * 7) % UTTERANCES.length] });
  // Each request renders what its channel sends: chat text for messengers (most traffic), speech
  // and TTS for Alice, SSML for Alexa.
  const one = async (i: number) => {
    const { personId, text } = job(i);
    const asked = await answers.ask(text, { personId }, NOW);
    const rendered = renderAnswer(asked.answer, asked.lang);
    const channel = i % 10;
    return channel < 7 ? rendered.text : channel < 9 ? rendered.speech + rendered.tts : rendered.ssml;
  };
  for (let i = 0; i < 500; i++) await one(i);
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < ANSWERS; i++) {
    const t = performance.now();
    await one(i);
    times.push(performance.now() - t);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const p99 = percentile(times, 99);
  process.stdout.write(
    `${label.padEnd(10)} answers: ${fmt(ANSWERS)}  p50 ${fmt(percentile(times, 50), 2)} ms  p99 ${fmt(p99, 2)} ms  max ${fmt(times[times.length - 1], 1)} ms  ` +
      `${fmt((ANSWERS / total) * 1000)} answers/s  (target p99 < 5 ms: ${p99 < 5 ? 'met' : 'MISSED'})\n`,
  );
}

async function withDemo(db: Database, work: () => Promise<void>) {
  await db.sql.session((sql) => applyMigrations(sql));
  await loadDemoSchool({ ingestStore: createIngestStore(db), timezone: TZ, today: TODAY, prisma: db.prisma });
  await work();
}

function measureParse() {
  for (let i = 0; i < 5_000; i++) parseUtterance(UTTERANCES[i % UTTERANCES.length], { now: NOW, tz: TZ });
  const started = performance.now();
  for (let i = 0; i < PARSES; i++) parseUtterance(UTTERANCES[i % UTTERANCES.length], { now: NOW, tz: TZ });
  const perSecond = (PARSES / (performance.now() - started)) * 1000;
  process.stdout.write(
    `parse only  ${fmt(perSecond)} utterances/s on one core  (target ≥ 20,000: ${perSecond >= 20_000 ? 'met' : 'MISSED'})\n`,
  );
}

async function main() {
  measureParse();

  const pglite = await openDatabase({ dataDir: 'memory://' });
  try {
    await withDemo(pglite, async () => {
      await measureAnswers(pglite, 'pglite');
      await measureDialogues(pglite, 'pglite', TZ, NOW);
    });
  } finally {
    await pglite.close();
  }

  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    process.stdout.write('postgres   skipped: DATABASE_URL is not set\n');
    return;
  }
  const scratch = await createScratchDatabase(adminUrl, 'bench_answer');
  const pg = await openDatabase({ databaseUrl: scratch.url });
  try {
    await withDemo(pg, async () => {
      await measureAnswers(pg, 'postgres');
      await measureDialogues(pg, 'postgres', TZ, NOW);
    });
  } finally {
    await pg.close();
    await scratch.drop();
  }
}

async function mainWithTerms() {
  await main();
  await measureTermAnswers(Math.max(500, Math.floor(ANSWERS / 2)));
}

mainWithTerms().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
