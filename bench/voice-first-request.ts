import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { demoPeople } from '../prisma/demo/people';
import { ALICE_TEXTS } from '../skills/alice/locales';
import { createScratchDatabase, fmt, percentile, startServerProcess } from './bench-support';

// The first Alice request after a process start, next to warm ones: Yandex waits 4.5 s for an
// answer and then tells the person the skill does not respond (docs/alice-publishing.md), and a
// process is started again at every deploy and restart. For each database, a server is started
// on the demo school, a chat is linked the way a parent links it (a code from `dnevnik codes`, said
// to the skill, and «да»), and then the server is started `BENCH_STARTS` times (default 3): the
// time until it answers /healthz, that chat's first question, its second, and the median of 50
// more. Part of `npm run bench:voice`; alone: `npx tsx bench/voice-first-request.ts` (PGlite, and
// PostgreSQL when DATABASE_URL is set).

const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const WARM_REQUESTS = 50;
const SKILL_ID = 'bench-first-request';
// As deployed: Alice's route behind its secret path.
const PATH_SECRET = 'bench-first-request-path-secret';
const PEPPER = 'bench-first-request-pepper-0123456789abcdef';
const YANDEX_WAIT_MS = 4_500;
const ROOT = path.join(__dirname, '..');
const run = promisify(execFile);
// What bin/dnevnik.js decides by: whether the server runs the compiled dist/ or the sources through tsx.
const { staleReason } = require('../scripts/build.js') as { staleReason(root: string, dist: string): string | null };

export interface TFirstRequestFigures {
  database: 'PGlite' | 'PostgreSQL';
  readyMs: number[];
  firstMs: number[];
  secondMs: number[];
  warmP50Ms: number[];
}

const ascending = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => percentile(ascending(xs), 50);

function aliceBody(userId: string, command: string, state: unknown = {}): string {
  return JSON.stringify({
    meta: { locale: 'ru-RU', timezone: 'Europe/Moscow', client_id: 'bench', interfaces: { screen: {} } },
    session: {
      message_id: 1,
      session_id: `s-${userId}`,
      skill_id: SKILL_ID,
      user: { user_id: userId },
      application: { application_id: `app-${userId}` },
      new: false,
    },
    request: {
      command,
      original_utterance: command,
      type: 'SimpleUtterance',
      nlu: { tokens: command.split(' '), entities: [], intents: {} },
    },
    state: { session: state },
    version: '1.0',
  });
}

type TAliceAnswer = { response: { text: string }; session_state?: unknown };

async function ask(url: string, body: string): Promise<{ ms: number; answer: TAliceAnswer }> {
  const started = performance.now();
  const res = await fetch(`${url}/webhooks/alice/${PATH_SECRET}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`/webhooks/alice answered ${res.status}: ${text.slice(0, 200)}`);
  return { ms, answer: JSON.parse(text) as TAliceAnswer };
}

/** Links `userId` as a demo parent, through the running server: the code from `dnevnik codes`, said, and «да». */
async function linkParent(url: string, env: Record<string, string>, userId: string): Promise<void> {
  const studentId = demoPeople()[0].studentIds[0];
  const { stdout } = await run(
    process.execPath,
    [path.join(ROOT, 'bin', 'dnevnik.js'), 'codes', '--student', studentId],
    {
      env: { ...process.env, ...env },
    },
  );
  const code = /code: +(\d{4} \d{4} \d{4})/.exec(stdout)?.[1];
  if (!code) throw new Error(`dnevnik codes printed no code:\n${stdout}`);
  const offered = await ask(url, aliceBody(userId, `мой код ${code}`));
  const linked = await ask(url, aliceBody(userId, 'да', offered.answer.session_state));
  if (!/^Готово/.test(linked.answer.response.text))
    throw new Error(`the benchmark parent was not linked: ${linked.answer.response.text}`);
}

async function measure(database: TFirstRequestFigures['database'], env: Record<string, string>) {
  const serverEnv = {
    ...env,
    DEMO: 'true',
    ALICE_SKILL_ID: SKILL_ID,
    ALICE_WEBHOOK_PATH_SECRET: PATH_SECRET,
    // `dnevnik codes` prints codes only for a channel the letters can name.
    ALICE_SKILL_NAME: 'Дневник Совёнок',
    LINK_CODE_PEPPER: PEPPER,
    QUESTIONS_PER_MINUTE: '0',
  };
  const parent = 'bench-first-parent';
  // The first start loads the demo school.
  const setup = await startServerProcess(serverEnv);
  try {
    await linkParent(setup.url, serverEnv, parent);
  } finally {
    await setup.stop();
  }
  const figures: TFirstRequestFigures = { database, readyMs: [], firstMs: [], secondMs: [], warmP50Ms: [] };
  for (let start = 0; start < STARTS; start++) {
    const spawned = performance.now();
    const server = await startServerProcess(serverEnv);
    figures.readyMs.push(performance.now() - spawned);
    try {
      const first = await ask(server.url, aliceBody(parent, 'что задали на завтра'));
      if (first.answer.response.text === ALICE_TEXTS.ru.askCode)
        throw new Error('the first question was not answered from the diary: the parent is not linked');
      figures.firstMs.push(first.ms);
      figures.secondMs.push((await ask(server.url, aliceBody(parent, 'какие оценки сегодня'))).ms);
      const warm: number[] = [];
      for (let i = 0; i < WARM_REQUESTS; i++)
        warm.push(
          (await ask(server.url, aliceBody(parent, i % 2 ? 'расписание на завтра' : 'что задали на завтра'))).ms,
        );
      figures.warmP50Ms.push(median(warm));
    } finally {
      await server.stop();
    }
  }
  return figures;
}

/** PGlite in a scratch DATA_DIR; PostgreSQL in a scratch database when `adminUrl` is given. */
export async function firstRequestFigures(adminUrl: string | undefined): Promise<TFirstRequestFigures[]> {
  const results: TFirstRequestFigures[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-bench-first-'));
  try {
    const dataDir = path.join(dir, 'data');
    results.push(await measure('PGlite', { DATABASE_URL: '', REDIS_URL: '', DATA_DIR: dataDir }));
    if (adminUrl) {
      const db = await createScratchDatabase(adminUrl, 'dnevnik_bench_first');
      try {
        results.push(await measure('PostgreSQL', { DATABASE_URL: db.url, DATA_DIR: path.join(dir, 'postgres-data') }));
      } finally {
        await db.drop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** The report's lines: per database, medians over the starts, and the slowest first request against Yandex's wait. */
export function firstRequestLines(results: TFirstRequestFigures[]): string[] {
  const stale = staleReason(ROOT, path.join(ROOT, 'dist'));
  const lines = [
    `  first Alice request after a start (${STARTS} starts each, a linked parent's question; the server runs ${stale ? `through tsx: ${stale}` : 'compiled (dist/)'}):`,
  ];
  for (const r of results) {
    const slowest = Math.max(...r.firstMs);
    lines.push(
      `    ${r.database.padEnd(10)} ready ${fmt(median(r.readyMs) / 1000, 1)} s · first ${fmt(median(r.firstMs), 0)} ms (slowest ${fmt(slowest, 0)}) · second ${fmt(median(r.secondMs), 0)} ms · warm p50 ${fmt(median(r.warmP50Ms), 1)} ms   ${slowest < YANDEX_WAIT_MS / 10 ? 'OK' : 'SLOW'} (target: first < 450 ms, a tenth of Yandex's 4.5 s)`,
    );
  }
  return lines;
}

if (require.main === module) {
  firstRequestFigures(process.env.DATABASE_URL || undefined)
    .then((results) => process.stdout.write(`${firstRequestLines(results).join('\n')}\n`))
    .catch((err) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    });
}
