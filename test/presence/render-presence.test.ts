import { renderAnswer, type TAnswer } from '../../core/answers';
import { russianGender as nameGender } from '../../core/i18n/ru-gender';

// The presence and attendance answers in every form: chat HTML, what Alice shows (digits) and says
// (words, Russian agreement), and Alexa's English SSML. Russian verbs agree with the child's name;
// a name either a boy or a girl may have is worded without a verb.

const st = (firstName: string) => ({ id: firstName, firstName, lastName: 'Иванов', className: '5А' });
const today = { from: '2026-12-02', to: '2026-12-02', today: '2026-12-02' };
const yesterday = { from: '2026-12-01', to: '2026-12-01', today: '2026-12-02' };
const Q2 = { kind: 'quarter' as const, number: 2, start: '2026-11-05', end: '2026-12-28' };

describe('presence', () => {
  const answer: TAnswer = {
    kind: 'presence',
    period: today,
    sections: [
      { student: st('Маша'), state: { kind: 'in', since: '12:30', arrived: '08:05' } },
      { student: st('Петя'), state: { kind: 'left', left: '14:30', arrived: '08:00' } },
      { student: st('Саша'), state: { kind: 'left', left: '14:30', arrived: null } },
      { student: st('Коля'), state: { kind: 'no-pass' } },
      { student: st('Женя'), state: { kind: 'no-data' } },
    ],
  };

  it('chat, Russian: a line per child, the verb in the name’s gender', () => {
    const text = renderAnswer(answer, 'ru').text;
    expect(text).toContain('<b>Проходы сегодня</b>');
    expect(text).toContain('<b>Маша</b>, 5А\n• в школе с 12:30, пришла в 8:05');
    expect(text).toContain('• ушёл из школы в 14:30, пришёл в 8:00');
    expect(text).toContain('<b>Саша</b>, 5А\n• выход из школы в 14:30');
    expect(text).toContain('• сегодня проходов через турникет нет');
    expect(text).toContain('• школа не передаёт данные о проходах');
  });

  it('speech, Russian: a sentence per child', () => {
    const r = renderAnswer(answer, 'ru');
    expect(r.speech).toBe(
      'Маша в школе с 12:30, пришла в 8:05. Петя ушёл из школы в 14:30, пришёл в 8:00. Саша: выход из школы в 14:30. ' +
        'У Коли сегодня проходов через турникет нет. О проходах Жени школа данных не передаёт.',
    );
    expect(r.tts.split(' sil <[300]> ')).toHaveLength(5);
  });

  it('English: chat and SSML, names in Latin letters', () => {
    const r = renderAnswer(answer, 'en');
    expect(r.text).toContain('<b>School passes today</b>');
    expect(r.text).toContain('<b>Masha</b>, 5А\n• at school since 12:30, arrived at 8:05');
    expect(r.ssml).toBe(
      '<speak>Masha has been at school since 12:30, arrived at 8:05. <break time="300ms"/> Petya left school at 14:30, arrived at 8:00. ' +
        '<break time="300ms"/> Sasha left school at 14:30. <break time="300ms"/> No turnstile passes for Kolya today. ' +
        '<break time="300ms"/> Zhenya&apos;s school does not send turnstile passes.</speak>',
    );
    // Alexa speaks English whatever the chat's language.
    expect(renderAnswer(answer, 'ru').ssml).toBe(r.ssml);
  });

  it('a past day with no way out says so, not that the child is still there', () => {
    const past: TAnswer = {
      kind: 'presence',
      period: yesterday,
      sections: [{ student: st('Маша'), state: { kind: 'came', arrived: '08:05' } }],
    };
    expect(renderAnswer(past, 'ru').speech).toBe('Маша вчера пришла в 8:05, выхода не отмечено.');
    expect(renderAnswer(past, 'en').speech).toBe('Masha arrived at 8:05 yesterday, no way out recorded.');
  });
});

describe('absences', () => {
  const answer: TAnswer = {
    kind: 'absences',
    period: { from: Q2.start, to: '2026-12-02', today: '2026-12-02' },
    term: Q2,
    subject: null,
    sections: [
      {
        student: st('Маша'),
        absent: 21,
        late: 1,
        subjects: [
          { subject: 'Математика', absent: 11, late: 0 },
          { subject: 'Физика', absent: 10, late: 1 },
        ],
        more: 2,
      },
      { student: st('Петя'), absent: 0, late: 0, subjects: [], more: 0 },
    ],
  };

  it('chat: the period, the totals and the subjects most missed first', () => {
    expect(renderAnswer(answer, 'ru').text).toBe(
      '<b>Пропуски за 2-ю четверть</b>\n\n<b>Маша</b>, 5А\n21 пропуск, 1 опоздание\n• Математика: 11 пропусков\n' +
        '• Физика: 10 пропусков, 1 опоздание\n• и ещё 2 предмета\n\n<b>Петя</b>, 5А\nпропусков и опозданий нет',
    );
    expect(renderAnswer(answer, 'en').text).toContain('<b>Absences for the 2nd quarter</b>');
    expect(renderAnswer(answer, 'en').text).toContain('• Physics: 10 lessons missed, 1 late arrival');
  });

  it('speech: digits shown, words said in agreement («одно опоздание»)', () => {
    const r = renderAnswer(answer, 'ru');
    expect(r.speech).toContain('У Маши за 2-ю четверть: 21 пропуск, 1 опоздание; математика — 11 пропусков');
    expect(r.tts).toContain('двадцать один пропуск, одно опоздание; математика — одиннадцать пропусков');
    expect(r.tts).toContain('и ещё два предмета');
    expect(r.ssml).toContain(
      'Masha, for the 2nd quarter: 21 lessons missed, 1 late arrival; Maths — 11 lessons missed',
    );
  });

  it('days said and one subject: the head names both, the counts are the total', () => {
    const week: TAnswer = {
      kind: 'absences',
      period: { from: '2026-11-26', to: '2026-12-02', today: '2026-12-02' },
      term: null,
      subject: 'Физика',
      sections: [
        { student: st('Маша'), absent: 1, late: 1, subjects: [{ subject: 'Физика', absent: 1, late: 1 }], more: 0 },
      ],
    };
    expect(renderAnswer(week, 'ru').text).toBe(
      '<b>Пропуски по физике с 26 ноября по 2 декабря</b>\n\n<b>Маша</b>, 5А\n1 пропуск, 1 опоздание',
    );
    expect(renderAnswer(week, 'ru').tts).toBe(
      'У Маши с 26 ноября по 2 декабря по физике: один пропуск, одно опоздание.',
    );
  });
});

describe('a subject’s lessons of a day', () => {
  const answer: TAnswer = {
    kind: 'attended',
    period: today,
    subject: 'Физика',
    sections: [
      { student: st('Маша'), lessons: [{ start: '09:00', end: '09:45', status: 'present' }] },
      {
        student: st('Петя'),
        lessons: [
          { start: '09:00', end: '09:45', status: 'late' },
          { start: '10:00', end: '10:45', status: null },
        ],
      },
      { student: st('Саша'), lessons: [{ start: '09:00', end: '09:45', status: 'absent' }] },
      { student: st('Коля'), lessons: [] },
    ],
  };

  it('chat: each lesson with its mark, or that there was none', () => {
    const text = renderAnswer(answer, 'ru').text;
    expect(text).toContain('<b>Физика сегодня</b>');
    expect(text).toContain('<b>Маша</b>, 5А\n• 09:00–09:45: <b>была</b>');
    expect(text).toContain('• 09:00–09:45: <b>опоздал</b>\n• 10:00–10:45: <b>отметки ещё нет</b>');
    expect(text).toContain('<b>Саша</b>, 5А\n• 09:00–09:45: <b>отсутствие</b>');
    expect(text).toContain('<b>Коля</b>, 5А\nурока по физике нет');
  });

  it('speech: one lesson needs no time, two say which is which', () => {
    expect(renderAnswer(answer, 'ru').speech).toBe(
      'Маша, физика сегодня: была. Петя, физика сегодня: в 9:00 — опоздал; в 10:00 — отметки ещё нет. ' +
        'Саша, физика сегодня: отсутствие. У Коли сегодня урока по физике нет.',
    );
    expect(renderAnswer(answer, 'en').ssml).toBe(
      '<speak>Masha, Physics today: present. <break time="300ms"/> Petya, Physics today: at 9:00 — late; at 10:00 — not marked yet. ' +
        '<break time="300ms"/> Sasha, Physics today: absent. <break time="300ms"/> Kolya had no lesson in Physics today.</speak>',
    );
  });
});

describe('the gender of a first name', () => {
  it.each([
    ['Маша', 'f'],
    ['Варвара', 'f'],
    ['Любовь', 'f'],
    ['Петя', 'm'],
    ['Никита', 'm'],
    ['Илья', 'm'],
    ['Артём', 'm'],
    ['Саша', null],
    ['Женя', null],
    ['Masha', null],
  ])('%s → %s', (name, gender) => {
    expect(nameGender(name)).toBe(gender);
  });
});
