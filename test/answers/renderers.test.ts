import { ALICE_LIMIT, fitSpeech, renderAnswer, type TAnswer } from '../../core/answers';
import type { TGradeItem, THomeworkItem } from '../../core/diary';

// Renderers are pure: built answers in, chat HTML / speech / Alice TTS / Alexa SSML out.

const period = { from: '2026-12-02', to: '2026-12-02', today: '2026-12-02' };
const maria = { id: 's1', firstName: 'Мария', lastName: 'Иванова', className: '5А' };
const artem = { id: 's2', firstName: 'Артём', lastName: 'Соколов', className: '5А' };

let seq = 0;
const grade = (subject: string, value: string, extra: Partial<TGradeItem> = {}): TGradeItem => ({
  id: `g${++seq}`,
  date: '2026-12-02',
  subject,
  value,
  weight: 1,
  workType: null,
  comment: null,
  ...extra,
});

describe('speech', () => {
  it('says grades grouped by subject, with counts in digits where shown and in words where spoken', () => {
    const answer: TAnswer = {
      kind: 'grades',
      period,
      subject: null,
      sections: [
        {
          student: maria,
          grades: [grade('Математика', '5'), grade('Русский язык', '4'), grade('Русский язык', '4')],
          average: 4.33,
        },
      ],
    };
    const { speech, tts, ssml } = renderAnswer(answer, 'ru');
    expect(speech).toBe('У Марии сегодня: пятёрка по математике, 2 четвёрки по русскому языку; средний балл 4,33.');
    expect(tts).toBe('У Марии сегодня: пятёрка по математике, две четвёрки по русскому языку; ср+едний балл 4,33.');
    expect(ssml).toBe('<speak>Today, Mariya got a five in Maths, two fours in Russian; average 4.33.</speak>');
  });

  it('uses the plural forms and the genitive of names', () => {
    const grades = [...Array(5)].map(() => grade('Физика', '3'));
    const answer: TAnswer = {
      kind: 'grades',
      period,
      subject: null,
      sections: [{ student: artem, grades, average: 3 }],
    };
    expect(renderAnswer(answer, 'ru').speech).toBe('У Артёма сегодня: 5 троек по физике; средний балл 3.');
    expect(renderAnswer(answer, 'ru').tts).toBe('У Арт+ёма сегодня: пять троек по физике; ср+едний балл 3.');
  });

  it('says when there is nothing, per child, with a pause between children in TTS', () => {
    const answer: TAnswer = {
      kind: 'grades',
      period,
      subject: null,
      sections: [
        { student: artem, grades: [], average: null },
        { student: maria, grades: [grade('Химия', '5')], average: 5 },
      ],
    };
    const r = renderAnswer(answer, 'ru');
    expect(r.speech).toBe('У Артёма сегодня оценок пока нет. У Марии сегодня: пятёрка по химии.');
    expect(r.tts).toContain(' sil <[300]> ');
    expect(r.ssml).toContain('<break time="300ms"/>');
    expect(renderAnswer({ ...answer, sections: [answer.sections[0]] }, 'ru').text).toContain(
      'Сегодня оценок пока нет.',
    );
  });

  it('shows money in digits and says it in words', () => {
    const answer: TAnswer = {
      kind: 'balance',
      sections: [{ student: maria, canteen: { balanceKopecks: 35150, recent: [] } }],
    };
    expect(renderAnswer(answer, 'ru').speech).toBe('У Марии на карте 351,50 ₽.');
    expect(renderAnswer(answer, 'ru').tts).toBe('У Марии на карте триста пятьдесят один рубль пятьдесят копеек.');
    expect(renderAnswer(answer, 'en').speech).toBe("Mariya's canteen balance is 351.50 RUB.");
    expect(renderAnswer(answer, 'en').ssml).toBe(
      '<speak>Mariya&apos;s canteen balance is 351 roubles 50 kopecks.</speak>',
    );
  });
});

describe('limits', () => {
  const many: THomeworkItem[] = [...Array(60)].map((_, i) => ({
    id: `h${i}`,
    dueDate: '2026-12-03',
    subject: 'Математика',
    text: `Задача номер ${i + 1}, решить и записать ответ в тетрадь`,
  }));
  const answer: TAnswer = {
    kind: 'homework',
    period: { ...period, from: '2026-12-03', to: '2026-12-03' },
    subject: null,
    sections: [{ student: maria, homework: many }],
  };

  it('keeps Alice text and TTS within 1024 characters, ending with how many were left out', () => {
    const r = renderAnswer(answer, 'ru');
    expect(r.speech.length).toBeLessThanOrEqual(ALICE_LIMIT);
    expect(r.tts.length).toBeLessThanOrEqual(ALICE_LIMIT);
    expect(r.speech).toMatch(/и ещё \d+\.$/);
    const said = (r.speech.match(/по математике/g) ?? []).length;
    expect(r.speech).toContain(`и ещё ${60 - said}.`);
    expect(r.ssml.startsWith('<speak>') && r.ssml.endsWith('</speak>')).toBe(true);
  });

  it('cuts a single over-long piece at a word', () => {
    const text = fitSpeech([{ prefix: 'слово '.repeat(300), items: [], sep: '', suffix: '' }], {
      limit: 100,
      joiner: ' ',
      andMore: (n) => `и ещё ${n}`,
    });
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text.endsWith('слово…')).toBe(true);
  });
});

describe('escaping', () => {
  const nasty = 'Сравнить a < b & c > d, "кавычки" и \'апостроф\' <script>alert(1)</script>';
  const answer: TAnswer = {
    kind: 'homework',
    period: { ...period, from: '2026-12-03', to: '2026-12-03' },
    subject: null,
    sections: [{ student: maria, homework: [{ id: 'h1', dueDate: '2026-12-03', subject: 'Математика', text: nasty }] }],
  };

  it('escapes <, > and & in chat HTML', () => {
    const { text } = renderAnswer(answer, 'ru');
    expect(text).not.toContain('<script>');
    expect(text).toContain('a &lt; b &amp; c &gt; d');
    expect(text.replace(/<\/?(b|i|s|a)( [^>]*)?>/g, '')).not.toMatch(/[<>]/);
  });

  it('escapes XML in SSML and keeps markup out of Alice TTS', () => {
    const latin = 'Compare a < b & c > d, "quotes" <script>alert(1)</script>';
    const { tts } = renderAnswer(answer, 'en');
    const { ssml } = renderAnswer(
      {
        ...answer,
        sections: [
          { student: maria, homework: [{ id: 'h1', dueDate: '2026-12-03', subject: 'Математика', text: latin }] },
        ],
      },
      'en',
    );
    const inner = ssml.slice('<speak>'.length, -'</speak>'.length);
    expect(inner).not.toMatch(/<(?!break time="300ms"\/>)/);
    expect(inner).toContain('&lt;');
    expect(inner).toContain('&amp;');
    expect(inner).toContain('&quot;');
    expect(tts).not.toMatch(/[<>]/);
  });

  it('keeps only http(s) links for online lessons and marks tests and cancellations', () => {
    const lesson = {
      id: 'l1',
      date: '2026-12-02',
      start: '08:30',
      end: '09:15',
      subject: 'Физика',
      className: '5А',
      teacherName: 'Петрова А. И.',
      room: '204',
      topic: null,
      isTest: true,
      cancelled: true,
      onlineUrl: 'https://meet.example/x?a=1&b="2"',
    };
    const { text, speech } = renderAnswer(
      { kind: 'schedule', period, subject: null, sections: [{ student: maria, lessons: [lesson] }] },
      'ru',
    );
    expect(text).toContain('href="https://meet.example/x?a=1&amp;b=&quot;2&quot;"');
    expect(text).toContain('<s>');
    expect(text).toContain('контрольная');
    expect(speech).toBe('У Марии сегодня уроков нет: урок по физике отменён.');
    const unsafe = renderAnswer(
      {
        kind: 'schedule',
        period,
        subject: null,
        sections: [{ student: maria, lessons: [{ ...lesson, onlineUrl: 'javascript:alert(1)' }] }],
      },
      'ru',
    );
    expect(unsafe.text).not.toContain('javascript:');
  });
});

describe('english', () => {
  it('renders every simple answer in both languages', () => {
    for (const kind of ['help', 'unknown', 'not-linked', 'refused', 'ask-child', 'no-person'] as const) {
      for (const lang of ['ru', 'en'] as const) {
        const r = renderAnswer({ kind }, lang);
        expect(r.text.length).toBeGreaterThan(10);
        expect(r.speech.length).toBeGreaterThan(10);
      }
    }
    expect(renderAnswer({ kind: 'refused' }, 'en').text).toMatch(/only tell you about the children linked to you/);
  });
});
