import { renderAnswer, type TAnswer } from '../../core/answers';

// How an answer with nothing to show is worded when the answer knows why: a day the class does
// not study, or a subject the class does not have. Renderers are pure: built answers in, chat
// HTML / Alice text and TTS / Alexa SSML out. Which sections get a reason is tested over a
// database in empty-reasons.test.ts.

const sunday = { from: '2026-12-06', to: '2026-12-06', today: '2026-12-06' };
const saturdayAhead = { from: '2026-12-05', to: '2026-12-05', today: '2026-12-02' };
const tomorrow = { from: '2026-12-03', to: '2026-12-03', today: '2026-12-02' };
const maria = { id: 's1', firstName: 'Мария', lastName: 'Иванова', className: '5А' };
const artem = { id: 's2', firstName: 'Артём', lastName: 'Соколов', className: '7Б' };

describe('a day off', () => {
  const grades: TAnswer = {
    kind: 'grades',
    period: sunday,
    subject: null,
    sections: [{ student: maria, grades: [], average: null, emptyReason: 'day-off' }],
  };

  it('says it is a day off instead of "no grades yet", in chat and voice, in Russian', () => {
    const r = renderAnswer(grades, 'ru');
    expect(r.text).toBe('<b>Оценки сегодня</b>\n\n<b>Мария</b>, 5А\nСегодня выходной — оценок нет.');
    expect(r.speech).toBe('У Марии сегодня выходной — оценок нет.');
    expect(r.tts).toBe('У Марии сегодня выходной — оценок нет.');
  });

  it('says it in English, in chat and in Alexa speech', () => {
    const r = renderAnswer(grades, 'en');
    expect(r.text).toBe("<b>Grades today</b>\n\n<b>Mariya</b>, 5А\nIt's a day off today — no grades.");
    expect(r.speech).toBe("It's a day off for Mariya today — no grades.");
    expect(r.ssml).toBe('<speak>It&apos;s a day off for Mariya today — no grades.</speak>');
  });

  it('words homework and lessons of a named day off, the date set off by commas', () => {
    const homework: TAnswer = {
      kind: 'homework',
      period: saturdayAhead,
      subject: null,
      sections: [{ student: maria, homework: [], emptyReason: 'day-off' }],
    };
    expect(renderAnswer(homework, 'ru').text).toContain('В субботу, 5 декабря, выходной — ничего не задано.');
    expect(renderAnswer(homework, 'ru').speech).toBe('У Марии в субботу, 5 декабря, выходной — ничего не задано.');
    expect(renderAnswer(homework, 'en').text).toContain("It's a day off on Saturday, December 5 — no homework.");
    expect(renderAnswer(homework, 'en').speech).toBe(
      "It's a day off for Mariya on Saturday, December 5 — no homework.",
    );

    const schedule: TAnswer = {
      kind: 'schedule',
      period: sunday,
      subject: null,
      sections: [{ student: maria, lessons: [], emptyReason: 'day-off' }],
    };
    expect(renderAnswer(schedule, 'ru').text).toContain('Сегодня выходной — уроков нет.');
    expect(renderAnswer(schedule, 'ru').speech).toBe('У Марии сегодня выходной — уроков нет.');
    expect(renderAnswer(schedule, 'en').text).toContain("It's a day off today — no lessons.");
    expect(renderAnswer(schedule, 'en').ssml).toBe('<speak>It&apos;s a day off for Mariya today — no lessons.</speak>');
  });

  it("words a teacher's free weekend day the same way", () => {
    const answer: TAnswer = { kind: 'teacher-schedule', period: sunday, lessons: [], dayOff: true };
    expect(renderAnswer(answer, 'ru').text).toBe('Сегодня выходной — уроков нет.');
    expect(renderAnswer(answer, 'ru').speech).toBe('Сегодня выходной — уроков нет.');
    expect(renderAnswer(answer, 'en').text).toBe("It's a day off today — no lessons.");
    expect(renderAnswer(answer, 'en').ssml).toBe('<speak>It&apos;s a day off today — no lessons.</speak>');
  });

  it('words each child on their own: a day off for one, nothing yet for the other', () => {
    const answer: TAnswer = {
      kind: 'grades',
      period: { from: '2026-12-05', to: '2026-12-05', today: '2026-12-05' },
      subject: null,
      sections: [
        { student: maria, grades: [], average: null, emptyReason: 'day-off' },
        { student: artem, grades: [], average: null },
      ],
    };
    const r = renderAnswer(answer, 'ru');
    expect(r.text).toBe(
      '<b>Оценки сегодня</b>\n\n<b>Мария</b>, 5А\nСегодня выходной — оценок нет.\n\n<b>Артём</b>, 7Б\nСегодня оценок пока нет.',
    );
    expect(r.speech).toBe('У Марии сегодня выходной — оценок нет. У Артёма сегодня оценок пока нет.');
  });
});

describe('a subject the class does not have', () => {
  const homework: TAnswer = {
    kind: 'homework',
    period: tomorrow,
    subject: 'Алгебра',
    sections: [
      { student: maria, homework: [], emptyReason: 'subject-not-taught' },
      { student: artem, homework: [] },
    ],
  };

  it('says the timetable has no such lessons, and "nothing set" for a child whose class has them', () => {
    const r = renderAnswer(homework, 'ru');
    expect(r.text).toBe(
      '<b>Задания на завтра</b>\n\n<b>Мария</b>, 5А\nВ расписании класса нет уроков по алгебре.\n\n<b>Артём</b>, 7Б\nЗавтра по алгебре ничего не задано.',
    );
    expect(r.speech).toBe(
      'У Марии в расписании нет уроков по алгебре. У Артёма по алгебре на завтра ничего не задано.',
    );
    expect(r.tts).toContain('У Марии в расписании нет уроков по алгебре.');
  });

  it('says it in English, in chat and in Alexa speech', () => {
    const r = renderAnswer(homework, 'en');
    expect(r.text).toContain('<b>Mariya</b>, 5А\nThere are no Algebra lessons in the class timetable.');
    expect(r.text).toContain('<b>Artyom</b>, 7Б\nNo homework in Algebra tomorrow.');
    expect(r.speech).toBe(
      'Mariya has no Algebra lessons in the timetable. Artyom has no homework in Algebra for tomorrow.',
    );
    expect(r.ssml).toContain('<speak>Mariya has no Algebra lessons in the timetable. <break time="300ms"/> Artyom');
  });

  it('words grades and lessons of such a subject the same way', () => {
    const grades: TAnswer = {
      kind: 'grades',
      period: tomorrow,
      subject: 'Физическая культура',
      sections: [{ student: maria, grades: [], average: null, emptyReason: 'subject-not-taught' }],
    };
    expect(renderAnswer(grades, 'ru').text).toContain('В расписании класса нет уроков по физкультуре.');
    expect(renderAnswer(grades, 'en').speech).toBe('Mariya has no PE lessons in the timetable.');
    const schedule: TAnswer = {
      kind: 'schedule',
      period: tomorrow,
      subject: 'Алгебра',
      sections: [{ student: maria, lessons: [], emptyReason: 'subject-not-taught' }],
    };
    expect(renderAnswer(schedule, 'ru').speech).toBe('У Марии в расписании нет уроков по алгебре.');
    expect(renderAnswer(schedule, 'en').text).toContain('There are no Algebra lessons in the class timetable.');
  });
});

describe('nothing yet, with no reason known', () => {
  it('keeps the plain wording', () => {
    const answer: TAnswer = {
      kind: 'grades',
      period: sunday,
      subject: 'Алгебра',
      sections: [{ student: maria, grades: [], average: null }],
    };
    expect(renderAnswer(answer, 'ru').text).toContain('Сегодня по алгебре оценок пока нет.');
    expect(renderAnswer(answer, 'ru').speech).toBe('У Марии по алгебре сегодня оценок пока нет.');
    expect(renderAnswer(answer, 'en').text).toContain('No grades in Algebra today yet.');
    expect(renderAnswer(answer, 'en').speech).toBe('Mariya has no grades in Algebra today yet.');
  });
});
