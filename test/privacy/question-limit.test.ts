import Redis from 'ioredis';
import request from 'supertest';
import { createAnswerService, renderAnswer } from '../../core/answers';
import { createMemoryQuestionLimiter, createRedisQuestionLimiter } from '../../infra/question-limiter';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { aliceApp, aliceRequest } from '../helpers/alice-harness';
import { createDemoDatabase, DEMO_NOW, DEMO_TZ } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// Questions are limited per chat: past the limit the answer is a polite "please wait" and the
// diary is not read; other chats are not affected; the next window starts afresh.

describe('question rate limit', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDemoDatabase();
  });
  afterAll(() => db?.destroy());

  it('answers "please wait" past the limit, per chat, and afresh in the next window', async () => {
    let clock = 0;
    const answers = createAnswerService({
      ...createReadModel(db, DEMO_TZ),
      defaultTimezone: DEMO_TZ,
      limiter: createMemoryQuestionLimiter({ limit: 3, now: () => clock }),
    });
    const ask = (channel: string) => answers.ask('оценки сегодня', { personId: 'demo-guardian-1', channel }, DEMO_NOW);
    for (let i = 0; i < 3; i++) expect((await ask('telegram')).answer.kind).toBe('grades');
    const limited = await ask('telegram');
    expect(limited.answer).toEqual({ kind: 'slow-down' });
    expect(renderAnswer(limited.answer, 'ru').text).toMatch(/Подождите минуту/);
    expect(renderAnswer(limited.answer, 'en').speech).toMatch(/wait a minute/);
    expect((await ask('vk')).answer.kind).toBe('grades');
    clock += 60_000;
    expect((await ask('telegram')).answer.kind).toBe('grades');
  });

  it('is polite in a voice channel too, and counts only questions', async () => {
    const harness = aliceApp(db, { questionsPerMinute: 2 });
    const code = await harness.issueCode((await db.prisma.student.findFirstOrThrow({ orderBy: { id: 'asc' } })).id);
    const say = async (command: string, state: Record<string, unknown> = {}) =>
      (
        await request(harness.app)
          .post('/webhooks/alice')
          .send(aliceRequest({ userId: 'busy-parent', command, state }))
          .expect(200)
      ).body as { response: { text: string }; session_state: Record<string, unknown> };
    const asked = await say(`мой код ${code}`);
    await say('да', asked.session_state);
    expect((await say('что задали на завтра')).response.text).not.toMatch(/Слишком много/);
    expect((await say('какие оценки сегодня')).response.text).not.toMatch(/Слишком много/);
    expect((await say('расписание на завтра')).response.text).toMatch(/Слишком много вопросов подряд/);
  });

  const redisUrl = process.env.REDIS_URL;
  (redisUrl ? it : it.skip)('shares the count between processes through Redis', async () => {
    const a = new Redis(redisUrl!);
    const b = new Redis(redisUrl!);
    const prefix = `test:questions:${Date.now()}:`;
    const now = () => 1_000_000;
    const one = createRedisQuestionLimiter(a, { limit: 2, prefix, now });
    const two = createRedisQuestionLimiter(b, { limit: 2, prefix, now });
    try {
      expect(await one.allow('telegram:p1')).toBe(true);
      expect(await two.allow('telegram:p1')).toBe(true);
      expect(await one.allow('telegram:p1')).toBe(false);
      expect(await two.allow('telegram:p2')).toBe(true);
      expect(await a.pttl(`${prefix}${Math.floor(now() / 60_000)}:telegram:p1`)).toBeGreaterThan(0);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });
});
