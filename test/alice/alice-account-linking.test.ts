import request from 'supertest';
import { aliceApp, aliceRequest, OAUTH_CLIENT } from '../helpers/alice-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// Alice account linking end to end: the sign-in page (school code + consent), the redirect back
// to Yandex with a one-time code, the token exchange, and Alice requests carrying the token.

const REDIRECT = OAUTH_CLIENT.redirectUris[0];
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('Alice account linking (OAuth authorization code)', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof aliceApp>;
  let studentId: string;
  let firstName: string;

  const count = async (table: string) => Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`))[0].n);
  const authorizeForm = (fields: Record<string, string>) =>
    request(harness.app)
      .post('/oauth/authorize')
      .type('form')
      .send({ response_type: 'code', client_id: OAUTH_CLIENT.id, redirect_uri: REDIRECT, state: 'xyz-state', ...fields });

  /** Signs in with a fresh school code and consent; returns the one-time code Yandex receives. */
  const signIn = async () => {
    const code = await harness.issueCode(studentId);
    const res = await authorizeForm({ code, consent: 'yes' }).expect(302);
    const location = new URL(res.headers.location);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('xyz-state');
    return location.searchParams.get('code')!;
  };
  const exchange = (fields: Record<string, string>, auth = basic(OAUTH_CLIENT.id, OAUTH_CLIENT.secret)) =>
    request(harness.app).post('/oauth/token').set('authorization', auth).type('form').send(fields);

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
      .query({ response_type: 'code', client_id: OAUTH_CLIENT.id, redirect_uri: REDIRECT, state: '<script>' })
      .expect(200);
    expect(page.text).toContain('Согласие на обработку персональных данных');
    expect(page.text).toContain('name="code"');
    expect(page.text).toContain('value="&lt;script&gt;"');
    expect(page.text).not.toContain('<script>');
    expect(page.headers['x-frame-options']).toBe('DENY');

    const english = await request(harness.app).get('/oauth/authorize').set('accept-language', 'en-US').query({ response_type: 'code', client_id: OAUTH_CLIENT.id, redirect_uri: REDIRECT }).expect(200);
    expect(english.text).toContain('Consent to the processing of personal data');

    // An unknown client or a foreign redirect URI gets an error page, never a redirect.
    await request(harness.app).get('/oauth/authorize').query({ response_type: 'code', client_id: 'other', redirect_uri: REDIRECT }).expect(400);
    const foreign = await authorizeForm({ redirect_uri: 'https://evil.example/cb', code: await harness.issueCode(studentId), consent: 'yes' }).expect(400);
    expect(foreign.headers.location).toBeUndefined();
  });

  it('stores nothing without consent or with a wrong code, and says why', async () => {
    const before = [await count('Chat'), await count('Consent'), await count('OAuthToken')];
    const noConsent = await authorizeForm({ code: await harness.issueCode(studentId) }).expect(200);
    expect(noConsent.text).toContain('отметьте согласие');
    const wrong = await authorizeForm({ code: '1111 2222 3333', consent: 'yes' }).expect(200);
    expect(wrong.text).toContain('Такого кода нет');
    expect([await count('Chat'), await count('Consent'), await count('OAuthToken')]).toEqual(before);
  });

  it('exchanges the one-time code for tokens once, and Alice answers the token holder', async () => {
    const code = await signIn();
    await exchange({ grant_type: 'authorization_code', code }, basic(OAUTH_CLIENT.id, 'wrong-secret-0000000')).expect(401);
    const tokens = await exchange({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }).expect(200);
    expect(tokens.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: expect.any(Number), refresh_token: expect.any(String) });
    expect(tokens.headers['cache-control']).toBe('no-store');
    const replay = await exchange({ grant_type: 'authorization_code', code }).expect(400);
    expect(replay.body.error).toBe('invalid_grant');

    const asked = aliceRequest({ userId: 'yandex-user-1', command: 'что задали на завтра', accountLinking: true });
    (asked.session as { user: Record<string, unknown> }).user.access_token = tokens.body.access_token;
    const answered = await request(harness.app).post('/webhooks/alice').send(asked).expect(200);
    expect(answered.body.response.text).toContain(firstName.slice(0, 3));
    expect(answered.body.response.directives).toBeUndefined();

    // Only hashes are stored.
    const stored = await db.sql.query<{ tokenHash: string }>(`SELECT "tokenHash" FROM "OAuthToken"`);
    expect(stored.map((r) => r.tokenHash)).not.toContain(tokens.body.access_token);
  });

  it('rotates refresh tokens and refuses unknown grants and clients', async () => {
    const first = await exchange({ grant_type: 'authorization_code', code: await signIn() }).expect(200);
    const refreshed = await exchange({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token }).expect(200);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    await exchange({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token }).expect(400);
    expect((await exchange({ grant_type: 'password' }).expect(400)).body.error).toBe('unsupported_grant_type');
    // Credentials in the form body work as well as Basic; a malformed Basic header is just wrong.
    await request(harness.app).post('/oauth/token').type('form').send({ grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token, client_id: OAUTH_CLIENT.id, client_secret: OAUTH_CLIENT.secret }).expect(200);
    await exchange({ grant_type: 'refresh_token', refresh_token: 'x' }, 'Basic %%%').expect(401);
  });

  it('"забудь меня" from a linked account deletes its tokens; the old token then asks to sign in again', async () => {
    const tokens = await exchange({ grant_type: 'authorization_code', code: await signIn() }).expect(200);
    const withToken = (command: string) => {
      const body = aliceRequest({ userId: 'yandex-user-2', command, accountLinking: true });
      (body.session as { user: Record<string, unknown> }).user.access_token = tokens.body.access_token;
      return request(harness.app).post('/webhooks/alice').send(body).expect(200);
    };
    const tokensBefore = await count('OAuthToken');
    const forgot = await withToken('забудь меня');
    expect(forgot.body.response.text).toMatch(/удалены/);
    // The spent sign-in code, the access and the refresh token.
    expect(await count('OAuthToken')).toBe(tokensBefore - 3);
    const after = await withToken('оценки сегодня');
    expect(after.body.response.directives).toEqual({ start_account_linking: {} });
  });
});
