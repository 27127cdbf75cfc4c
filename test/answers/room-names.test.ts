import { renderAnswer, type TAnswer } from '../../core/answers';
import type { TLessonItem } from '../../core/diary';

// Rooms in the timetable as a journal names them: a number, a number with its word, or a place.
// English answers translate the common places and keep numbers; Russian ones put "каб." only
// before a bare number.

const period = { from: '2026-12-03', to: '2026-12-03', today: '2026-12-02' };
const maria = { id: 's1', firstName: 'Мария', lastName: 'Иванова', className: '5А' };

const lesson = (room: string | null): TLessonItem => ({
  id: `l-${room}`,
  date: '2026-12-03',
  start: '08:30',
  end: '09:15',
  subject: 'История',
  className: '5А',
  teacherName: 'Захарова М. В.',
  room,
  topic: null,
  isTest: false,
  cancelled: false,
  onlineUrl: null,
});

/** The chat line of one lesson in that room. */
function chatLine(room: string, lang: 'ru' | 'en'): string {
  const answer: TAnswer = {
    kind: 'schedule',
    period,
    subject: null,
    sections: [{ student: maria, lessons: [lesson(room)] }],
  };
  return renderAnswer(answer, lang).text.split('\n').at(-1)!;
}

describe('rooms in English answers', () => {
  it.each([
    ['214', 'room 214'],
    ['каб. 214', 'room 214'],
    ['Кабинет 3-12', 'room 3-12'],
    ['№ 5', 'room 5'],
    ['Спортзал', 'gym'],
    ['Спортзал 2', 'gym 2'],
    ['спортзал №2', 'gym 2'],
    ['Спортивный зал', 'gym'],
    ['Малый спортзал', 'small gym'],
    ['Актовый зал', 'assembly hall'],
    ['Библиотека', 'library'],
    ['Столовая', 'canteen'],
    ['Компьютерный класс', 'computer lab'],
    ['Кабинет информатики 2', 'computer lab 2'],
    ['Мастерская', 'workshop'],
    ['Музыкальный класс', 'music room'],
    ['Медкабинет', 'medical office'],
    ['Тренажёрный зал', 'fitness room'],
  ])('«%s» is "%s"', (room, english) => {
    expect(chatLine(room, 'en')).toBe(`08:30–09:15 History · ${english} · Захарова М. В.`);
  });

  it('keeps a place it does not know by its own name, without "room" in front', () => {
    expect(chatLine('Зимний сад', 'en')).toBe('08:30–09:15 History · Зимний сад · Захарова М. В.');
    expect(chatLine('Лекторий 2', 'en')).toBe('08:30–09:15 History · Лекторий 2 · Захарова М. В.');
  });

  it('leaves a room out when the lesson has none', () => {
    const answer: TAnswer = {
      kind: 'schedule',
      period,
      subject: null,
      sections: [{ student: maria, lessons: [lesson(null)] }],
    };
    expect(renderAnswer(answer, 'en').text.split('\n').at(-1)).toBe('08:30–09:15 History · Захарова М. В.');
  });
});

describe('rooms in Russian answers', () => {
  it('puts "каб." before a bare number only', () => {
    expect(chatLine('214', 'ru')).toBe('08:30–09:15 История · каб. 214 · Захарова М. В.');
    expect(chatLine('214а', 'ru')).toBe('08:30–09:15 История · каб. 214а · Захарова М. В.');
    expect(chatLine('каб. 214', 'ru')).toBe('08:30–09:15 История · каб. 214 · Захарова М. В.');
    expect(chatLine('Спортзал', 'ru')).toBe('08:30–09:15 История · Спортзал · Захарова М. В.');
    expect(chatLine('Спортзал 2', 'ru')).toBe('08:30–09:15 История · Спортзал 2 · Захарова М. В.');
  });
});
