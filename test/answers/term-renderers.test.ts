import { renderAnswer, type TAnswer } from '../../core/answers';

// The term-results answers in every form: chat HTML, Alice's shown text (digits) and TTS (words),
// Alexa's SSML (English, never Cyrillic), in both languages.

const maria = { id: 's1', firstName: 'Мария', lastName: 'Иванова', className: '5А' };
const q2 = { kind: 'quarter' as const, number: 2, start: '2026-11-01', end: '2026-12-31' };
const q1 = { kind: 'quarter' as const, number: 1, start: '2026-09-01', end: '2026-10-31' };
const cyrillic = /[\u0400-\u04FF]/;

const average: TAnswer = {
  kind: 'average',
  term: q2,
  subject: null,
  sections: [
    {
      student: maria,
      subjects: [
        { subject: 'Алгебра', average: 4.33, count: 6, mark: '4' },
        { subject: 'Физика', average: 4.5, count: 2, mark: '5' },
      ],
    },
  ],
};

const needed: TAnswer = {
  kind: 'needed',
  term: q2,
  subject: null,
  sections: [
    {
      student: maria,
      subjects: [
        {
          subject: 'Алгебра',
          average: 3.8,
          mark: '4',
          target: '5',
          outcome: { kind: 'reach', fives: 3, heavy: { weight: 2, fives: 2 } },
          lessonsLeft: 7,
        },
        { subject: 'Физика', average: 4.6, mark: '5', target: '5', outcome: { kind: 'already' }, lessonsLeft: 5 },
        { subject: 'Химия', average: 2.1, mark: '2', target: '4', outcome: { kind: 'out-of-reach' }, lessonsLeft: 1 },
        {
          subject: 'Биология',
          average: 3.4,
          mark: '3',
          target: '4',
          outcome: { kind: 'reach', fives: 1, heavy: null },
          lessonsLeft: null,
        },
      ],
    },
  ],
};

const finals: TAnswer = {
  kind: 'final-grades',
  term: null,
  subject: null,
  sections: [
    {
      student: maria,
      marks: [
        { subject: 'Алгебра', value: '5', period: q1 },
        { subject: 'Физическая культура', value: 'осв.', period: q1 },
        { subject: 'Химия', value: 'н/а', period: q1 },
        { subject: 'Индивидуальный проект', value: 'зачёт', period: q1 },
      ],
    },
  ],
};

const topics: TAnswer = {
  kind: 'topics',
  term: q2,
  subject: 'Алгебра',
  sections: [
    {
      student: maria,
      topics: [
        { subject: 'Алгебра', topic: 'Квадратные уравнения', average: 2.5, dates: ['2026-11-10', '2026-11-17'] },
      ],
    },
  ],
};

describe('term answers in chat', () => {
  it('shows averages with their count and the mark they round to, in both languages', () => {
    expect(renderAnswer(average, 'ru').text).toBe(
      '<b>Средний балл за 2-ю четверть</b>\n\n<b>Мария</b>, 5А\n• Алгебра: 4,33 (6 оценок), выходит «4»\n• Физика: 4,5 (2 оценки), выходит «5»',
    );
    expect(renderAnswer(average, 'en').text).toBe(
      '<b>Averages for the 2nd quarter</b>\n\n<b>Mariya</b>, 5А\n• Algebra: 4.33 (6 grades), rounds to 4\n• Physics: 4.5 (2 grades), rounds to 5',
    );
  });

  it('says what is needed, what is already there, what is out of reach and when the lessons left are unknown', () => {
    const text = renderAnswer(needed, 'ru').text;
    expect(text).toContain(
      'Алгебра: чтобы вышла «5», нужно ещё 3 пятёрки (или 2 пятёрки с весом 2); осталось: 7 уроков',
    );
    expect(text).toContain('Физика: уже выходит «5»');
    expect(text).toContain('Химия: «4» за оставшиеся уроки уже не выйдет; осталось: 1 урок');
    expect(text).toContain('Биология: чтобы вышла «4», нужно ещё 1 пятёрка; сколько уроков осталось, неизвестно');
    const en = renderAnswer(needed, 'en').text;
    expect(en).toContain('Algebra: 3 fives more would make it 5 (or 2 fives of weight 2); 7 lessons left');
    expect(en).toContain('Biology: 1 five more would make it 4; lessons left unknown');
  });

  it('names fixed values as such, and the period once when every mark is of one', () => {
    const ru = renderAnswer(finals, 'ru').text;
    expect(ru.startsWith('<b>Итоговые оценки за 1-ю четверть</b>')).toBe(true);
    expect(ru).toContain('• Физическая культура: осв. (освобождён)');
    expect(ru).toContain('• Химия: н/а (не аттестован)');
    expect(ru).toContain('• Индивидуальный проект: зачёт');
    const en = renderAnswer(finals, 'en').text;
    expect(en).toContain(': exempt');
    expect(en).toContain('Chemistry: not assessed');
    expect(en).toContain(': pass');
  });
});

describe('term answers by voice', () => {
  it('shows digits and speaks words in Russian', () => {
    const { speech, tts } = renderAnswer(needed, 'ru');
    expect(speech).toContain('нужно ещё 3 пятёрки');
    expect(tts).toContain('нужно ещё три пятёрки');
    expect(tts).toContain('чтобы вышла пятёрка');
    expect(tts).toContain('осталось: семь уроков');
    expect(renderAnswer(average, 'ru').tts).toContain('выходит четвёрка');
  });

  it('gives Alexa English with no Cyrillic, naming a Russian topic by its dates', () => {
    for (const answer of [average, needed, finals, topics]) {
      const { ssml } = renderAnswer(answer, 'en');
      expect(ssml.startsWith('<speak>')).toBe(true);
      expect(ssml).not.toMatch(cyrillic);
    }
    expect(renderAnswer(topics, 'en').ssml).toBe(
      '<speak>Topics to work on for the 2nd quarter. Mariya: Algebra, a topic: 2.5 (Nov 10 and Nov 17).</speak>',
    );
    expect(renderAnswer(topics, 'ru').text).toContain('Алгебра, «Квадратные уравнения»: 2,5 (10 ноября и 17 ноября)');
  });

  it('says a missing period plainly in every form', () => {
    const missing: TAnswer = { kind: 'no-such-period', periodKind: 'trimester', number: 4 };
    expect(renderAnswer(missing, 'ru').speech).toBe('В этом учебном году нет 4-го триместра.');
    expect(renderAnswer(missing, 'en').ssml).toBe('<speak>There is no 4th trimester this school year.</speak>');
  });
});
