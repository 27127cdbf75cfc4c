import fc from 'fast-check';
import { CANONICAL_SUBJECTS, formatQueryJson, type ParseOptions, parseUtterance, ZQuerySchema } from '../../core/nlu';
import subjectsFile from '../../core/nlu/subjects.json';

const WED = '2026-12-02T10:00:00+03:00'; // Wednesday
const SUN = '2026-12-06T20:00:00+03:00'; // Sunday
const NEW_YEARS_EVE = '2026-12-31T18:00:00+03:00'; // Thursday
const JAN_2 = '2027-01-02T09:00:00+03:00'; // Saturday

function parse(text: string, options: ParseOptions = {}) {
  return parseUtterance(text, { now: WED, ...options });
}

function dates(text: string, options: ParseOptions = {}) {
  const q = parse(text, options);
  return [q.date, q.dateTo];
}

describe('intents', () => {
  it.each([
    ['оценки', 'grades'],
    ['отметки', 'grades'],
    ['что получил', 'grades'],
    ['пятёрки', 'grades'],
    ['что поставили', 'grades'],
    ['grades', 'grades'],
    ['marks', 'grades'],
    ['how did I do', 'grades'],
    ['дз', 'homework'],
    ['домашка', 'homework'],
    ['что задали', 'homework'],
    ['домашнее задание', 'homework'],
    ['homework', 'homework'],
    ['assignments', 'homework'],
    ['расписание', 'schedule'],
    ['какие уроки', 'schedule'],
    ['во сколько', 'schedule'],
    ['есть ли физра', 'schedule'],
    ['do I have PE on Friday', 'schedule'],
    ['schedule', 'schedule'],
    ['timetable', 'schedule'],
    ['classes', 'schedule'],
    ['баланс', 'balance'],
    ['столовая', 'balance'],
    ['сколько денег на карте', 'balance'],
    ['питание', 'balance'],
    ['lunch money', 'balance'],
    ['canteen balance', 'balance'],
    ['подпиши меня на оценки', 'subscribe'],
    ['присылай оценки', 'subscribe'],
    ['включи уведомления', 'subscribe'],
    ['notify me', 'subscribe'],
    ['turn on alerts', 'subscribe'],
    ['отпишись от уведомлений', 'unsubscribe'],
    ['не присылай', 'unsubscribe'],
    ['выключи уведомления', 'unsubscribe'],
    ['stop notifications', 'unsubscribe'],
    ['unsubscribe', 'unsubscribe'],
    ['настройки', 'settings'],
    ['settings', 'settings'],
    ['привязать', 'link'],
    ['мой код 4815 2604 7391', 'link'],
    ['/link', 'link'],
    ['link my child', 'link'],
    ['код 4815 2604 7391', 'link'],
    ['забудь меня', 'forget'],
    ['удали мои данные', 'forget'],
    ['/forget', 'forget'],
    ['forget me', 'forget'],
    ['delete my data', 'forget'],
    ['помощь', 'help'],
    ['что ты умеешь', 'help'],
    ['help', 'help'],
    ['what can you do', 'help'],
  ])('%s → %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });

  it('does not act on complaints or unrelated requests', () => {
    expect(parse('почему ты не присылаешь оценки').intent).not.toBe('unsubscribe');
    expect(parse('не приходят уведомления об оценках').intent).not.toBe('unsubscribe');
    expect(parse('поставь напоминание на завтра').intent).toBe('unknown');
    expect(parse('какая погода завтра')).toMatchObject({ intent: 'unknown', date: '2026-12-03' });
  });

  it('reads a word typed with a Latin letter in the middle of Cyrillic', () => {
    expect(parse('oценки пo мaтематике').intent).toBe('grades');
    expect(parse('oценки пo мaтематике').subject).toBe('Математика');
  });
});

describe('weekday semantics follow the intent', () => {
  it.each([
    ['дз на пятницу', 'homework', '2026-12-04'],
    ['расписание на пятницу', 'schedule', '2026-12-04'],
    ['оценки за пятницу', 'grades', '2026-11-27'],
    ['что получил в понедельник', 'grades', '2026-11-30'],
    ['дз на понедельник', 'homework', '2026-12-07'],
    ['сколько потратил в понедельник в столовой', 'balance', '2026-11-30'],
    ['homework for Friday', 'homework', '2026-12-04'],
    ['grades for Friday', 'grades', '2026-11-27'],
    ['do I have PE on Monday', 'schedule', '2026-12-07'],
  ])('%s → %s %s', (text, intent, date) => {
    const q = parse(text);
    expect(q.intent).toBe(intent);
    expect(q.date).toBe(date);
    expect(q.dateTo).toBeNull();
  });

  it('counts today as that weekday for both directions', () => {
    expect(dates('дз на среду')).toEqual(['2026-12-02', null]);
    expect(dates('оценки за среду')).toEqual(['2026-12-02', null]);
    expect(dates('дз на воскресенье', { now: SUN })).toEqual(['2026-12-06', null]);
  });

  it('reads this/next/last weekday by calendar week', () => {
    expect(dates('расписание на эту пятницу')).toEqual(['2026-12-04', null]);
    expect(dates('расписание на следующую пятницу')).toEqual(['2026-12-11', null]);
    expect(dates('оценки за прошлую пятницу')).toEqual(['2026-11-27', null]);
    expect(dates('расписание на следующей неделе в среду')).toEqual(['2026-12-09', null]);
    expect(dates('next Monday schedule')).toEqual(['2026-12-07', null]);
  });

  it('moves schedule questions into the past when they are in the past tense', () => {
    expect(dates('какие уроки были в понедельник')).toEqual(['2026-11-30', null]);
    expect(dates('какие уроки будут в понедельник')).toEqual(['2026-12-07', null]);
  });
});

describe('ranges', () => {
  it('this, next and last week are Monday to Sunday', () => {
    expect(dates('оценки на этой неделе')).toEqual(['2026-11-30', '2026-12-06']);
    expect(dates('расписание на следующей неделе')).toEqual(['2026-12-07', '2026-12-13']);
    expect(dates('оценки за прошлую неделю')).toEqual(['2026-11-23', '2026-11-29']);
    expect(dates('grades this week')).toEqual(['2026-11-30', '2026-12-06']);
    expect(dates('schedule for next week')).toEqual(['2026-12-07', '2026-12-13']);
    expect(dates('grades for last week')).toEqual(['2026-11-23', '2026-11-29']);
  });

  it('"за неделю" for grades is the last seven days; for homework it is the school week', () => {
    expect(dates('оценки за неделю')).toEqual(['2026-11-26', '2026-12-02']);
    expect(dates('дз на неделю')).toEqual(['2026-11-30', '2026-12-06']);
    // On a Sunday the week ahead is the next one.
    expect(dates('дз на неделю', { now: SUN })).toEqual(['2026-12-07', '2026-12-13']);
  });

  it('spans of days and months end today', () => {
    expect(dates('оценки за последние 3 дня')).toEqual(['2026-11-30', '2026-12-02']);
    expect(dates('grades for the past week')).toEqual(['2026-11-26', '2026-12-02']);
    expect(dates('оценки за две недели')).toEqual(['2026-11-19', '2026-12-02']);
    expect(dates('оценки за ноябрь')).toEqual(['2026-11-01', '2026-11-30']);
    expect(dates('оценки в этом месяце')).toEqual(['2026-12-01', '2026-12-31']);
  });

  it('joins two named days into one range', () => {
    expect(dates('дз с понедельника по среду')).toEqual(['2026-12-07', '2026-12-09']);
    expect(dates('оценки с понедельника по среду')).toEqual(['2026-11-30', '2026-12-02']);
    expect(dates('дз с 7 по 11 декабря')).toEqual(['2026-12-07', '2026-12-11']);
    expect(dates('оценки за вчера и сегодня')).toEqual(['2026-12-01', '2026-12-02']);
  });

  it('a single named date has no dateTo', () => {
    expect(dates('дз на 7 декабря')).toEqual(['2026-12-07', null]);
    expect(dates('homework for December 7th')).toEqual(['2026-12-07', null]);
    expect(dates('дз на 7.12')).toEqual(['2026-12-07', null]);
    expect(dates('оценки')).toEqual([null, null]);
  });
});

describe('year rollover', () => {
  it('a January date asked on New Year’s Eve is next year', () => {
    expect(dates('дз на 11 января', { now: NEW_YEARS_EVE })).toEqual(['2027-01-11', null]);
    expect(dates('дз на завтра', { now: NEW_YEARS_EVE })).toEqual(['2027-01-01', null]);
    expect(dates('дз на понедельник', { now: NEW_YEARS_EVE })).toEqual(['2027-01-04', null]);
    expect(dates('расписание на следующей неделе', { now: NEW_YEARS_EVE })).toEqual(['2027-01-04', '2027-01-10']);
  });

  it('a December date asked in January is last year', () => {
    expect(dates('оценки за 28 декабря', { now: JAN_2 })).toEqual(['2026-12-28', null]);
    expect(dates('оценки за декабрь', { now: JAN_2 })).toEqual(['2026-12-01', '2026-12-31']);
    expect(dates('оценки за прошлый месяц', { now: JAN_2 })).toEqual(['2026-12-01', '2026-12-31']);
    expect(dates('оценки на этой неделе', { now: JAN_2 })).toEqual(['2026-12-28', '2027-01-03']);
  });

  it('an explicit year wins', () => {
    expect(dates('оценки за 7 декабря 2025 года')).toEqual(['2025-12-07', null]);
    expect(dates('оценки за 07.12.2025')).toEqual(['2025-12-07', null]);
  });

  it('a date just behind is not pushed a year ahead', () => {
    expect(dates('что задали на 1 декабря')).toEqual(['2026-12-01', null]);
  });
});

describe('time zone', () => {
  const lateEvening = '2026-12-02T22:30:00Z'; // 01:30 on 3 December in Moscow

  it('takes "today" in the school zone, Moscow by default', () => {
    expect(dates('оценки за сегодня', { now: lateEvening })).toEqual(['2026-12-03', null]);
    expect(dates('оценки за сегодня', { now: lateEvening, tz: 'UTC' })).toEqual(['2026-12-02', null]);
    expect(dates('оценки за сегодня', { now: lateEvening, tz: 'America/New_York' })).toEqual(['2026-12-02', null]);
    expect(dates('дз на завтра', { now: new Date(lateEvening) })).toEqual(['2026-12-04', null]);
  });

  it('is exact at midnight', () => {
    expect(dates('сегодня', { now: '2026-12-02T20:59:59Z' })).toEqual(['2026-12-02', null]);
    expect(dates('сегодня', { now: '2026-12-02T21:00:00Z' })).toEqual(['2026-12-03', null]);
  });

  it('rejects invalid options instead of guessing', () => {
    expect(() => parse('оценки', { tz: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => parse('оценки', { now: 'not a date' })).toThrow(RangeError);
  });

  it('reads the clock when no "now" is given', () => {
    expect(parseUtterance('оценки за сегодня').date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('children', () => {
  it.each([
    ['у Маши', 'Маша'],
    ['у маши', 'Маша'],
    ['Пете', 'Петя'],
    ['у Саши', 'Саша'],
    ['Дениса', 'Денис'],
    ['у Ксюши', 'Ксюша'],
    ['у Ани', 'Аня'],
    ['Лизы', 'Лиза'],
    ['у Миши', 'Миша'],
    ['у Кати', 'Катя'],
    ['Ивана', 'Иван'],
    ['у Сони', 'Соня'],
    ['у Марии', 'Мария'],
    ['у Арсения', 'Арсений'],
    ['у Андрея', 'Андрей'],
    ['у Игоря', 'Игорь'],
    ['у Ильи', 'Илья'],
    ['Никите', 'Никита'],
    ['у Льва', 'Лев'],
    ['у Павла', 'Павел'],
    ['у Петра', 'Пётр'],
    ['у Александра', 'Александр'],
    ['у Александры', 'Александра'],
    ['Лёши', 'Лёша'],
    ['у Ярославы', 'Ярослава'],
    ['у Тимофея', 'Тимофей'],
    ['у Дарьи', 'Дарья'],
    ['у Светы', 'Света'],
  ])('"оценки %s" → %s', (phrase, child) => {
    expect(parse(`оценки ${phrase}`).child).toBe(child);
  });

  it('keeps the nominative as written', () => {
    expect(parse('Маша получила пятёрку').child).toBe('Маша');
    expect(parse('Александра получила пятёрку').child).toBe('Александра');
    expect(parse('Артем что получил').child).toBe('Артем');
  });

  it('guesses an unknown capitalised name after "у" from its ending', () => {
    expect(parse('оценки у Амалии').child).toBe('Амалия');
    expect(parse('оценки у Радомира').child).toBe('Радомир');
  });

  it('does not take ordinary words for names', () => {
    for (const text of [
      'оценки по математике завтра',
      'какая тема урока',
      'что задали по роману',
      'оценки у сына',
      'поле чудес',
      'дз на завтра у младшей',
      'слава богу пятерка',
      'какие оценки у дочки',
    ]) {
      expect(parse(text).child).toBeNull();
    }
  });

  it('reads English names', () => {
    expect(parse("what are Masha's grades").child).toBe('Masha');
    expect(parse('how did pete do in math').child).toBe('Pete');
    expect(parse('homework for Zara').child).toBe('Zara');
    expect(parse('what are my grades').child).toBeNull();
  });
});

describe('assistant prefixes', () => {
  it.each([
    'алиса, спроси у дневника что задали по математике на завтра',
    'Алиса попроси дневник что задали по математике на завтра',
    'скажи что задали по математике на завтра',
    'попроси школьный дневник что задали по математике на завтра',
    'слушай алиса спроси у школьного дневника что задали по математике на завтра',
  ])('%s', (text) => {
    expect(parse(text)).toEqual({
      intent: 'homework',
      date: '2026-12-03',
      dateTo: null,
      subject: 'Математика',
      child: null,
    });
  });

  it('strips English invocations', () => {
    expect(parse('alexa ask school diary what is my math homework for tomorrow')).toEqual({
      intent: 'homework',
      date: '2026-12-03',
      dateTo: null,
      subject: 'Математика',
      child: null,
    });
    expect(parse('Alexa, ask school diary for Masha’s grades').child).toBe('Masha');
  });

  it('does not strip a girl called Алиса or a request that starts with "включи"', () => {
    expect(parse('Алиса получила пятёрку?').child).toBe('Алиса');
    expect(parse('оценки у Алисы').child).toBe('Алиса');
    expect(parse('включи уведомления').intent).toBe('subscribe');
  });
});

describe('commands and codes', () => {
  it.each([
    ['/grades', 'grades'],
    ['/homework', 'homework'],
    ['/schedule@dnevnik_bot', 'schedule'],
    ['/balance', 'balance'],
    ['/subscribe', 'subscribe'],
    ['/unsubscribe', 'unsubscribe'],
    ['/settings', 'settings'],
    ['/link', 'link'],
    ['/forget', 'forget'],
    ['/help', 'help'],
    ['/start', 'help'],
    ['/start 482915736104', 'link'],
  ])('%s → %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });

  it('parses the rest of a command', () => {
    expect(parse('/homework завтра по физике')).toMatchObject({
      intent: 'homework',
      date: '2026-12-03',
      subject: 'Физика',
    });
  });

  it('recognises a twelve-digit code however it is grouped, and not shorter numbers', () => {
    expect(parse('4815 2604 7391').intent).toBe('link');
    expect(parse('4815-2604-7391').intent).toBe('link');
    expect(parse('48 15 26 04 73 91').intent).toBe('link');
    expect(parse('1234567').intent).toBe('unknown');
  });
});

describe('robustness', () => {
  const unknown = { intent: 'unknown', date: null, dateTo: null, subject: null, child: null };

  it.each(['', '   ', '!!!', '🙂🙂🙂', '\u0000\u0001', '…', 'ывапролд', 'qwerty asdf'])('%j → unknown', (text) => {
    expect(parse(text)).toEqual(unknown);
  });

  it('treats a non-string as empty input', () => {
    expect(parse(undefined as unknown as string)).toEqual(unknown);
    expect(parse(null as unknown as string)).toEqual(unknown);
  });

  it('handles 10k-character input quickly', () => {
    const inputs = [
      'оценки у Маши завтра '.repeat(500),
      '1'.repeat(10_000),
      '1 2 '.repeat(2_500),
      'а'.repeat(10_000),
      'на следующей неделе в пятницу '.repeat(340),
      "'.-/".repeat(2_500),
    ];
    for (const text of inputs) {
      const started = Date.now();
      const q = parse(text);
      expect(Date.now() - started).toBeLessThan(500);
      expect(ZQuerySchema.safeParse(q).success).toBe(true);
    }
  });

  it('never throws and always returns a valid query for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => {
        expect(ZQuerySchema.safeParse(parse(text)).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any jumble of the words it knows, cut off anywhere', () => {
    const words = [
      'на',
      'за',
      'с',
      'по',
      'у',
      'в',
      'the',
      'of',
      'last',
      'next',
      'this',
      'past',
      'через',
      'назад',
      'ago',
      'in',
      'следующей',
      'прошлую',
      'позапрошлую',
      'эту',
      'неделе',
      'неделю',
      'week',
      'месяц',
      'month',
      'выходные',
      'пятницу',
      'monday',
      'sat',
      '7',
      '7-го',
      '31',
      '2026',
      '7.12',
      '30.02',
      '2026-02-30',
      '12/7',
      'декабря',
      'february',
      'числа',
      'двадцать',
      'первое',
      'twenty',
      'first',
      'дня',
      'days',
      'два',
      'two',
      'сегодня',
      'tomorrow',
      'оценки',
      'дз',
      'не',
      'присылай',
      'уведомления',
      'удали',
      'Маши',
      'Masha',
      'how',
      'did',
      'do',
      'алиса',
      'спроси',
      'дневника',
      'alexa',
      'ask',
      'diary',
      'математике',
      'it',
      'p.e',
      'код',
      '4815',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { maxLength: 12 }),
        fc.constantFrom(WED, SUN, JAN_2),
        (soup, now) => {
          expect(ZQuerySchema.safeParse(parse(soup.join(' '), { now })).success).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('language', () => {
  it('detects the language but accepts an explicit one', () => {
    expect(parse('what is my homework for 12/7').date).toBe('2026-12-07');
    expect(parse('дз на 7/12').date).toBe('2026-12-07');
    expect(parse('homework for 7/12', { lang: 'ru' }).date).toBe('2026-12-07');
  });

  it('maps English subject names to the canonical Russian ones', () => {
    const pairs: [string, string][] = [
      ['math', 'Математика'],
      ['PE', 'Физическая культура'],
      ['gym', 'Физическая культура'],
      ['English', 'Английский язык'],
      ['history', 'История'],
      ['physics', 'Физика'],
      ['chemistry', 'Химия'],
      ['biology', 'Биология'],
      ['geography', 'География'],
      ['literature', 'Литература'],
      ['russian', 'Русский язык'],
      ['computer science', 'Информатика'],
      ['informatics', 'Информатика'],
      ['IT', 'Информатика'],
      ['art', 'Изобразительное искусство'],
      ['music', 'Музыка'],
      ['algebra', 'Алгебра'],
      ['geometry', 'Геометрия'],
    ];
    for (const [name, canonical] of pairs) expect(parse(`${name} homework`).subject).toBe(canonical);
  });

  it('maps Russian slang and inflected forms', () => {
    const pairs: [string, string][] = [
      ['по матеше', 'Математика'],
      ['по матану', 'Математика'],
      ['по физре', 'Физическая культура'],
      ['по инглишу', 'Английский язык'],
      ['по англ', 'Английский язык'],
      ['по изо', 'Изобразительное искусство'],
      ['по обж', 'Основы безопасности и защиты Родины'],
      ['по русичу', 'Русский язык'],
      ['по лит-ре', 'Литература'],
      ['по инфе', 'Информатика'],
      ['по обще', 'Обществознание'],
      ['по геоме', 'Геометрия'],
      ['по биоле', 'Биология'],
      ['по химозе', 'Химия'],
      ['по русскому', 'Русский язык'],
      ['по алгебре', 'Алгебра'],
      ['по окружающему миру', 'Окружающий мир'],
      ['по истории', 'История'],
      ['по физике', 'Физика'],
    ];
    for (const [phrase, canonical] of pairs) expect(parse(`что задали ${phrase}`).subject).toBe(canonical);
  });

  it('knows exactly the canonical subjects of subjects.json', () => {
    expect([...CANONICAL_SUBJECTS]).toEqual(subjectsFile.subjects);
  });
});

describe('formatQueryJson', () => {
  it('prints one line with the contract key order', () => {
    const line = formatQueryJson({
      child: 'Маша',
      subject: null,
      dateTo: null,
      date: '2026-12-03',
      intent: 'homework',
    });
    expect(line).toBe('{"intent":"homework","date":"2026-12-03","dateTo":null,"subject":null,"child":"Маша"}');
    expect(line).not.toContain('\n');
  });
});
