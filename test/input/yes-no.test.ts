import fc from 'fast-check';
import { readYesNo } from '../../core/input';
import { MAX_ANSWER_CHARS } from '../../core/input/yes-no';

// Yes and no as people type or say them, in Russian and English: one rule for every channel's
// consent question. A refusal wins over agreement words around it; anything that is not an answer
// is neither.

describe('readYesNo', () => {
  test.each([
    'да',
    'Да.',
    'да, согласен',
    'согласна, да',
    'ДА, СОГЛАСНА!',
    'конечно да',
    'конечно',
    'ну давай',
    'давай',
    'давайте',
    'хорошо',
    'ладно',
    'ок',
    'окей',
    'ага',
    'угу',
    'я согласен',
    'Я согласна с условиями',
    'согласны',
    'разрешаю',
    'да, разрешаю',
    'да-да',
    'ну да',
    'пожалуй, да',
    'да, пожалуйста',
    'даю согласие',
    'подтверждаю',
    'не против',
    'я не возражаю',
    'почему бы и нет',
    'без проблем',
    'не вопрос',
    'так и быть',
    'Алиса, да',
    'yes',
    'Yes!',
    'yes please',
    'sure',
    'ok',
    'OK',
    'okay',
    'yeah',
    'yep',
    'I agree',
    'I do agree',
    'go ahead',
    'of course',
    'alright',
    'all right',
    'well, um, yes',
    'yes, I agree to the terms',
    "I don't mind",
    'I don’t mind',
    'why not',
    'no problem',
    'I think so',
    'absolutely',
  ])('%s → yes', (text) => {
    expect(readYesNo(text)).toBe('yes');
  });

  test.each([
    'нет',
    'Нет.',
    'нет, не надо',
    'пожалуй, нет',
    'не согласен',
    'не согласна',
    'я не согласна',
    'не хочу',
    'отказываюсь',
    'не надо',
    'не нужно',
    'неа',
    'не-а',
    'не, не хочу',
    'конечно нет',
    'нет, конечно',
    'да нет, не хочу',
    'да нет',
    'да ну нет',
    'да не',
    'ну нет',
    'нет, спасибо',
    'не разрешаю',
    'не даю согласия',
    'ни за что',
    'ни в коем случае',
    'против',
    'я возражаю',
    'отмена',
    'no',
    'No.',
    'no thanks',
    'no, thank you',
    'nope',
    'nah',
    "I don't agree",
    'I don’t agree',
    'I do not agree',
    'i dont agree',
    "don't",
    'not now',
    'I disagree',
    'I refuse',
    'I decline',
    'never',
    'no way',
    'of course not',
    "I don't think so",
    "I don't want to",
    'yes, no',
    'yes no',
    'sure… no',
    'ok, no',
  ])('%s → no', (text) => {
    expect(readYesNo(text)).toBe('no');
  });

  test.each([
    '',
    '   ',
    '?!',
    'какие оценки',
    'какие оценки сегодня у Маши?',
    'что задали на завтра',
    'а что будет, если да?',
    'да, а какие оценки?',
    'мой код 4815 2604 7391',
    '481526047391',
    'https://t.me/dnevnik_bot?start=481526047391',
    '/start',
    'что это значит?',
    'расскажи подробнее',
    'спасибо',
    'пожалуйста',
    'ну',
    'не знаю',
    'не уверен',
    'наверное',
    'наверное, да',
    'может быть',
    'да ну',
    'нет, не против',
    'what grades did I get',
    'what does that mean?',
    'maybe',
    'not sure',
    "I'm not sure",
    "I don't know",
    'please',
    'thanks',
    'um',
    'yes, what is my homework',
  ])('%s → neither', (text) => {
    expect(readYesNo(text)).toBeNull();
  });

  test('a text longer than an answer is not read, even when it says yes', () => {
    expect(readYesNo(`да${' '.repeat(MAX_ANSWER_CHARS)}`)).toBeNull();
    expect(readYesNo(Array(40).fill('да').join(' '))).toBeNull();
    expect(readYesNo(`${'не '.repeat(5000)}да`)).toBeNull();
    expect(readYesNo(`${"'".repeat(100)}да${'-'.repeat(90)}`)).toBe('yes');
  });
});

describe('readYesNo properties', () => {
  const agreements = [
    'да',
    'конечно',
    'согласен',
    'согласна',
    'давай',
    'хорошо',
    'ладно',
    'ок',
    'разрешаю',
    'yes',
    'sure',
    'ok',
    'okay',
    'yeah',
    'agree',
    'alright',
    'пойдёт',
  ];
  // Whole refusals: none starts with a word a negation could deny, none ends with a bare negation.
  const refusals = [
    'нет',
    'неа',
    'не надо',
    'не хочу',
    'не согласен',
    'не согласна',
    'отказываюсь',
    'ни за что',
    'no',
    'nope',
    'nah',
    'no thanks',
    "I don't agree",
    'I do not agree',
    'never',
  ];
  const fillers = ['ну', 'пожалуй', 'я', 'всё', 'ещё', 'well', 'um', 'please'];
  const punctuation = ['', ',', '.', '!', '…', ' -', '?'];
  const word = (words: string[]) =>
    fc.tuple(fc.constantFrom(...words), fc.constantFrom(...punctuation)).map(([w, p]) => `${w}${p}`);
  const agreeing = fc.array(fc.oneof(word(agreements), word(fillers)), { maxLength: 5 });

  it('a refusal before, after or among agreement words is never a yes', () => {
    fc.assert(
      fc.property(agreeing, word(refusals), agreeing, (before, refusal, after) => {
        expect(readYesNo([...before, refusal, ...after].join(' '))).not.toBe('yes');
      }),
      { numRuns: 3000 },
    );
  });

  it('agreement words with fillers alone are a yes, in any case, with ё or е, however punctuated', () => {
    fc.assert(
      fc.property(
        fc.array(word(fillers), { maxLength: 3 }),
        word(agreements),
        // «да ну» is disbelief, not agreement: no «ну» after the agreement here.
        fc.array(fc.oneof(word(agreements), word(fillers.filter((f) => f !== 'ну'))), { maxLength: 3 }),
        fc.boolean(),
        (before, agreement, after, shout) => {
          const text = [...before, agreement, ...after].join(' ');
          expect(readYesNo(shout ? text.toUpperCase() : text)).toBe('yes');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('any word outside an answer makes the text neither', () => {
    const foreign = fc.constantFrom('оценки', 'завтра', 'homework', 'Маша', '42', 'почему', 'what');
    fc.assert(
      fc.property(agreeing, fc.oneof(word(refusals), word(agreements)), foreign, agreeing, (a, said, other, b) => {
        expect(readYesNo([...a, said, other, ...b].join(' '))).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any text, and answers within the three values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 })), (text) => {
        expect([null, 'yes', 'no']).toContain(readYesNo(text));
      }),
      { numRuns: 3000 },
    );
  });
});
