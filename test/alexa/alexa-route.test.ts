import { execFileSync } from 'node:child_process';
import { createSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import request from 'supertest';
import { alexaEnvelope, alexaHarness } from '../helpers/alexa-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// POST /webhooks/alexa through ask-sdk-express-adapter. With verification on, requests that are
// unsigned, signed by a certificate that does not chain to a public root, tampered with or too
// old are refused with 400 before the skill sees them. A correctly signed request cannot be
// produced offline: the adapter trusts only Node's bundled root CAs (tls.rootCertificates), so
// acceptance is shown with verification off, through the same route.

const CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem';

describe('POST /webhooks/alexa', () => {
  let db: TestDatabase;
  let open: ReturnType<typeof alexaHarness>;
  let verified: ReturnType<typeof alexaHarness>;
  let dir: string;
  let key: string;
  let cert: string;

  /** Signs the body as Amazon does (RSA-SHA256, base64), with our self-made certificate. */
  const sign = (body: string) => createSign('RSA-SHA256').update(body, 'utf8').sign(key, 'base64');
  const post = (app: typeof open.app, body: string, headers: Record<string, string> = {}) =>
    request(app)
      .post('/webhooks/alexa')
      .set({ 'content-type': 'application/json', ...headers })
      .send(body);

  beforeAll(async () => {
    db = await createDemoDatabase();
    open = alexaHarness(db, { verify: false });
    verified = alexaHarness(db, { verify: true });
    // A certificate shaped like Amazon's (SAN echo-api.amazon.com) but self-signed.
    dir = mkdtempSync(path.join(tmpdir(), 'alexa-cert-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=echo-api.amazon.com',
        '-addext',
        'subjectAltName=DNS:echo-api.amazon.com',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    key = readFileSync(path.join(dir, 'key.pem'), 'utf8');
    cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    // Unpatch http(s): jest shares core modules between the files a worker runs, and a second nock
    // layered on a leftover one answers each request twice (the VK suites saw doubled bodies).
    nock.restore();
    rmSync(dir, { recursive: true, force: true });
    await db?.destroy();
  });

  describe('with verification off (ALEXA_VERIFY_SIGNATURE=false)', () => {
    it('answers the documented intent request with SSML', async () => {
      const res = await post(
        open.app,
        JSON.stringify(alexaEnvelope({ intent: 'HomeworkIntent', slots: { subject: 'math', date: '2026-12-03' } })),
      ).expect(200);
      expect(res.body.version).toBe('1.0');
      expect(res.body.response.outputSpeech.ssml).toMatch(/^<speak>.*code.*<\/speak>$/);
    });

    it('refuses non-JSON, non-envelopes and other skills with 400, never 5xx', async () => {
      expect((await post(open.app, '{nope').expect(400)).text).toMatch(/not valid JSON/);
      expect((await post(open.app, JSON.stringify({ hello: 'world' })).expect(400)).text).toMatch(
        /not an Alexa request envelope/,
      );
      expect(
        (await post(open.app, JSON.stringify(alexaEnvelope({ skillId: 'amzn1.ask.skill.other' }))).expect(400)).text,
      ).toMatch(/another skill/);
      await post(open.app, JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) })).expect(413);
    });
  });

  describe('with verification on', () => {
    const body = () => JSON.stringify(alexaEnvelope({ type: 'LaunchRequest' }));

    it('refuses an unsigned request', async () => {
      const res = await post(verified.app, body()).expect(400);
      expect(res.text).toMatch(/verification failed.*Missing Certificate/i);
    });

    it('refuses a certificate URL outside Amazon’s bucket', async () => {
      const b = body();
      const res = await post(verified.app, b, {
        SignatureCertChainUrl: 'https://evil.example/echo.api/cert.pem',
        'Signature-256': sign(b),
      }).expect(400);
      expect(res.text).toMatch(/invalid host name/);
    });

    it('refuses a signature by a certificate that does not chain to a trusted root', async () => {
      nock('https://s3.amazonaws.com').get('/echo.api/echo-api-cert-test.pem').reply(200, cert);
      const b = body();
      const res = await post(verified.app, b, { SignatureCertChainUrl: CERT_URL, 'Signature-256': sign(b) }).expect(
        400,
      );
      expect(res.text).toMatch(/verification failed/i);
      expect(res.text).toMatch(/certificate|chain|issuer/i);
    });

    it('refuses a tampered body and an old timestamp', async () => {
      nock('https://s3.amazonaws.com').get('/echo.api/echo-api-cert-test.pem').reply(200, cert).persist();
      const b = body();
      const tampered = b.replace('LaunchRequest', 'IntentRequest');
      await post(verified.app, tampered, { SignatureCertChainUrl: CERT_URL, 'Signature-256': sign(b) }).expect(400);
      const old = JSON.stringify(
        alexaEnvelope({ type: 'LaunchRequest', timestamp: new Date(Date.now() - 10 * 60_000).toISOString() }),
      );
      await post(verified.app, old, { SignatureCertChainUrl: CERT_URL, 'Signature-256': sign(old) }).expect(400);
    });
  });
});
