import { countMethods, startTelegramStub, type TelegramStub } from '../test/helpers/telegram-stub';
import { BENCH_PEPPER, issueCodes } from './bench-linking';
import {
  createScratchDatabase,
  postAll,
  type ServerProcess,
  startBareRoute,
  startServerProcess,
  type TLoadResult,
} from './bench-support';
import {
  linkCodesNeeded,
  linkTelegramChats,
  makeTelegramUpdate,
  telegramRunBase,
  telegramServerEnv,
} from './telegram-updates';

// bench:scale's webhook half: bench:telegram's update mix posted to one web process, then handed
// out in turn to two (the same database and Redis, as two replicas behind a load balancer), next
// to a bare Express route in the same run.

const BOT_ID = 7000000002;
const SECRET = 'bench-scale-secret';
const LINKED_CHATS = 40;

export interface TWebScale {
  updates: number;
  concurrency: number;
  /** Updates each process gets before it is measured, as a long-running server is warm. */
  warm: number;
}

/** A measured phase, with the CPU its web processes used: ms per update, and cores kept busy on average. */
export type TWebRun = TLoadResult & { cpuMsPerUpdate: number; coresBusy: number };

export interface TWebRuns {
  one: TWebRun;
  two: TWebRun;
  bare: TLoadResult;
}

/** Messages and callback answers the double saw from `from` on: every update is answered once. */
function answersSince(api: TelegramStub, from: number): number {
  const calls = countMethods(api.calls.slice(from));
  return (calls.get('sendMessage') ?? 0) + (calls.get('answerCallbackQuery') ?? 0);
}

export async function webhookScale(options: TWebScale, adminUrl: string, redisUrl: string): Promise<TWebRuns> {
  const { updates, concurrency, warm } = options;
  const db = await createScratchDatabase(adminUrl, 'dnevnik_bench_scale');
  const api = await startTelegramStub();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });
  const mix = { runBase: telegramRunBase(), linkedChats: LINKED_CHATS, today };
  const env = telegramServerEnv(db.url, redisUrl, {
    id: BOT_ID,
    secret: SECRET,
    pepper: BENCH_PEPPER,
    apiRoot: api.apiRoot,
  });
  const webs: ServerProcess[] = [];
  let bare: { url: string; stop: () => void } | undefined;
  // Update ids never repeat across the phases: a repeated id would only measure the dedup.
  let nextId = 0;
  const batch = (n: number) => Array.from({ length: n }, () => JSON.stringify(makeTelegramUpdate(nextId++, mix)));
  const drive = (urls: string[], bodies: string[], onResponse?: (text: string) => void) =>
    postAll(
      urls.map((u) => `${u}/webhooks/telegram`),
      bodies,
      concurrency,
      { 'x-telegram-bot-api-secret-token': SECRET },
      onResponse,
    );
  // Checked on the measured updates only: the first updates after linking also bring a chat's
  // one-off follow-ups, as in bench:telegram's warm-up.
  // Replies share the bot's rate in Redis across processes (runtime/chat-channels.ts): when the
  // processes' CPU sits idle, that limit, not the process count, sets the throughput.
  const measure = async (used: ServerProcess[], bodies: string[]): Promise<TWebRun> => {
    const from = api.calls.length;
    const cpu = () => used.reduce((sum, w) => sum + w.cpuSeconds(), 0);
    const cpuBefore = cpu();
    const t0 = performance.now();
    const result = await drive(
      used.map((w) => w.url),
      bodies,
      api.takeWebhookResponse,
    );
    const cpuS = cpu() - cpuBefore;
    const answered = answersSince(api, from);
    if (answered !== bodies.length) throw new Error(`${answered} updates answered of ${bodies.length}`);
    const wallS = (performance.now() - t0) / 1000;
    return { ...result, cpuMsPerUpdate: (cpuS / bodies.length) * 1000, coresBusy: cpuS / wallS };
  };
  try {
    webs.push(await startServerProcess(env), await startServerProcess(env));
    bare = await startBareRoute(['/webhooks/telegram']);
    const codes = await issueCodes(db.url, linkCodesNeeded(LINKED_CHATS));
    await linkTelegramChats(webs[0].url, SECRET, api, codes, mix, mix.runBase + 10 * (2 * warm + 2 * updates));
    for (const web of webs) await drive([web.url], batch(warm), api.takeWebhookResponse);
    await drive([bare.url], batch(warm));
    const one = await measure([webs[0]], batch(updates));
    const two = await measure(webs, batch(updates));
    return { one, two, bare: await drive([bare.url], batch(updates)) };
  } finally {
    bare?.stop();
    await Promise.all(webs.map((w) => w.stop()));
    await api.close();
    await db.drop();
  }
}
