import { linkChatsByCode } from './bench-linking';
import {
  accessLogRows,
  createScratchDatabase,
  fmt,
  postAll,
  requireEnv,
  startBareRoute,
  startServerProcess,
} from './bench-support';
import { firstRequestFigures, firstRequestLines } from './voice-first-request';
import { alexaIntentRequest, aliceRequest } from './voice-requests';

// npm run bench:voice — Alice webhook requests (POST /webhooks/alice) against a server process
// over real PostgreSQL + Redis, next to a bare Express route that only parses JSON, in the same
// run; then Alexa (POST /webhooks/alexa, through ask-sdk-express-adapter) the same way. Alexa's
// signature check is off here: only Amazon can sign a request, and its certificate check is the
// same fixed cost for every request. Last, the first Alice request after a server process starts,
// on PGlite and on PostgreSQL, next to warm ones (./voice-first-request.ts).
// Target: Alice p99 under 50 ms server-side, ≥ 25 % of the bare route's throughput.

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SKILL_ID = 'bench-alice-skill';
const ALEXA_SKILL_ID = 'amzn1.ask.skill.bench';
const LINKED = 40;

const QUESTIONS = [
  'что задали на завтра',
  'какие оценки сегодня',
  'расписание на завтра',
  'сколько денег на карте',
  'оценки за неделю',
  'что задали по математике на завтра',
];
const FOLLOW_UPS = ['а по физике', 'а на послезавтра', 'а вчера'];
const ALEXA_INTENTS: { name: string; slots: Record<string, string> }[] = [
  { name: 'HomeworkIntent', slots: { date: 'PRESENT_REF' } },
  { name: 'GradesIntent', slots: { subject: 'math' } },
  { name: 'ScheduleIntent', slots: { date: '2026-W50' } },
  { name: 'BalanceIntent', slots: {} },
];

/** The mix a school evening brings: questions and follow-ups from linked users, new sessions, strangers, health checks. */
function aliceBody(i: number): string {
  const kind = i % 20;
  const user = kind < 17 ? `bench-alice-${i % LINKED}` : `stranger-${i}`;
  const command =
    kind === 19
      ? 'ping'
      : kind < 12
        ? QUESTIONS[i % QUESTIONS.length]
        : kind < 16
          ? FOLLOW_UPS[i % FOLLOW_UPS.length]
          : kind === 16
            ? ''
            : 'что задали на завтра';
  const state =
    kind >= 12 && kind < 16
      ? { last: { intent: 'homework', date: null, dateTo: null, subject: 'Математика', child: null } }
      : {};
  return JSON.stringify(
    aliceRequest({
      skillId: SKILL_ID,
      userId: user,
      sessionId: `s-${i % 500}`,
      messageId: i % 7,
      command,
      isNew: kind === 16,
      state,
    }),
  );
}

function alexaBody(i: number): string {
  const intent = ALEXA_INTENTS[i % ALEXA_INTENTS.length];
  return JSON.stringify(
    alexaIntentRequest({
      skillId: ALEXA_SKILL_ID,
      userId: `amzn1.ask.account.bench-${i % LINKED}`,
      sessionId: `s-${i % 500}`,
      requestId: `r-${i}`,
      intent: intent.name,
      slots: intent.slots,
    }),
  );
}

async function main() {
  const db = await createScratchDatabase(requireEnv('DATABASE_URL'), 'dnevnik_bench_voice');
  const server = await startServerProcess({
    DATABASE_URL: db.url,
    REDIS_URL: requireEnv('REDIS_URL'),
    DEMO: 'true',
    // A few chats ask thousands of questions here: the per-chat abuse limit would answer most of them "please wait".
    QUESTIONS_PER_MINUTE: '0',
    ALICE_SKILL_ID: SKILL_ID,
    ALEXA_SKILL_ID,
    ALEXA_VERIFY_SIGNATURE: 'false',
  });
  const bare = await startBareRoute(['/webhooks/alice']);
  try {
    const linked = LINKED;
    await linkChatsByCode(db.url, [
      ...Array.from({ length: linked }, (_, i) => ({
        channel: 'alice' as const,
        externalId: `bench-alice-${i}`,
        locale: 'ru' as const,
      })),
      ...Array.from({ length: linked }, (_, i) => ({
        channel: 'alexa' as const,
        externalId: `amzn1.ask.account.bench-${i}`,
        locale: 'en' as const,
      })),
    ]);
    const alice = Array.from({ length: TOTAL }, (_, i) => aliceBody(i));
    const alexa = Array.from({ length: TOTAL }, (_, i) => alexaBody(i));
    const warm = alice.slice(0, 500);
    await postAll(`${server.url}/webhooks/alice`, warm, CONCURRENCY);
    await postAll(`${server.url}/webhooks/alexa`, alexa.slice(0, 500), CONCURRENCY);
    await postAll(`${bare.url}/webhooks/alice`, warm, CONCURRENCY);
    const rows0 = await accessLogRows(db.url);
    const aliceRun = await postAll(`${server.url}/webhooks/alice`, alice, CONCURRENCY);
    const rows1 = await accessLogRows(db.url);
    const bareRun = await postAll(`${bare.url}/webhooks/alice`, alice, CONCURRENCY);
    const alexaRun = await postAll(`${server.url}/webhooks/alexa`, alexa, CONCURRENCY);
    const rows2 = await accessLogRows(db.url);
    const ratio = aliceRun.rate / bareRun.rate;
    const line = (name: string, r: { rate: number; p50: number; p99: number }) =>
      `${name}${fmt(r.rate)} req/s  (p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms)`;
    process.stdout.write(
      [
        `bench:voice — ${fmt(TOTAL)} requests per route (${linked} linked users: questions, follow-ups, new sessions, strangers, pings), ${CONCURRENCY} concurrent, real PostgreSQL + Redis`,
        line('  Alice  /webhooks/alice (schema → link lookup → nlu → core → tts):  ', aliceRun),
        line('  baseline: bare Express route with JSON parsing:                   ', bareRun),
        `  ratio Alice / bare: ${fmt(ratio * 100, 1)} %  (target ≥ 25 %) ${ratio >= 0.25 ? 'OK' : 'BELOW TARGET'};  p99 ${aliceRun.p99 < 50 ? 'OK' : 'ABOVE TARGET'} (target < 50 ms)`,
        line('  Alexa  /webhooks/alexa (adapter → envelope check → skill → SSML): ', alexaRun),
        `  ratio Alexa / bare: ${fmt((alexaRun.rate / bareRun.rate) * 100, 1)} %`,
        `  access-log rows written (one per pupil an answer showed): Alice ${fmt(rows1 - rows0)}, Alexa ${fmt(rows2 - rows1)}`,
      ].join('\n') + '\n',
    );
    // Linked users ask most of the questions: if they were not answered from a diary, the run measured prompts.
    if (rows1 - rows0 < TOTAL / 4 || rows2 - rows1 < TOTAL / 4)
      throw new Error('too few answers read a diary: the benchmark users are not linked');
  } finally {
    bare.stop();
    await server.stop();
    await db.drop();
  }
  process.stdout.write(`${firstRequestLines(await firstRequestFigures(requireEnv('DATABASE_URL'))).join('\n')}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
