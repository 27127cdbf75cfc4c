import request from 'supertest';
import type { Runtime } from '../../runtime/runtime';
import { createDemoDatabase } from '../helpers/demo-database';
import { openFullRuntime, rowCounts } from '../helpers/full-app';
import { type MaxStub, startMaxStub } from '../helpers/max-stub';
import { type PlatformStub, startPlatformStub } from '../helpers/platform-stub';
import type { TestDatabase } from '../helpers/test-database';
import { BRAKE_TABLES, HOSTILE_ENV, hostileCases } from './hostile-cases';

// Every public route of the whole server against hostile input: wrong or missing secrets and
// signatures, replays, malformed, truncated, deeply nested, wrongly typed and 10 MB bodies,
// unicode junk, SQL and HTML in text fields. Each request must get a 4xx or a polite 2xx — never
// a 5xx — the process must not crash, and no row may change. `npm run audit:input` runs the same
// cases many more times against a server process.

describe('hostile input on every route', () => {
  let db: TestDatabase;
  let platform: PlatformStub;
  let runtime: Runtime;
  let max: MaxStub;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    db = await createDemoDatabase();
    platform = await startPlatformStub();
    max = await startMaxStub({ token: HOSTILE_ENV.MAX_BOT_TOKEN });
    runtime = await openFullRuntime(db, platform, { ...HOSTILE_ENV, MAX_API_BASE_URL: max.apiBaseUrl });
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await runtime?.close();
    await platform?.close();
    await max?.close();
  });

  it('answers every case with a 4xx or a polite 2xx and changes no row', async () => {
    const before = await rowCounts(db);
    const cases = hostileCases(40);
    const failures: string[] = [];
    const byRoute = new Map<string, { tried: number; rejected: number; answered: number }>();
    // A Telegram reply may ride in the webhook's response (a webhook reply) instead of a request.
    let telegramWebhookReplies = 0;
    for (const c of cases) {
      const res = await request(runtime.app)
        .post(c.path)
        .set(c.headers)
        .set('content-type', c.contentType ?? 'application/json')
        .send(c.body);
      const tally = byRoute.get(c.route) ?? { tried: 0, rejected: 0, answered: 0 };
      tally.tried++;
      if (res.status >= 500 || (c.expect && !c.expect.includes(res.status)))
        failures.push(`${c.route} / ${c.name}: ${res.status} ${res.text.slice(0, 200)}`);
      else if (res.status >= 400) tally.rejected++;
      else tally.answered++;
      byRoute.set(c.route, tally);
      const reply = res.body as { method?: string; chat_id?: unknown; text?: unknown } | undefined;
      if (
        c.route === 'telegram' &&
        reply?.method === 'sendMessage' &&
        reply.chat_id !== undefined &&
        typeof reply.text === 'string'
      )
        telegramWebhookReplies++;
    }
    expect(failures).toEqual([]);
    expect(unhandled).toEqual([]);
    const after = await rowCounts(db);
    for (const table of BRAKE_TABLES) {
      delete after[table];
      delete before[table];
    }
    expect(after).toEqual(before);
    // Every route was really tried, and refusals were not the only answer where a polite reply is due.
    expect([...byRoute.keys()].sort()).toEqual(['alexa', 'alice', 'journal', 'max', 'oauth', 'telegram', 'vk']);
    expect(byRoute.get('telegram')!.answered).toBeGreaterThan(40);
    expect(byRoute.get('alice')!.answered).toBeGreaterThan(40);
    // The polite replies really went out through the platforms' APIs.
    expect((platform.counts.get('sendMessage') ?? 0) + telegramWebhookReplies).toBeGreaterThan(40);
    expect(platform.counts.get('messages.send') ?? 0).toBeGreaterThan(40);
    expect(byRoute.get('max')!.answered).toBeGreaterThan(40);
    expect(max.accepted.length).toBeGreaterThan(40);
    // Webhook mode: the subscription was made at the stub, with the secret.
    expect(max.subscriptions).toEqual([
      expect.objectContaining({
        url: `${HOSTILE_ENV.PUBLIC_URL}/webhooks/max`,
        secret: HOSTILE_ENV.MAX_WEBHOOK_SECRET,
      }),
    ]);
    await request(runtime.app).get('/healthz').expect(200);
  });

  it('stores a school name full of SQL and HTML as the literal text it is', async () => {
    const { signJournalBody } = await import('../../webhooks/journal-signature');
    const name = `'; DROP TABLE "Grade"; -- <script>x</script>`;
    const body = JSON.stringify({
      events: [
        {
          id: 'hostile-literal-1',
          type: 'school.upserted',
          occurredAt: '2026-12-01T09:00:00+03:00',
          data: { schoolId: 'hostile-literal', name },
        },
      ],
    });
    const at = String(Math.floor(Date.now() / 1000));
    await request(runtime.app)
      .post('/webhooks/journal')
      .set({
        'content-type': 'application/json',
        'x-dnevnik-timestamp': at,
        'x-dnevnik-signature': signJournalBody(HOSTILE_ENV.JOURNAL_WEBHOOK_SECRET, at, body),
      })
      .send(body)
      .expect(200);
    expect((await db.prisma.school.findUniqueOrThrow({ where: { id: 'hostile-literal' } })).name).toBe(name);
    expect(await db.prisma.grade.count()).toBeGreaterThan(0);
  });
});
