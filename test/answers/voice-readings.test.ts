import { renderAnswer, type TAnswer } from '../../core/answers';
import type { TLessonItem } from '../../core/diary';
import { wordsToDigits } from '../helpers/spoken-numbers';
import { lessonList, ttsSections } from '../helpers/voice-reading';

// How voice answers read, by example: a lesson's test is part of the lesson, a cancelled lesson
// is said apart and not counted, homework written in Russian is named (not read) by Alexa, and
// Alice shows digits where she says words. Rendered output in both languages.

const tomorrow = { from: '2026-12-03', to: '2026-12-03', today: '2026-12-02' };
const maria = { id: 's1', firstName: 'Мария', lastName: 'Иванова', className: '5А' };
const BELLS = ['08:30', '09:25', '10:30', '11:30', '12:30', '13:25'];

const lesson = (subject: string, slot: number, extra: Partial<TLessonItem> = {}): TLessonItem => ({
  id: `l${slot}`,
  date: '2026-12-03',
  start: BELLS[slot],
  end: '23:59',
  subject,
  className: '5А',
  teacherName: 'Петрова А. И.',
  room: '204',
  topic: null,
  isTest: false,
  cancelled: false,
  onlineUrl: null,
  ...extra,
});

const schedule = (lessons: TLessonItem[], period = tomorrow): TAnswer => ({
  kind: 'schedule',
  period,
  subject: null,
  sections: [{ student: maria, lessons }],
});

describe('a test is said as part of its lesson', () => {
  const answer = schedule([
    lesson('Литература', 0),
    lesson('Математика', 1),
    lesson('История', 2),
    lesson('Английский язык', 3, { isTest: true }),
    lesson('Физическая культура', 4),
  ]);

  it('in Russian: «английский язык — контрольная», one of five lessons', () => {
    const r = renderAnswer(answer, 'ru');
    expect(r.speech).toBe(
      'У Марии завтра 5 уроков: литература, математика, история, английский язык — контрольная, физическая культура; первый в 8:30.',
    );
    expect(r.tts).toBe(
      'У Марии завтра пять уроков: литература, математика, история, английский язык — контрольная, физическая культура; первый в 8:30.',
    );
    const said = lessonList(ttsSections(r.tts)[0]);
    expect(said?.items).toHaveLength(said!.count);
    expect(said?.items).not.toContain('контрольная');
  });

  it('in English: "English with a test", one of five lessons', () => {
    expect(renderAnswer(answer, 'en').ssml).toBe(
      '<speak>Mariya has five lessons tomorrow: Literature, Maths, History, English with a test, PE; the first one at 8:30.</speak>',
    );
    expect(renderAnswer(answer, 'en').speech).toMatch(/^Mariya has 5 lessons tomorrow: /);
  });
});

describe('a cancelled lesson is not counted, and is said apart', () => {
  const answer = schedule([
    lesson('Литература', 0),
    lesson('Математика', 1, { cancelled: true }),
    lesson('История', 2),
    lesson('Английский язык', 3),
    lesson('Физическая культура', 4),
  ]);

  it('Alexa: four lessons, then "Maths is cancelled"', () => {
    expect(renderAnswer(answer, 'en').ssml).toBe(
      '<speak>Mariya has four lessons tomorrow: Literature, History, English, PE; Maths is cancelled; the first one at 8:30.</speak>',
    );
  });

  it('Alice: «4 урока», then «урок по математике отменён»', () => {
    const r = renderAnswer(answer, 'ru');
    expect(r.speech).toBe(
      'У Марии завтра 4 урока: литература, история, английский язык, физическая культура; урок по математике отменён; первый в 8:30.',
    );
    expect(r.tts).toMatch(/^У Марии завтра четыре урока: /);
  });

  it('the first lesson is the first that takes place, and several cancelled lessons are said together', () => {
    const two = schedule([
      lesson('Литература', 0, { cancelled: true }),
      lesson('Математика', 1),
      lesson('История', 2, { cancelled: true }),
    ]);
    expect(renderAnswer(two, 'ru').speech).toBe(
      'У Марии завтра 1 урок: математика; урок по литературе и урок по истории отменены; первый в 9:25.',
    );
    expect(renderAnswer(two, 'en').ssml).toBe(
      '<speak>Mariya has one lesson tomorrow: Maths; Literature and History are cancelled; the first one at 9:25.</speak>',
    );
  });

  it('a day whose every lesson is cancelled has no count at all', () => {
    const none = schedule([lesson('Физика', 0, { cancelled: true, isTest: true })]);
    expect(renderAnswer(none, 'ru').speech).toBe('У Марии завтра уроков нет: урок по физике отменён.');
    expect(renderAnswer(none, 'en').ssml).toBe('<speak>Mariya has no lessons tomorrow: Physics is cancelled.</speak>');
  });

  it('over several days, a cancelled lesson is said with its date', () => {
    const week = schedule([lesson('Математика', 0), lesson('История', 1, { date: '2026-12-04', cancelled: true })], {
      from: '2026-12-03',
      to: '2026-12-04',
      today: '2026-12-02',
    });
    expect(renderAnswer(week, 'ru').speech).toBe(
      'У Марии с 3 декабря по 4 декабря 1 урок: математика; урок по истории 4 декабря отменён.',
    );
    expect(renderAnswer(week, 'en').ssml).toBe(
      '<speak>Mariya has one lesson from December 3 to December 4: Maths; History on December 4 is cancelled.</speak>',
    );
  });

  it("in a teacher's own timetable too", () => {
    const answer: TAnswer = {
      kind: 'teacher-schedule',
      period: tomorrow,
      lessons: [lesson('Математика', 0), lesson('Физика', 2, { className: '7Б', cancelled: true })],
    };
    expect(renderAnswer(answer, 'ru').speech).toBe(
      'Завтра у вас 1 урок: в 8:30 математика в 5А; урок по физике в 7Б в 10:30 отменён.',
    );
    expect(renderAnswer(answer, 'en').ssml).toBe(
      '<speak>Tomorrow you have one lesson: Maths with 5A at 8:30; Physics with 7B at 10:30 is cancelled.</speak>',
    );
  });
});

describe('homework written in Russian, for Alexa', () => {
  const task = 'Прочитать с. 106–114, ответить на вопросы 1–5';
  const homework = (period: typeof tomorrow): TAnswer => ({
    kind: 'homework',
    period,
    subject: null,
    sections: [
      {
        student: maria,
        homework: [
          { id: 'h1', dueDate: '2026-12-04', subject: 'Литература', text: task },
          { id: 'h2', dueDate: '2026-12-05', subject: 'Английский язык', text: 'Workbook p. 12, ex. 3' },
        ],
      },
    ],
  });

  it('says the subject, the day it is due and that the task is in Russian; a task in English is read', () => {
    const { ssml } = renderAnswer(homework({ ...tomorrow, to: '2026-12-05' }), 'en');
    expect(ssml).toBe(
      '<speak>Mariya&apos;s homework from December 3 to December 5: Literature, due December 4: the task is written in Russian; ' +
        'English, due December 5: Workbook p. 12, ex. 3. ' +
        'You can read the Russian text on the card in the Alexa app, or in the Diary chat.</speak>',
    );
    expect(ssml).not.toMatch(/[\u0400-\u04FF]|Prochitat/);
  });

  it('on a single day the day is said once, before the list', () => {
    const { ssml } = renderAnswer(homework({ from: '2026-12-04', to: '2026-12-04', today: '2026-12-02' }), 'en');
    expect(ssml).toMatch(
      /^<speak>Mariya&apos;s homework on Friday, December 4: Literature: the task is written in Russian; /,
    );
  });

  it('the card (what is shown) and Russian speech keep the task as written', () => {
    expect(renderAnswer(homework(tomorrow), 'en').speech).toContain(`Literature: ${task}`);
    expect(renderAnswer(homework(tomorrow), 'ru').speech).toContain(`по литературе — ${task}`);
  });
});

describe("Alice's text shows digits, her tts says words", () => {
  it('for the canteen balance', () => {
    const balance = (kopecks: number): TAnswer => ({
      kind: 'balance',
      sections: [{ student: maria, canteen: { balanceKopecks: kopecks, recent: [] } }],
    });
    const ru = renderAnswer(balance(135150), 'ru');
    expect(ru.speech).toBe('У Марии на карте 1\u00a0351,50 ₽.');
    expect(ru.tts).toBe('У Марии на карте одна тысяча триста пятьдесят один рубль пятьдесят копеек.');
    expect(renderAnswer(balance(-12000), 'ru').speech).toBe('У Марии на карте −120 ₽.');
    expect(renderAnswer(balance(-12000), 'ru').tts).toBe('У Марии на карте минус сто двадцать рублей.');
    const en = renderAnswer(balance(135150), 'en');
    expect(en.speech).toBe("Mariya's canteen balance is 1,351.50 RUB.");
    expect(en.ssml).toBe('<speak>Mariya&apos;s canteen balance is 1351 roubles 50 kopecks.</speak>');
  });

  it("for a teacher's journal gaps", () => {
    const gap = (lessonId: string, subject: string, missing: ('topic' | 'attendance' | 'grades')[]) => ({
      lessonId,
      date: '2026-12-01',
      start: '08:30',
      className: '5А',
      subject,
      missing,
    });
    const answer: TAnswer = {
      kind: 'journal',
      from: '2026-11-19',
      days: 14,
      lessons: [gap('a', 'Математика', ['topic', 'grades']), gap('b', 'Физика', ['topic'])],
    };
    const r = renderAnswer(answer, 'ru');
    expect(r.speech).toBe(
      'Не заполнено: 2 урока. 2 урока без темы: 5А математика 1 декабря, 5А физика 1 декабря; ' +
        '1 контрольная без оценок у присутствовавших: 5А математика 1 декабря.',
    );
    expect(r.tts).toBe(
      'Не заполнено: два урока. два урока без темы: 5А математика 1 декабря, 5А физика 1 декабря; ' +
        'одна контрольная без оценок у присутствовавших: 5А математика 1 декабря.',
    );
    // Alexa says the class in Latin letters.
    expect(renderAnswer(answer, 'en').ssml).toBe(
      '<speak>Not filled in: 2 lessons. 2 lessons without a topic: 5A Maths 1 December, 5A Physics 1 December; ' +
        '1 test without grades for pupils who were present: 5A Maths 1 December.</speak>',
    );
  });

  it('a long answer for two children keeps a part of each, each saying how many of its own are left out', () => {
    const week = { from: '2026-11-30', to: '2026-12-13', today: '2026-12-02' };
    const many = (n: number) =>
      [...Array(n)].map((_, i) => lesson('Основы религиозных культур и светской этики', i % 6));
    const artem = { ...maria, id: 's2', firstName: 'Артём' };
    const answer: TAnswer = {
      kind: 'schedule',
      period: week,
      subject: null,
      sections: [
        { student: maria, lessons: many(40) },
        { student: artem, lessons: many(30) },
      ],
    };
    for (const lang of ['ru', 'en'] as const) {
      const sections = ttsSections(renderAnswer(answer, lang).tts);
      expect(sections).toHaveLength(2);
      const [first, second] = sections.map((said) => lessonList(said)!);
      expect(first.count).toBe(40);
      expect(second.count).toBe(30);
      for (const said of [first, second]) {
        expect(said.more).toBeGreaterThan(0);
        expect(said.items.length + said.more).toBe(said.count);
      }
    }
  });

  it('and both name the same items when a long answer is cut: the longer tts decides', () => {
    // "оценки" takes a stress mark in the tts, so every item is a character longer there.
    const answer: TAnswer = {
      kind: 'homework',
      period: tomorrow,
      subject: null,
      sections: [
        {
          student: maria,
          homework: [...Array(40)].map((_, i) => ({
            id: `h${i}`,
            dueDate: '2026-12-03',
            subject: 'Математика',
            text: `Исправить оценки в тетради, задача номер ${i + 1}`,
          })),
        },
      ],
    };
    const { speech, tts } = renderAnswer(answer, 'ru');
    const items = (text: string) => text.match(/по математике/g)?.length;
    expect(items(speech)).toBe(items(tts));
    const left = /и ещё (\d+)\.$/.exec(speech)?.[1];
    expect(Number(left)).toBe(40 - items(speech)!);
    expect(wordsToDigits(tts).endsWith(`и ещё ${left}.`)).toBe(true);
    expect(tts).not.toMatch(/ещё \d/);
  });
});
