import { createHash } from 'node:crypto';
import request from 'supertest';
import { aliceApp, aliceRequest, OAUTH_CLIENT, OAUTH_PUBLIC_URL } from '../helpers/alice-harness';
import { createDemoDatabase, DEMO_NOW } from '../helpers/demo-database';
import { authorizationQuery, openSignInPage, postSignIn, OAUTH_REDIRECT as REDIRECT } from '../helpers/oauth-sign-in';
import type { TestDatabase } from '../helpers/test-database';

// Alice account linking end to end: the sign-in page (school code + consent), the redirect back
// to Yandex with a one-time code, the token exchange, and Alice requests carrying the token — and
// the OAuth 2.0 security best practice (RFC 9700) on each step.

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const HOUR = 3600 * 1000;

describe('Alice account linking (OAuth authorization code)', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof aliceApp>;
  let studentId: string;
  let firstName: string;

  const count = async (table: string) =>
    Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`))[0].n);

  /** Signs in with a fresh school code and consent; returns the one-time code Yandex receives. */
  const signIn = async (app = harness, query: Record<string, string> = {}) => {
    const res = await postSignIn(app.app, { code: await app.issueCode(studentId), consent: 'yes' }, query);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.location);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('xyz-state');
    return location.searchParams.get('code')!;
  };
  const exchange = (
    fields: Record<string, string>,
    { app = harness, auth = basic(OAUTH_CLIENT.id, OAUTH_CLIENT.secret) } = {},
  ) => request(app.app).post('/oauth/token').set('authorization', auth).type('form').send(fields);
  const exchangeCode = (code: string, extra: Record<string, string> = {}, app = harness) =>
    exchange({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...extra }, { app });
  const refresh = (refreshToken: string, app = harness) =>
    exchange({ grant_type: 'refresh_token', refresh_token: refreshToken }, { app });

  /** Alice's request carrying the access token Yandex holds; the skill's answer. */
  const askAlice = async (
    accessToken: string,
    { app = harness, command = 'что задали на завтра', userId = 'yandex-user-1' } = {},
  ) => {
    const asked = aliceRequest({ userId, command, accountLinking: true });
    (asked.session as { user: Record<string, unknown> }).user.access_token = accessToken;
    const res = await request(app.app).post('/webhooks/alice').send(asked);
    // Alice's protocol: every answer is a 200; a token we refuse gets the sign-in card, never a 401.
    expect(res.status).toBe(200);
    return res.body.response as { text: string; directives?: unknown };
  };
  const expectSignedIn = async (accessToken: string, app = harness) => {
    const answer = await askAlice(accessToken, { app });
    expect(answer.directives).toBeUndefined();
    expect(answer.text).toContain(firstName.slice(0, 3));
  };
  const expectRefused = async (accessToken: string, app = harness) => {
    expect((await askAlice(accessToken, { app })).directives).toEqual({ start_account_linking: {} });
  };

  beforeAll(async () => {
    db = await createDemoDatabase();
    harness = aliceApp(db, { oauth: true });
    const student = await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } });
    studentId = student.id;
    firstName = student.firstName;
  });
  afterAll(() => db?.destroy());

  it('shows the sign-in page with the consent text only to the configured client and redirect URI', async () => {
    const page = await request(harness.app)
      .get('/oauth/authorize')
      .query(authorizationQuery({ state: '<script>' }))
      .expect(200);
    expect(page.text).toContain('Согласие на обработку персональных данных');
    expect(page.text).toContain('name="code"');
    expect(page.text).toContain('value="&lt;script&gt;"');
    expect(page.text).not.toContain('<script>');
    expect(page.headers['x-frame-options']).toBe('DENY');

    const english = await request(harness.app)
      .get('/oauth/authorize')
      .set('accept-language', 'en-US')
      .query(authorizationQuery())
      .expect(200);
    expect(english.text).toContain('Consent to the processing of personal data');

    // An unknown client or a foreign redirect URI gets an error page, never a redirect.
    await request(harness.app)
      .get('/oauth/authorize')
      .query(authorizationQuery({ client_id: 'other' }))
      .expect(400);
    const foreign = await postSignIn(harness.app, {
      redirect_uri: 'https://evil.example/cb',
      code: await harness.issueCode(studentId),
      consent: 'yes',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.headers.location).toBeUndefined();
  });

  it('stores nothing without consent or with a wrong code, and says why', async () => {
    const before = [await count('Chat'), await count('Consent'), await count('OAuthToken')];
    const noConsent = await postSignIn(harness.app, { code: await harness.issueCode(studentId) });
    expect(noConsent.status).toBe(200);
    expect(noConsent.text).toContain('отметьте согласие');
    // The form shown again carries a fresh CSRF token.
    expect(noConsent.text).toMatch(/name="csrf" value="\d+\.[A-Za-z0-9_-]+"/);
    const wrong = await postSignIn(harness.app, { code: '1111 2222 3333', consent: 'yes' });
    expect(wrong.text).toContain('Такого кода нет');
    expect([await count('Chat'), await count('Consent'), await count('OAuthToken')]).toEqual(before);
  });

  it('exchanges the one-time code for tokens once, and Alice answers the token holder', async () => {
    const code = await signIn();
    await exchange(
      { grant_type: 'authorization_code', code, redirect_uri: REDIRECT },
      { auth: basic(OAUTH_CLIENT.id, 'wrong-secret-0000000') },
    ).expect(401);
    const tokens = await exchangeCode(code).expect(200);
    expect(tokens.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: expect.any(Number),
      refresh_token: expect.any(String),
    });
    expect(tokens.headers['cache-control']).toBe('no-store');
    await expectSignedIn(tokens.body.access_token);

    // Only hashes are stored.
    const stored = await db.sql.query<{ tokenHash: string }>(`SELECT "tokenHash" FROM "OAuthToken"`);
    expect(stored.map((r) => r.tokenHash)).not.toContain(tokens.body.access_token);
  });

  it('revokes every token issued from an authorization code that is used again', async () => {
    const code = await signIn();
    const tokens = await exchangeCode(code).expect(200);
    await expectSignedIn(tokens.body.access_token);
    const replay = await exchangeCode(code).expect(400);
    expect(replay.body.error).toBe('invalid_grant');
    // Whoever replayed it may hold the tokens: the access and the refresh token stop working.
    await expectRefused(tokens.body.access_token);
    expect((await refresh(tokens.body.refresh_token).expect(400)).body.error).toBe('invalid_grant');
  });

  it('rotates refresh tokens, and a reused one revokes its whole chain', async () => {
    const first = await exchangeCode(await signIn()).expect(200);
    const second = await refresh(first.body.refresh_token).expect(200);
    expect(second.body.access_token).not.toBe(first.body.access_token);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    await expectSignedIn(second.body.access_token);
    const third = await refresh(second.body.refresh_token).expect(200);

    // The first refresh token again: someone kept a copy. Everything descending from that sign-in goes.
    expect((await refresh(first.body.refresh_token).expect(400)).body.error).toBe('invalid_grant');
    await expectRefused(third.body.access_token);
    await expectRefused(second.body.access_token);
    await refresh(third.body.refresh_token).expect(400);
    // Other sign-ins are not touched.
    const other = await exchangeCode(await signIn()).expect(200);
    await expectSignedIn(other.body.access_token);
  });

  it('refuses unknown grants and clients; 401s name the Basic scheme', async () => {
    const tokens = await exchangeCode(await signIn()).expect(200);
    expect((await exchange({ grant_type: 'password' }).expect(400)).body.error).toBe('unsupported_grant_type');
    // Credentials in the form body work as well as Basic; a malformed Basic header is just wrong.
    await request(harness.app)
      .post('/oauth/token')
      .type('form')
      .send({
        grant_type: 'refresh_token',
        refresh_token: tokens.body.refresh_token,
        client_id: OAUTH_CLIENT.id,
        client_secret: OAUTH_CLIENT.secret,
      })
      .expect(200);
    const malformed = await exchange({ grant_type: 'refresh_token', refresh_token: 'x' }, { auth: 'Basic %%%' }).expect(
      401,
    );
    expect(malformed.headers['www-authenticate']).toBe('Basic realm="dnevnik"');
    expect(malformed.body.error).toBe('invalid_client');
    const noAuth = await request(harness.app)
      .post('/oauth/token')
      .type('form')
      .send({ grant_type: 'refresh_token', refresh_token: 'x' })
      .expect(401);
    expect(noAuth.headers['www-authenticate']).toBe('Basic realm="dnevnik"');
  });

  it('binds the code to the redirect_uri it was sent to: the exchange must repeat it exactly', async () => {
    expect((await exchange({ grant_type: 'authorization_code', code: await signIn() }).expect(400)).body.error).toBe(
      'invalid_grant',
    );
    await exchangeCode(await signIn(), { redirect_uri: `${REDIRECT}/` }).expect(400);
    await exchangeCode(await signIn(), { redirect_uri: `${REDIRECT}?next=1` }).expect(400);
    await exchangeCode(await signIn()).expect(200);
  });

  describe('PKCE (S256)', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const challenge = createHash('sha256').update(verifier).digest('base64url');

    it('requires the verifier of the challenge the code was issued for', async () => {
      const withPkce = { code_challenge: challenge, code_challenge_method: 'S256' };
      const page = await openSignInPage(harness.app, withPkce);
      expect(page.page.text).toContain(`value="${challenge}"`);
      expect((await exchangeCode(await signIn(harness, withPkce)).expect(400)).body.error).toBe('invalid_grant');
      await exchangeCode(await signIn(harness, withPkce), { code_verifier: `${verifier.slice(0, -1)}A` }).expect(400);
      // The right hash but not a verifier RFC 7636 allows (too short).
      const short = 'abc';
      await exchangeCode(
        await signIn(harness, {
          code_challenge: createHash('sha256').update(short).digest('base64url'),
          code_challenge_method: 'S256',
        }),
        { code_verifier: short },
      ).expect(400);
      const tokens = await exchangeCode(await signIn(harness, withPkce), { code_verifier: verifier }).expect(200);
      await expectSignedIn(tokens.body.access_token);
    });

    it('refuses "plain" (also by default) and a malformed challenge, back to the client with the state', async () => {
      const refused: Record<string, string>[] = [
        { code_challenge: verifier, code_challenge_method: 'plain' },
        { code_challenge: verifier },
        { code_challenge: 'short', code_challenge_method: 'S256' },
      ];
      for (const query of refused) {
        const res = await request(harness.app).get('/oauth/authorize').query(authorizationQuery(query)).expect(302);
        const location = new URL(res.headers.location);
        expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
        expect(location.searchParams.get('error')).toBe('invalid_request');
        expect(location.searchParams.get('state')).toBe('xyz-state');
        expect(location.searchParams.get('code')).toBeNull();
      }
    });

    it('needs no verifier without a challenge, and refuses one sent anyway (a downgrade)', async () => {
      await exchangeCode(await signIn()).expect(200);
      await exchangeCode(await signIn(), { code_verifier: verifier }).expect(400);
    });
  });

  describe('the sign-in form against cross-site requests', () => {
    it('refuses a form posted from another site with 403 and a page that says so', async () => {
      const before = [await count('Chat'), await count('OAuthToken')];
      const { cookie, csrf } = await openSignInPage(harness.app);
      const code = await harness.issueCode(studentId);
      const post = (origin?: string) => {
        const req = request(harness.app).post('/oauth/authorize').set('cookie', cookie).type('form');
        return (origin === undefined ? req : req.set('origin', origin)).send({
          ...authorizationQuery(),
          csrf,
          code,
          consent: 'yes',
        });
      };
      for (const origin of [
        'https://evil.example',
        'null',
        `${OAUTH_PUBLIC_URL}.evil.example`,
        'http://dnevnik.test',
      ]) {
        const res = await post(origin).expect(403);
        expect(res.text).toContain('другого сайта');
        expect(res.headers.location).toBeUndefined();
      }
      expect([await count('Chat'), await count('OAuthToken')]).toEqual(before);
      // A browser that sends no Origin is let through on the CSRF token alone.
      await post().expect(302);
    });

    it('sets an HttpOnly, SameSite cookie and refuses a form without the token bound to it', async () => {
      const { setCookie, cookie, csrf } = await openSignInPage(harness.app);
      expect(setCookie.join(';')).toMatch(/HttpOnly/);
      expect(setCookie.join(';')).toMatch(/SameSite=Lax/);
      expect(setCookie.join(';')).toMatch(/Secure/);
      const other = await openSignInPage(harness.app);
      const before = await count('OAuthToken');
      const post = (headers: Record<string, string>, token?: string) =>
        request(harness.app)
          .post('/oauth/authorize')
          .set({ origin: OAUTH_PUBLIC_URL, ...headers })
          .type('form')
          .send({
            ...authorizationQuery(),
            ...(token === undefined ? {} : { csrf: token }),
            code: '1111 2222 3333',
            consent: 'yes',
          });
      for (const res of [
        await post({ cookie }),
        await post({}, csrf),
        await post({ cookie }, other.csrf),
        await post({ cookie }, `${csrf}x`),
        await post({ cookie }, `0.${csrf.split('.')[1]}`),
      ]) {
        expect(res.status).toBe(403);
        expect(res.text).toContain('открыта слишком долго');
      }
      expect(await count('OAuthToken')).toBe(before);
    });

    it('refuses a form left open longer than an hour', async () => {
      let clock = DEMO_NOW;
      const timed = aliceApp(db, { oauth: true, oauthNow: () => clock });
      const { cookie, csrf } = await openSignInPage(timed.app);
      clock = new Date(DEMO_NOW.getTime() + HOUR + 60_000);
      const res = await request(timed.app)
        .post('/oauth/authorize')
        .set({ cookie, origin: OAUTH_PUBLIC_URL })
        .type('form')
        .send({ ...authorizationQuery(), csrf, code: await timed.issueCode(studentId), consent: 'yes' });
      expect(res.status).toBe(403);
    });
  });

  it('gives access tokens a day; Yandex refreshes them and the person stays signed in', async () => {
    let clock = DEMO_NOW;
    const timed = aliceApp(db, { oauth: true, oauthNow: () => clock });
    const tokens = await exchangeCode(await signIn(timed), {}, timed).expect(200);
    expect(tokens.body.expires_in).toBeLessThanOrEqual(24 * 3600);
    await expectSignedIn(tokens.body.access_token, timed);

    clock = new Date(DEMO_NOW.getTime() + 25 * HOUR);
    await expectRefused(tokens.body.access_token, timed);
    const renewed = await refresh(tokens.body.refresh_token, timed).expect(200);
    await expectSignedIn(renewed.body.access_token, timed);

    // The old refresh token once more: the chain is revoked, the renewed access token too.
    expect((await refresh(tokens.body.refresh_token, timed).expect(400)).body.error).toBe('invalid_grant');
    await expectRefused(renewed.body.access_token, timed);
    await refresh(renewed.body.refresh_token, timed).expect(400);
  });

  it('"забудь меня" from a linked account deletes its tokens; the old token then asks to sign in again', async () => {
    const tokens = await exchangeCode(await signIn()).expect(200);
    const withToken = (command: string) => askAlice(tokens.body.access_token, { command, userId: 'yandex-user-2' });
    const tokensBefore = await count('OAuthToken');
    const forgot = await withToken('забудь меня');
    expect(forgot.text).toMatch(/удалены/);
    // The spent sign-in code, the access and the refresh token.
    expect(await count('OAuthToken')).toBe(tokensBefore - 3);
    const after = await withToken('оценки сегодня');
    expect(after.directives).toEqual({ start_account_linking: {} });
  });
});
