import { createAnswerService, renderAnswer } from '../../core/answers';
import type { TLang } from '../../core/i18n';
import { roster } from '../../prisma/demo/roster';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createDemoDatabase, DEMO_NOW, DEMO_TZ } from '../helpers/demo-database';
import { callback, callbackData, privateText, type TApiCall } from '../helpers/telegram-harness';
import { telegramOnDatabase } from '../helpers/telegram-runtime';
import type { TestDatabase } from '../helpers/test-database';

// Long dialogues in a chat, as parents type them: each follow-up must answer exactly what the
// whole question it stands for answers, asked on its own. The reference is the same answer
// service asked the whole question, so the test checks what the follow-up changed and kept,
// not a wording.

let db: TestDatabase;
const sokolovs = () => roster().filter((s) => s.familyKey === 'sokolov');

beforeAll(async () => {
  db = await createDemoDatabase();
});
afterAll(() => db?.destroy());

const lastSent = (calls: TApiCall[]) => calls.filter((c) => c.method === 'sendMessage').at(-1)!;

/** A Telegram chat linked (with consent) to every child in `studentIds`, in that order. */
async function linkedChat(chatId: number, studentIds: string[], lang: TLang = 'ru') {
  const tg = telegramOnDatabase(db);
  for (const id of studentIds) {
    await tg.bot.handleUpdate(privateText(chatId, `/start ${await tg.issueCode(id)}`, lang));
    await tg.bot.handleUpdate(callback(chatId, callbackData([lastSent(tg.calls)])[0], lang));
  }
  const chat = await db.prisma.chat.findFirstOrThrow({ where: { channel: 'telegram', externalId: String(chatId) } });
  const readModel = createReadModel(db, DEMO_TZ);
  const answers = createAnswerService({ ...readModel, defaultTimezone: DEMO_TZ });
  const scope = (await readModel.access.viewerScope(chat.personId))!;
  expect(scope.linkedStudents.map((s) => s.id)).toEqual(studentIds);
  return {
    ...tg,
    personId: chat.personId,
    children: scope.linkedStudents.map((s) => s.firstName),
    /** What the bot replied to `text`, with its buttons. */
    async say(text: string) {
      const before = tg.calls.length;
      await tg.bot.handleUpdate(privateText(chatId, text, lang));
      const sent = tg.calls.slice(before).filter((c) => c.method === 'sendMessage');
      expect(sent).toHaveLength(1);
      return { text: String(sent[0].payload.text), buttons: callbackData(sent) };
    },
    async tap(data: string) {
      const before = tg.calls.length;
      await tg.bot.handleUpdate(callback(chatId, data, lang));
      const sent = tg.calls.slice(before).filter((c) => c.method === 'sendMessage');
      return String(sent.at(-1)?.payload.text);
    },
    /** The answer to the whole question, asked with no dialogue before it. */
    async whole(question: string) {
      const asked = await answers.ask(question, { personId: chat.personId, channel: 'telegram' }, DEMO_NOW);
      expect(asked.answer.kind).not.toMatch(/^(unknown|refused)$/);
      return renderAnswer(asked.answer, asked.lang).text;
    },
  };
}

describe('follow-ups in a chat', () => {
  it('a 14-turn Russian dialogue changes only what each follow-up names', async () => {
    const [artyom, darya] = sokolovs();
    expect([artyom.firstName, darya.firstName]).toEqual(['Артём', 'Дарья']);
    const chat = await linkedChat(61000001, [artyom.id, darya.id]);
    const second = chat.children[1];
    const dialogue: [said: string, whole: string][] = [
      ['какие оценки у Даши за неделю?', 'какие оценки у Даши за неделю?'],
      ['а по физике?', 'какие оценки у Даши за неделю по физике?'],
      ['а вчера?', 'какие оценки у Даши вчера по физике?'],
      ['а у Артёма?', 'какие оценки у Артёма вчера по физике?'],
      ['а домашка?', 'домашнее задание у Артёма по физике на вчера'],
      ['а по математике?', 'домашнее задание у Артёма по математике на вчера'],
      ['а на завтра?', 'домашнее задание у Артёма по математике на завтра'],
      ['а у второго?', `домашнее задание у ${second} по математике на завтра`],
      ['а расписание?', `расписание у ${second} по математике на завтра`],
      ['а в пятницу?', `расписание у ${second} по математике в пятницу`],
      ['какие оценки сегодня?', 'какие оценки сегодня?'],
      ['а у Артёма?', 'какие оценки у Артёма сегодня?'],
      ['а у другого?', 'какие оценки у Дарьи сегодня?'],
      ['а за неделю?', 'какие оценки у Дарьи за неделю?'],
    ];
    for (const [said, whole] of dialogue) {
      const reply = await chat.say(said);
      expect({ said, text: reply.text }).toEqual({ said, text: await chat.whole(whole) });
    }
  });

  it('an English dialogue of 11 turns, with a question back when "the other one" cannot be told', async () => {
    const [artyom, darya] = sokolovs();
    const chat = await linkedChat(61000002, [artyom.id, darya.id], 'en');
    const second = chat.children[1] === 'Дарья' ? 'Darya' : 'Artyom';
    const dialogue: [said: string, whole: string][] = [
      ["what are Darya's grades this week?", "what are Darya's grades this week?"],
      ['and in physics?', "what are Darya's grades in physics this week?"],
      ['and yesterday?', "what were Darya's grades in physics yesterday?"],
      ['what about Artyom?', "what were Artyom's grades in physics yesterday?"],
      ['and homework?', "what was Artyom's physics homework for yesterday?"],
      ['and for Friday?', "what is Artyom's physics homework for Friday?"],
      ['what about the second one?', `what is ${second}'s physics homework for Friday?`],
      ['and maths?', `what is ${second}'s maths homework for Friday?`],
      ['and the schedule?', `what is ${second}'s maths schedule on Friday?`],
      ["what's the homework for tomorrow?", "what's the homework for tomorrow?"],
    ];
    for (const [said, whole] of dialogue) {
      const reply = await chat.say(said);
      expect({ said, text: reply.text }).toEqual({ said, text: await chat.whole(whole) });
    }
    // Both children were shown: "the other one" has no "one" to be other than.
    const asked = await chat.say('and for the other one?');
    expect(asked.text).toMatch(/^Which child do you mean: (Artyom|Darya) or (Artyom|Darya)\?$/);
    expect(asked.buttons).toEqual(['a:k:0', 'a:k:1']);
    expect(await chat.tap('a:k:1')).toBe(await chat.whole(`what's ${second}'s homework for tomorrow?`));
  });

  it('a fragment with nothing before it gets a question back with buttons, and the tap answers it', async () => {
    const [artyom, darya] = sokolovs();
    const chat = await linkedChat(61000003, [artyom.id, darya.id]);
    const asked = await chat.say('а по физике?');
    expect(asked.text).toBe('Что показать по физике: оценки или домашнее задание?');
    expect(asked.buttons).toEqual(['a:g', 'a:h']);
    expect(await chat.tap('a:g')).toBe(await chat.whole('оценки по физике'));
    // Typed instead of tapped, the choice completes the fragment the same way.
    await chat.say('а у Артёма?');
    expect((await chat.say('а домашка?')).text).toBe(await chat.whole('домашнее задание по физике у Артёма'));
  });

  it('forgets the question after ten minutes: the fragment is asked back instead of guessed', async () => {
    const [artyom] = sokolovs();
    const chat = await linkedChat(61000004, [artyom.id]);
    await chat.say('какие оценки вчера?');
    expect((await chat.say('а по физике?')).text).toBe(await chat.whole('какие оценки вчера по физике?'));
    await db.sql.query(`UPDATE "ChatSession" SET "updatedAt" = "updatedAt" - interval '11 minutes' WHERE key = $1`, [
      'telegram:61000004:query',
    ]);
    const late = await chat.say('а по математике?');
    expect(late.text).toBe('Что показать по математике: оценки или домашнее задание?');
  });

  it('keeps each chat its own: another family never continues this one, and /forget deletes the question', async () => {
    const [artyom, darya] = sokolovs();
    const orlov = roster().find((s) => s.familyKey === 'orlov')!;
    const ours = await linkedChat(61000005, [artyom.id, darya.id]);
    const theirs = await linkedChat(61000006, [orlov.id]);
    await ours.say('что задали Дарье на завтра?');
    // "а у Дарьи?" in the other family's chat follows nothing of ours: it is a fragment there, and Дарья is not theirs.
    const foreign = await theirs.say('а у Дарьи?');
    expect(foreign.text).toBe('Что показать: оценки или домашнее задание?');
    expect(await theirs.tap('a:h')).toBe(renderAnswer({ kind: 'refused' }, 'ru').text);
    expect(await db.prisma.chatSession.count({ where: { key: 'telegram:61000005:query' } })).toBe(1);
    await ours.say('/forget');
    expect(await db.prisma.chatSession.count({ where: { key: 'telegram:61000005:query' } })).toBe(0);
    expect(await db.prisma.chatSession.count({ where: { key: 'telegram:61000006:query' } })).toBe(1);
  });
});
