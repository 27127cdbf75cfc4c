import { parseUtterance } from '../../core/nlu';

// The 'chart' intent on phrasings written apart from its cues (held out): a picture asked for in
// any common word, with a subject or a child when named; «график» of lessons stays the timetable.

const NOW = new Date('2026-12-02T10:00:00+03:00');
const parse = (text: string) => parseUtterance(text, { now: NOW, tz: 'Europe/Moscow' });

describe('chart intent', () => {
  it.each([
    ['покажи график оценок', null, null],
    ['нарисуй графики успеваемости', null, null],
    ['график по алгебре', 'Алгебра', null],
    ['можно диаграмму по физике у Пети', 'Физика', 'Петя'],
    ['show me a chart of grades', null, null],
    ['graph of Emma’s marks in history', 'История', 'Emma'],
    ['plot my maths grades', 'Математика', null],
  ])('«%s» → chart (subject %s, child %s)', (text, subject, child) => {
    expect(parse(text)).toMatchObject({ intent: 'chart', subject, child });
  });

  it.each(['график уроков на завтра', 'какой график занятий в пятницу', 'график звонков'])(
    '«%s» stays the timetable',
    (text) => {
      expect(parse(text).intent).toBe('schedule');
    },
  );

  it.each(['оценки по алгебре', 'какой средний балл по физике', 'что задали по графике'])(
    '«%s» is no chart',
    (text) => {
      expect(parse(text).intent).not.toBe('chart');
    },
  );
});
