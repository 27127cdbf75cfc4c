import type { ResponseEnvelope } from 'ask-sdk-model';
import request from 'supertest';
import { consentText, issueCodes } from '../../core/linking';
import type { Runtime } from '../../runtime/runtime';
import { ALEXA_SKILL_ID, alexaEnvelope, alexaHarness, spoken, type TEnvelopeOptions } from '../helpers/alexa-harness';
import { OAUTH_CLIENT as ALICE_CLIENT, aliceRequest, OAUTH_PUBLIC_URL, SKILL_ID } from '../helpers/alice-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import { openFullRuntime } from '../helpers/full-app';
import { openSignInPage, postSignIn } from '../helpers/oauth-sign-in';
import { type PlatformStub, startPlatformStub } from '../helpers/platform-stub';
import type { TestDatabase } from '../helpers/test-database';

// Alexa account linking through the same OAuth server as Alice's, in the whole server as
// `dnevnik serve` builds it from the environment: Amazon's client, its redirect URLs, the sign-in
// page naming Alexa and Amazon, the token exchange, and Alexa requests carrying the access token
// (context.System.user.accessToken) — which answer only for the chat that token was issued for.

const VENDOR_ID = 'M2AAAAAAAAAAAA';
const AMAZON_REDIRECT = `https://pitangui.amazon.com/api/skill/link/${VENDOR_ID}`;
const ALEXA_CLIENT = { id: 'alexa-school-diary', secret: 'alexa-client-secret-0123456789' };

const ENV = {
  PUBLIC_URL: OAUTH_PUBLIC_URL,
  ALICE_SKILL_ID: SKILL_ID,
  ALICE_OAUTH_CLIENT_ID: ALICE_CLIENT.id,
  ALICE_OAUTH_CLIENT_SECRET: ALICE_CLIENT.secret,
  ALEXA_SKILL_ID,
  ALEXA_VERIFY_SIGNATURE: 'false',
  ALEXA_OAUTH_CLIENT_ID: ALEXA_CLIENT.id,
  ALEXA_OAUTH_CLIENT_SECRET: ALEXA_CLIENT.secret,
  ALEXA_OAUTH_VENDOR_ID: VENDOR_ID,
};

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
/** The authorization request Amazon opens the sign-in page with. */
const amazonQuery = (extra: Record<string, string> = {}) => ({
  client_id: ALEXA_CLIENT.id,
  redirect_uri: AMAZON_REDIRECT,
  state: 'amazon-state',
  ...extra,
});

describe('Alexa account linking (OAuth authorization code)', () => {
  let db: TestDatabase;
  let platform: PlatformStub;
  let runtime: Runtime;
  let students: { id: string }[];

  const count = async (table: string) =>
    Number((await db.sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`))[0].n);
  const issueCode = async (studentId: string) => {
    const { pepper } = runtime.linkCodes();
    const [issued] = await issueCodes(runtime.stores.linking, pepper, [
      { role: 'guardian', studentId, teacherId: null },
    ]);
    return issued.code;
  };

  /** Signs in on the page Amazon opens; returns the one-time code Amazon receives. */
  const signIn = async (studentId = students[0].id, query: Record<string, string> = {}) => {
    const res = await postSignIn(runtime.app, { code: await issueCode(studentId), consent: 'yes' }, amazonQuery(query));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.location);
    expect(`${location.origin}${location.pathname}`).toBe(query.redirect_uri ?? AMAZON_REDIRECT);
    expect(location.searchParams.get('state')).toBe('amazon-state');
    return location.searchParams.get('code')!;
  };
  const exchange = (fields: Record<string, string>, client = ALEXA_CLIENT) =>
    request(runtime.app)
      .post('/oauth/token')
      .set('authorization', basic(client.id, client.secret))
      .type('form')
      .send(fields);
  const exchangeCode = (code: string, redirectUri = AMAZON_REDIRECT, client = ALEXA_CLIENT) =>
    exchange({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }, client);
  /** Signs in and exchanges the code as Amazon does; the tokens Amazon keeps. */
  const linkAccount = async (studentId = students[0].id) =>
    (await exchangeCode(await signIn(studentId)).expect(200)).body as { access_token: string; refresh_token: string };

  /** An Alexa request as Amazon sends it once the account is linked: the access token in context.System.user. */
  const askAlexa = async (accessToken: string | undefined, options: TEnvelopeOptions = {}) => {
    const res = await request(runtime.app)
      .post('/webhooks/alexa')
      .set('content-type', 'application/json')
      .send(JSON.stringify(alexaEnvelope({ userId: 'amzn1.ask.account.LINKED', accessToken, ...options })));
    expect(res.status).toBe(200);
    return res.body as ResponseEnvelope;
  };
  const expectLinked = async (accessToken: string) => {
    const launch = await askAlexa(accessToken, { type: 'LaunchRequest' });
    expect(spoken(launch)).toMatch(/^Hi! This is your school diary\. Ask/);
    expect(launch.response.card).toBeUndefined();
  };
  const expectSignInCard = async (accessToken: string | undefined) => {
    const asked = await askAlexa(accessToken, { intent: 'GradesIntent', slots: { date: '2026-12-02' } });
    expect(asked.response.card).toEqual({ type: 'LinkAccount' });
    expect(spoken(asked)).toMatch(/card I(&apos;|')ve sent to the Alexa app/);
    expect(spoken(asked)).not.toMatch(/grade/i);
  };

  beforeAll(async () => {
    db = await createDemoDatabase();
    platform = await startPlatformStub();
    runtime = await openFullRuntime(db, platform, ENV);
    students = await db.prisma.student.findMany({ orderBy: { id: 'asc' }, take: 2, select: { id: true } });
  });
  afterAll(async () => {
    await runtime?.close();
    await platform?.close();
  });

  it('shows Amazon’s client a sign-in page that names Alexa, and a consent that names Amazon', async () => {
    const { page } = await openSignInPage(runtime.app, { ...amazonQuery(), lang: 'en' });
    expect(page.text).toContain('Connect the Diary to Alexa');
    expect(page.text).toMatch(/through Alexa and pass through Amazon(’|&#39;|')s servers outside Russia/);
    expect(page.text).not.toMatch(/Alice|Yandex/);
    const russian = await openSignInPage(runtime.app, amazonQuery());
    expect(russian.page.text).toContain('Подключение Дневника к Alexa');
    expect(russian.page.text).not.toMatch(/Алис|Яндекс/);
    // Alice's client still gets Alice's page.
    expect((await openSignInPage(runtime.app)).page.text).toContain('Подключение Дневника к Алисе');
  });

  it('links on the page, returns to Amazon with a one-time code, and Alexa then answers the token holder', async () => {
    const before = await count('Chat');
    const code = await signIn();
    const tokens = await exchangeCode(code).expect(200);
    expect(tokens.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 24 * 3600,
      refresh_token: expect.any(String),
    });
    await expectLinked(tokens.body.access_token);
    const homework = await askAlexa(tokens.body.access_token, {
      intent: 'HomeworkIntent',
      slots: { date: '2026-12-03' },
    });
    expect(homework.response.card?.type).toBe('Simple');
    expect(spoken(homework)).not.toMatch(/code from the school/);

    // The chat is Alexa's, and the consent recorded is the text the page showed: Amazon's, not Yandex's.
    expect(await count('Chat')).toBe(before + 1);
    const [chat] = await db.sql.query<{ channel: string; externalId: string; textHash: string }>(
      `SELECT c.channel, c."externalId", k."textHash" FROM "Chat" c JOIN "Consent" k ON k."personId" = c."personId"
        ORDER BY c."createdAt" DESC LIMIT 1`,
    );
    expect(chat.channel).toBe('alexa');
    expect(chat.externalId).toMatch(/^oauth:/);
    expect(chat.textHash).toBe(consentText('ru', 'web', 'adult', 'alexa').hash);

    // Amazon renews the access token with the refresh token, and the person stays linked.
    const renewed = await exchange({ grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token }).expect(
      200,
    );
    await expectLinked(renewed.body.access_token);
  });

  it('returns to every Amazon region of the vendor, and to nothing else', async () => {
    for (const host of ['pitangui.amazon.com', 'layla.amazon.com', 'alexa.amazon.co.jp']) {
      const redirect = `https://${host}/api/skill/link/${VENDOR_ID}`;
      await exchangeCode(await signIn(students[0].id, { redirect_uri: redirect }), redirect).expect(200);
    }
    const refused = [
      `https://pitangui.amazon.com/api/skill/link/M9ZZZZZZZZZZZZ`,
      `http://pitangui.amazon.com/api/skill/link/${VENDOR_ID}`,
      `https://pitangui.amazon.com.evil.example/api/skill/link/${VENDOR_ID}`,
      `https://pitangui.amazon.com/api/skill/link/${VENDOR_ID}/x`,
      `https://pitangui.amazon.com/api/skill/link/${VENDOR_ID}?next=https://evil.example`,
      `https://pitangui.amazon.com:8443/api/skill/link/${VENDOR_ID}`,
      'https://evil.example/cb',
      // Yandex's return address is Alice's client's, not Amazon's.
      ALICE_CLIENT.redirectUris[0],
    ];
    const before = [await count('Chat'), await count('OAuthToken')];
    for (const redirect of refused) {
      await request(runtime.app)
        .get('/oauth/authorize')
        .query({ response_type: 'code', ...amazonQuery({ redirect_uri: redirect }) })
        .expect(400);
      // The form of a page opened rightly, posted back with the redirect URI changed.
      const { cookie, csrf } = await openSignInPage(runtime.app, amazonQuery());
      const posted = await request(runtime.app)
        .post('/oauth/authorize')
        .set({ cookie, origin: OAUTH_PUBLIC_URL })
        .type('form')
        .send({
          response_type: 'code',
          ...amazonQuery({ redirect_uri: redirect }),
          csrf,
          code: await issueCode(students[0].id),
          consent: 'yes',
        });
      expect([redirect, posted.status, posted.headers.location]).toEqual([redirect, 400, undefined]);
    }
    // Nor does Alice's client return to Amazon.
    await request(runtime.app)
      .get('/oauth/authorize')
      .query({ response_type: 'code', ...amazonQuery({ client_id: ALICE_CLIENT.id }) })
      .expect(400);
    expect([await count('Chat'), await count('OAuthToken')]).toEqual(before);
  });

  it('refuses the token exchange to a wrong secret, to Yandex’s client, and to another redirect URI', async () => {
    const wrongSecret = await exchangeCode(await signIn(), AMAZON_REDIRECT, {
      id: ALEXA_CLIENT.id,
      secret: 'wrong-secret-0123456789',
    }).expect(401);
    expect(wrongSecret.body.error).toBe('invalid_client');
    expect(wrongSecret.headers['www-authenticate']).toBe('Basic realm="dnevnik"');
    // Alice's secret is not Alexa's.
    await exchangeCode(await signIn(), AMAZON_REDIRECT, { id: ALEXA_CLIENT.id, secret: ALICE_CLIENT.secret }).expect(
      401,
    );
    // A code Amazon received is not Yandex's to spend, with Yandex's own credentials.
    const stolen = await exchangeCode(await signIn(), AMAZON_REDIRECT, ALICE_CLIENT).expect(400);
    expect(stolen.body.error).toBe('invalid_grant');
    // Another region's URL than the one the code was sent to.
    await exchangeCode(await signIn(), `https://layla.amazon.com/api/skill/link/${VENDOR_ID}`).expect(400);
  });

  it('treats a token of another client, or a made-up one, as not linked: the Alexa app gets the sign-in card', async () => {
    await expectSignInCard(undefined);
    await expectSignInCard('made-up-token');
    const launch = await askAlexa('made-up-token', { type: 'LaunchRequest' });
    expect(launch.response.card).toEqual({ type: 'LinkAccount' });
    expect(spoken(launch)).toMatch(/say the code/);

    // A token Yandex holds for an Alice user names an Alice chat: no Alexa user is it.
    const aliceCode = await postSignIn(runtime.app, { code: await issueCode(students[0].id), consent: 'yes' });
    const aliceTokens = await exchangeCode(
      new URL(aliceCode.headers.location).searchParams.get('code')!,
      ALICE_CLIENT.redirectUris[0],
      ALICE_CLIENT,
    ).expect(200);
    await expectSignInCard(aliceTokens.body.access_token);

    // And an Alexa token in an Alice request asks Alice's user to sign in.
    const alexaTokens = await linkAccount();
    const asked = aliceRequest({ command: 'что задали на завтра', accountLinking: true });
    (asked.session as { user: Record<string, unknown> }).user.access_token = alexaTokens.access_token;
    const alice = await request(runtime.app).post('/webhooks/alice').send(asked).expect(200);
    expect(alice.body.response.directives).toEqual({ start_account_linking: {} });
  });

  it('answers each token for the chat it was issued for, and for no other', async () => {
    const first = await linkAccount(students[0].id);
    const second = await linkAccount(students[1].id);
    const chats = await db.sql.query<{ studentId: string }>(
      `SELECT l."studentId" FROM "OAuthToken" t JOIN "Chat" c ON c.id = t."chatId"
         JOIN "StudentLink" l ON l."personId" = c."personId"
        WHERE t.kind = 'access' ORDER BY t."expiresAt" DESC LIMIT 2`,
    );
    expect(chats.map((c) => c.studentId).sort()).toEqual([students[0].id, students[1].id].sort());
    // "forget me" with the first token deletes the first chat only.
    const forgot = await askAlexa(first.access_token, { intent: 'ForgetIntent' });
    expect(spoken(forgot)).toMatch(/deleted/);
    await expectSignInCard(first.access_token);
    await expectLinked(second.access_token);
  });

  it('"forget me" deletes the linked account’s tokens: the old access and refresh tokens are dead', async () => {
    const tokens = await linkAccount();
    const before = await count('OAuthToken');
    const forgot = await askAlexa(tokens.access_token, { intent: 'ForgetIntent' });
    expect(forgot.response.shouldEndSession).toBe(true);
    // The spent sign-in code, the access and the refresh token.
    expect(await count('OAuthToken')).toBe(before - 3);
    await expectSignInCard(tokens.access_token);
    const refreshed = await exchange({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }).expect(400);
    expect(refreshed.body.error).toBe('invalid_grant');
  });

  it('sends no sign-in card where account linking is not set up: the code is the only way', async () => {
    const plain = alexaHarness(db);
    const launch = (await plain.skill.invoke(
      alexaEnvelope({ type: 'LaunchRequest', userId: 'no-card' }),
    )) as ResponseEnvelope;
    expect(launch.response.card).toBeUndefined();
    expect(spoken(launch)).toMatch(/say the code from the school(&apos;|')s letter/);
  });
});
