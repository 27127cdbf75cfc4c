import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dayInZone } from '../core/calendar';
import { parseUtterance } from '../core/nlu';
import type { Runtime } from './runtime';

// The first request after a start paid for everything a process does once: the code's first runs
// (compiled by V8 as they run), Prisma's first queries and the name cache they fill, the answer's
// statements prepared, the time zone's calendar in Intl, Express's and zod's first parse. Yandex
// waits 4.5 s for Alice's answer, and on a busy machine that first request took a good part of a
// second where later ones take milliseconds (bench/voice-first-request.ts; the figures are in
// docs/alice-publishing.md). So `serve` runs it here, before it listens: nothing is written — the
// questions are asked for a chat and a pupil that do not exist — and a failure only costs speed.

/** No Yandex, Telegram or VK id looks like this (Yandex's are hex), and nothing is stored for it. */
const NOBODY = 'dnevnik-warm-up';

/** The statements of an answer, run once for no one: prepared, and the name cache loaded. */
async function warmDatabase(runtime: Runtime): Promise<void> {
  const { access, diary } = runtime.stores.readModel;
  const zone = runtime.config.TZ_DEFAULT;
  const today = dayInZone(Date.now(), zone);
  const range = { from: today, to: today };
  const nobody = [{ id: NOBODY, classId: NOBODY, timezone: zone }];
  await access.chatViewer({ channel: 'alice', externalId: NOBODY });
  // No access-log entries: there is no one to show, so nothing is logged as seen.
  await diary.studentDiaries(nobody, range, { grades: true, homework: true, lessons: true, canteen: true }, []);
  await diary.timetableOutlines(nobody, range, null);
}

/** The parser's first utterances, in both languages, in the default time zone. */
function warmLanguage(runtime: Runtime): void {
  const tz = runtime.config.TZ_DEFAULT;
  for (const text of ['что задали на завтра по математике', 'какие оценки сегодня у Маши'])
    parseUtterance(text, { lang: 'ru', tz });
  parseUtterance('what is the homework for tomorrow', { lang: 'en', tz });
}

function post(port: number, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      // A connection of its own, closed after: a kept-alive one would hold the server's close for seconds.
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json' }, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function aliceRequest(skillId: string, command: string): string {
  return JSON.stringify({
    meta: { locale: 'ru-RU', interfaces: {} },
    session: {
      message_id: 1,
      session_id: NOBODY,
      skill_id: skillId,
      user: { user_id: NOBODY },
      application: { application_id: NOBODY },
      new: false,
    },
    request: { command, original_utterance: command, type: 'SimpleUtterance' },
    version: '1.0',
  });
}

/**
 * Alice's route as Yandex calls it — the health check, and a question from someone not linked —
 * through the app on a loopback port of its own, closed afterwards. The requests are not counted
 * in /metrics: nobody sent them.
 */
async function warmAliceRoute(runtime: Runtime): Promise<void> {
  const { ALICE_SKILL_ID: skillId, ALICE_WEBHOOK_PATH_SECRET: secret } = runtime.config;
  if (!skillId) return;
  const path = secret ? `/webhooks/alice/${secret}` : '/webhooks/alice';
  const server = http.createServer(runtime.app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  try {
    const { port } = server.address() as AddressInfo;
    for (const command of ['ping', 'что задали на завтра']) {
      const status = await post(port, path, aliceRequest(skillId, command));
      if (status !== 200) throw new Error(`Alice's route answered ${status}`);
    }
  } finally {
    await new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
    runtime.metrics.httpRequests.reset();
    runtime.metrics.httpDuration.reset();
  }
}

/** Runs once before the server listens; how long it took, in milliseconds. */
export async function warmUp(runtime: Runtime): Promise<number> {
  const started = performance.now();
  try {
    await warmDatabase(runtime);
    warmLanguage(runtime);
    await warmAliceRoute(runtime);
  } catch (err) {
    runtime.logger.warn({ err }, 'warming up failed: the first requests will be slower');
  }
  const ms = Math.round(performance.now() - started);
  runtime.logger.debug({ ms }, 'warmed up');
  return ms;
}
