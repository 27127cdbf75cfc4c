import { subjectChartCaption, termChartCaption } from '../../core/charts';
import { subjectChart, TERM_2, TERM_2_EN, termChart } from './chart-fixtures';

// The message sent with a picture says what it shows, in the chat's language; with no grades it is
// the whole answer.

const grade = (value: string, weight = 1) => ({ date: '2026-11-10', value, weight });

describe('the caption of a subject chart', () => {
  const algebra = (lang: 'ru' | 'en', grades: ReturnType<typeof grade>[]) => ({
    childName: 'Маша',
    lang,
    period: lang === 'ru' ? TERM_2 : TERM_2_EN,
    subject: { name: 'Алгебра', grades },
  });

  it('names the subject, the period, the count and the average, in Russian and in English', () => {
    const grades = [grade('5'), grade('4', 2), grade('4'), grade('5'), grade('зачёт')];
    expect(subjectChartCaption(algebra('ru', grades))).toBe('Алгебра, 2-я четверть: 5 оценок, средний балл 4,40');
    expect(subjectChartCaption(algebra('en', grades))).toBe('Algebra, term 2: 5 grades, average 4.40');
  });

  it('agrees the count with its noun', () => {
    const caption = (n: number) =>
      subjectChartCaption(
        algebra(
          'ru',
          Array.from({ length: n }, () => grade('4')),
        ),
      );
    expect([1, 2, 5, 11, 21, 22].map((n) => caption(n).split(': ')[1])).toEqual([
      '1 оценка, средний балл 4,00',
      '2 оценки, средний балл 4,00',
      '5 оценок, средний балл 4,00',
      '11 оценок, средний балл 4,00',
      '21 оценка, средний балл 4,00',
      '22 оценки, средний балл 4,00',
    ]);
    expect(subjectChartCaption(algebra('en', [grade('3')]))).toBe('Algebra, term 2: 1 grade, average 3.00');
  });

  it('says when there is no average, and when there are no grades at all', () => {
    expect(subjectChartCaption(algebra('ru', [grade('зачёт')]))).toBe(
      'Алгебра, 2-я четверть: 1 оценка, без среднего балла',
    );
    expect(subjectChartCaption(algebra('en', [grade('зачёт')]))).toBe('Algebra, term 2: 1 grade, no average');
    expect(subjectChartCaption(algebra('ru', []))).toBe('Алгебра, 2-я четверть: оценок пока нет');
    expect(subjectChartCaption(algebra('en', []))).toBe('Algebra, term 2: no grades yet');
  });

  it('writes a subject with no English name in Latin letters for English', () => {
    const chart = { ...subjectChart(3, 'en'), subject: { name: 'Шахматы', grades: [grade('5')] } };
    expect(subjectChartCaption(chart)).toBe('Shakhmaty, term 2: 1 grade, average 5.00');
  });
});

describe('the caption of the term grid', () => {
  it('names the child, the period and the counts', () => {
    expect(termChartCaption(termChart(12, 14))).toBe('Маша, 2-я четверть: 12 предметов, 168 оценок');
    expect(termChartCaption(termChart(1, 1, 'en'))).toBe('Masha, term 2: 1 subject, 1 grade');
  });

  it('says there are no grades when no subject has one', () => {
    expect(termChartCaption(termChart(5, 0))).toBe('Маша, 2-я четверть: оценок пока нет');
    expect(termChartCaption({ ...termChart(0, 0, 'en') })).toBe('Masha, term 2: no grades yet');
  });
});
