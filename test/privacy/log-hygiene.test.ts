import { Writable } from 'node:stream';
import request from 'supertest';
import { aliceApp, aliceRequest, OAUTH_CLIENT } from '../helpers/alice-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import { OAUTH_REDIRECT, openSignInPage, postSignIn } from '../helpers/oauth-sign-in';
import type { TestDatabase } from '../helpers/test-database';

// A whole conversation logged at the most verbose level — linking by a spoken code, consent,
// questions, the OAuth sign-in with its tokens, and /forget — must leave ids in the log, never
// the child's name, the link code or a token.

describe('logs carry ids, never names, codes or tokens', () => {
  let db: TestDatabase;
  let lines: string[];
  let harness: ReturnType<typeof aliceApp>;

  beforeAll(async () => {
    db = await createDemoDatabase();
    lines = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    harness = aliceApp(db, { oauth: true, log: sink });
  });
  afterAll(() => db?.destroy());

  it('after a full conversation', async () => {
    const student = await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const say = async (command: string, state: Record<string, unknown> = {}, userId = 'log-parent') =>
      (await request(harness.app).post('/webhooks/alice').send(aliceRequest({ userId, command, state })).expect(200))
        .body as { response: { text: string }; session_state: Record<string, unknown> };

    const code = await harness.issueCode(student.id);
    const spokenCode = `${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8)}`;
    await say(`мой код 1111 2222 3333`);
    const asked = await say(`мой код ${spokenCode}`);
    const linked = await say('да', asked.session_state);
    expect(linked.response.text).toContain(student.firstName);
    const grades = await say('какие оценки сегодня');
    await say('что задали на завтра');
    await say(`оценки у ${student.firstName}`);
    expect(grades.response.text.length).toBeGreaterThan(0);

    const webCode = await harness.issueCode(student.id);
    const { csrf, cookie } = await openSignInPage(harness.app);
    const signIn = await postSignIn(harness.app, { code: webCode, consent: 'yes' });
    expect(signIn.status).toBe(302);
    const authCode = new URL(signIn.headers.location).searchParams.get('code')!;
    const tokens = await request(harness.app)
      .post('/oauth/token')
      .type('form')
      .send({
        grant_type: 'authorization_code',
        code: authCode,
        redirect_uri: OAUTH_REDIRECT,
        client_id: OAUTH_CLIENT.id,
        client_secret: OAUTH_CLIENT.secret,
      })
      .expect(200);
    // A replayed code revokes its tokens, and says so in the log — without the code.
    await request(harness.app)
      .post('/oauth/token')
      .type('form')
      .send({
        grant_type: 'authorization_code',
        code: authCode,
        redirect_uri: OAUTH_REDIRECT,
        client_id: OAUTH_CLIENT.id,
        client_secret: OAUTH_CLIENT.secret,
      })
      .expect(400);
    await say('забудь меня');

    const log = lines.join('');
    expect(log).toMatch(/voice user linked/);
    expect(log).toMatch(/"requestId"/);
    expect(log).toMatch(/family is revoked/);
    for (const secret of [
      student.firstName,
      student.lastName,
      code,
      spokenCode,
      webCode,
      authCode,
      tokens.body.access_token,
      tokens.body.refresh_token,
      OAUTH_CLIENT.secret,
      csrf,
      cookie.split('=')[1],
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
