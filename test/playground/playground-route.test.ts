import request from 'supertest';
import { createDemoDatabase } from '../helpers/demo-database';
import { playgroundApp } from '../helpers/playground-app';
import type { TestDatabase } from '../helpers/test-database';

describe('playground HTTP API', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDemoDatabase();
  });
  afterAll(() => db?.destroy());

  it('serves one self-contained page at /', async () => {
    const res = await request(playgroundApp(db)).get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<script>');
    // Nothing fetched from elsewhere: the icon, too, is inside the page.
    expect(res.text).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)|https?:\/\/(?!localhost)/);
    for (const quick of ['Оценки сегодня', 'Что задали на завтра', 'Расписание', 'Баланс'])
      expect(res.text).toContain(quick);
  });

  it('has its icon inside the page and answers /favicon.ico without a 404, with DEMO on or off', async () => {
    const page = (await request(playgroundApp(db)).get('/').expect(200)).text;
    const icon = /<link rel="icon" type="image\/svg\+xml" href="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)">/.exec(
      page,
    );
    expect(Buffer.from(icon![1], 'base64').toString()).toMatch(/^<svg [^>]*viewBox="0 0 32 32">.*<\/svg>$/);
    for (const enabled of [true, false]) {
      const res = await request(playgroundApp(db, enabled)).get('/favicon.ico').expect(204);
      expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
      expect(res.text).toBe('');
    }
  });

  it('lists the demo people with roles and display names', async () => {
    const res = await request(playgroundApp(db)).get('/playground/people').expect(200);
    const roles = new Set(res.body.people.map((p: { role: string }) => p.role));
    expect(roles).toEqual(new Set(['guardian', 'student', 'teacher']));
    expect(res.body.people[0]).toMatchObject({
      id: 'demo-guardian-1',
      role: 'guardian',
      displayName: expect.stringContaining('('),
    });
  });

  it('answers as the chosen person with every rendering', async () => {
    const res = await request(playgroundApp(db))
      .post('/playground/ask')
      .send({ personId: 'demo-guardian-1', text: 'расписание' })
      .expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        text: expect.stringContaining('Расписание'),
        speech: expect.any(String),
        tts: expect.any(String),
        ssml: expect.stringMatching(/^<speak>.*<\/speak>$/),
      }),
    );
  });

  it('answers bad input with 400 JSON and an unknown person with 404 JSON', async () => {
    const app = playgroundApp(db);
    await request(app).post('/playground/ask').set('content-type', 'application/json').send('{not json').expect(400);
    const missing = await request(app).post('/playground/ask').send({ text: 'оценки' }).expect(400);
    expect(missing.body.error).toMatch(/personId/);
    await request(app).post('/playground/ask').send({ personId: 'demo-guardian-1', text: 42 }).expect(400);
    const unknown = await request(app)
      .post('/playground/ask')
      .send({ personId: 'someone-real', text: 'оценки' })
      .expect(404);
    expect(unknown.body.error).toMatch(/no demo person/);
  });

  it('is a short status page without the API when DEMO is off', async () => {
    const app = playgroundApp(db, false);
    const res = await request(app).get('/').expect(200);
    expect(res.text).toContain('DEMO');
    await request(app).post('/playground/ask').send({ personId: 'demo-guardian-1', text: 'оценки' }).expect(404);
  });
});
