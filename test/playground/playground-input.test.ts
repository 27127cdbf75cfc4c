import request from 'supertest';
import { BOT_TEXTS } from '../../core/conversation/locales';
import { createDemoDatabase } from '../helpers/demo-database';
import { playgroundApp } from '../helpers/playground-app';
import type { TestDatabase } from '../helpers/test-database';

// The playground is a chat too: a text over 1,024 characters gets the chats' polite "too long",
// one with NUL or a lone surrogate their "unreadable", in every rendering — not a 400.

describe('playground: texts the chats do not read', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDemoDatabase();
  });
  afterAll(() => db?.destroy());

  it('answers them politely, in the language they are written in', async () => {
    const app = playgroundApp(db);
    const ask = async (text: string) =>
      (await request(app).post('/playground/ask').send({ personId: 'demo-guardian-1', text }).expect(200)).body;
    const long = await ask(`оценки ${'сегодня '.repeat(300)}`);
    expect(long).toMatchObject({
      text: BOT_TEXTS.ru.input.tooLong,
      speech: BOT_TEXTS.ru.input.tooLong,
      ssml: expect.stringMatching(/^<speak>.*<\/speak>$/),
    });
    expect((await ask(`grades ${'today '.repeat(300)}`)).speech).toBe(BOT_TEXTS.en.input.tooLong);
    expect((await ask('оценки\u0000сегодня')).speech).toBe(BOT_TEXTS.ru.input.unreadable);
    expect((await ask('grades \uD800')).speech).toBe(BOT_TEXTS.en.input.unreadable);
    // Up to the limit, a question is answered as ever.
    expect((await ask('расписание')).text).toContain('Расписание');
  });
});
