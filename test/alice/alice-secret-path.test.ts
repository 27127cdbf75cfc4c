import request from 'supertest';
import { parseConfig } from '../../infra/config';
import { aliceApp, aliceRequest } from '../helpers/alice-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// ALICE_WEBHOOK_PATH_SECRET: Yandex signs nothing and the skill_id is public, so an operator may
// accept Alice only on /webhooks/alice/<secret>, the URL entered in Yandex Dialogs.

const SECRET = 'k3J9-fQ2_xW8pL5vR1tY7zN4';

describe('Alice on a secret path', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDemoDatabase();
  });
  afterAll(() => db?.destroy());

  it('answers only /webhooks/alice/<secret> when the secret is set; the open path and wrong secrets are 404', async () => {
    const { app } = aliceApp(db, { pathSecret: SECRET });
    const ping = aliceRequest({ command: 'ping' });
    const answered = await request(app).post(`/webhooks/alice/${SECRET}`).send(ping).expect(200);
    expect(answered.body.response.text).toBe('pong');
    await request(app).post('/webhooks/alice').send(ping).expect(404);
    await request(app)
      .post(`/webhooks/alice/${SECRET.slice(0, -1)}x`)
      .send(ping)
      .expect(404);
    await request(app).post(`/webhooks/alice/${SECRET}/more`).send(ping).expect(404);
  });

  it('keeps the secret, and guesses at it, out of the metrics', async () => {
    const { app } = aliceApp(db, { pathSecret: SECRET });
    const guess = 'guessed-guessed-guessed-1';
    await request(app)
      .post(`/webhooks/alice/${SECRET}`)
      .send(aliceRequest({ command: 'ping' }))
      .expect(200);
    await request(app)
      .post(`/webhooks/alice/${guess}`)
      .send(aliceRequest({ command: 'ping' }))
      .expect(404);
    const metrics = await request(app).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/alice/);
    expect(metrics.text).not.toContain(SECRET);
    expect(metrics.text).not.toContain(guess);
  });

  it('answers /webhooks/alice as before when no secret is set', async () => {
    const { app } = aliceApp(db);
    await request(app)
      .post('/webhooks/alice')
      .send(aliceRequest({ command: 'ping' }))
      .expect(200);
    await request(app)
      .post(`/webhooks/alice/${SECRET}`)
      .send(aliceRequest({ command: 'ping' }))
      .expect(404);
  });

  it('takes a secret of 24–128 URL-safe characters, never echoing a refused one', () => {
    expect(parseConfig({ ALICE_WEBHOOK_PATH_SECRET: SECRET }).ALICE_WEBHOOK_PATH_SECRET).toBe(SECRET);
    expect(parseConfig({ ALICE_WEBHOOK_PATH_SECRET: '' }).ALICE_WEBHOOK_PATH_SECRET).toBeUndefined();
    for (const bad of ['too-short-1234567890', `${SECRET}/x`, `${SECRET}?x`, 'ключ'.repeat(8), 'x'.repeat(129)]) {
      expect(() => parseConfig({ ALICE_WEBHOOK_PATH_SECRET: bad })).toThrow(
        /ALICE_WEBHOOK_PATH_SECRET .*\(got "\*\*\*"\)/,
      );
    }
  });
});
