import request from 'supertest';
import { aliceApp, aliceRequest } from '../helpers/alice-harness';
import { createDemoDatabase } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';
import { aliceFacts, countsWritten, lessonList, ttsSections } from '../helpers/voice-reading';

// Alice shows `text` and speaks `tts` (docs/platforms.md): through the webhook, an answer shows
// its numbers in digits and says them in words, and both name the same facts.

const DIGIT_WORDS = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];

type TBody = { response: { text: string; tts: string }; session_state?: Record<string, unknown> };

describe('Alice: digits shown, words spoken', () => {
  let db: TestDatabase;
  let harness: ReturnType<typeof aliceApp>;

  const post = async (body: unknown): Promise<TBody> =>
    (
      await request(harness.app)
        .post('/webhooks/alice')
        .send(body as object)
        .expect(200)
    ).body as TBody;
  const ask = (command: string) => post(aliceRequest({ userId: 'parent', command }));

  beforeAll(async () => {
    db = await createDemoDatabase();
    harness = aliceApp(db);
    const balance = await db.prisma.canteenBalance.findFirstOrThrow({
      where: { balanceKopecks: { gt: 100_000 } },
      orderBy: { studentId: 'asc' },
    });
    const code = await harness.issueCode(balance.studentId);
    const words = [...code].map((d) => DIGIT_WORDS[Number(d)]).join(' ');
    const asked = await post(aliceRequest({ userId: 'parent', command: `мой код ${words}` }));
    await post(
      aliceRequest({
        userId: 'parent',
        command: 'да',
        intents: { 'YANDEX.CONFIRM': { slots: {} } },
        state: asked.session_state,
      }),
    );
  });
  afterAll(() => db?.destroy());

  it('shows the canteen balance in digits and says it in words', async () => {
    const { text, tts } = (await ask('сколько денег на карте')).response;
    expect(text).toMatch(/на карте −?\d{1,3}(?:\u00a0\d{3})*(?:,\d\d)? ₽\.$/);
    expect(tts).toMatch(
      /на карте (?:минус )?[а-яё ]+ (?:рубль|рубля|рублей)(?: [а-яё ]+ (?:копейка|копейки|копеек))?\.$/,
    );
    expect(tts).not.toMatch(/\d|₽/);
    expect(aliceFacts(tts, 'tts')).toBe(aliceFacts(text, 'text'));
  });

  it('shows the count of lessons in digits and says it in words, the same lessons in both', async () => {
    const { text, tts } = (await ask('расписание на завтра')).response;
    expect(countsWritten(text).words).toEqual([]);
    expect(countsWritten(tts).digits).toEqual([]);
    expect(aliceFacts(tts, 'tts')).toBe(aliceFacts(text, 'text'));
    const said = lessonList(ttsSections(tts)[0]);
    expect(said?.items.length).toBe(said?.count);
  });
});
