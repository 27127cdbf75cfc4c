import { composeReminder } from '../../core/reminders/compose-reminder';
import { decideBatch } from '../../core/reminders/decide-batch';
import { releaseAt } from '../../core/reminders/reminder-timing';
import {
  DEFAULT_REMINDER_SETTINGS,
  type TJournalLesson,
  type TTeacherBatch,
} from '../../core/reminders/reminder-types';

// Grouping one teacher's reminders into one message, and when a batch may go out (school time).

const lesson = (
  id: string,
  date: string,
  className: string,
  subject: string,
  missing: TJournalLesson['missing'],
  start = '08:30',
): TJournalLesson => ({
  lessonId: id,
  date,
  start,
  className,
  subject,
  missing,
});
const msk = (local: string) => new Date(`${local}+03:00`);

describe('grouping', () => {
  it('one line per kind of gap, lessons in time order, a lesson with two gaps in both', () => {
    const lessons = [
      lesson('c', '2026-12-03', '5А', 'Физика', ['topic']),
      lesson('a', '2026-12-02', '6Б', 'Математика', ['topic', 'attendance'], '09:25'),
      lesson('b', '2026-12-02', '5А', 'Математика', ['topic']),
      lesson('d', '2026-12-01', '7В', 'Алгебра', ['grades']),
    ];
    expect(composeReminder(lessons, 'ru')).toBe(
      'Заполните, пожалуйста, журнал:\n' +
        '• 3 урока без темы: 5А математика 2 декабря, 6Б математика 2 декабря, 5А физика 3 декабря\n' +
        '• 1 урок без отметок посещаемости: 6Б математика 2 декабря\n' +
        '• 1 контрольная без оценок у присутствовавших: 7В алгебра 1 декабря',
    );
    expect(composeReminder(lessons, 'en')).toBe(
      'Please fill in the journal:\n' +
        '• 3 lessons without a topic: 5А Maths 2 December, 6Б Maths 2 December, 5А Physics 3 December\n' +
        '• 1 lesson without attendance: 6Б Maths 2 December\n' +
        '• 1 test without grades for pupils who were present: 7В Algebra 1 December',
    );
  });

  it('names at most eight lessons a line, with Russian plural forms', () => {
    const many = Array.from({ length: 21 }, (_, i) =>
      lesson(
        `l${i}`,
        `2026-12-${String(1 + (i % 9)).padStart(2, '0')}`,
        '5А',
        'Математика',
        ['topic'],
        `0${i % 10}:00`,
      ),
    );
    const line = composeReminder(many, 'ru').split('\n')[1];
    expect(line.startsWith('• 21 урок без темы: ')).toBe(true);
    expect(line.endsWith(', и ещё 13')).toBe(true);
    expect(composeReminder(many.slice(0, 5), 'ru').split('\n')[1].startsWith('• 5 уроков без темы')).toBe(true);
  });
});

describe('when a batch goes out', () => {
  const tz = 'Europe/Moscow';
  const s = DEFAULT_REMINDER_SETTINGS;

  it('instant: now, except in quiet hours (also across midnight), then at their end', () => {
    expect(releaseAt(s, msk('2026-12-02T12:00:00'), msk('2026-12-02T12:00:00'), tz)).toEqual(
      msk('2026-12-02T12:00:00'),
    );
    expect(releaseAt(s, msk('2026-12-02T21:30:00'), msk('2026-12-02T21:30:00'), tz)).toEqual(
      msk('2026-12-03T08:00:00'),
    );
    expect(releaseAt(s, msk('2026-12-03T02:00:00'), msk('2026-12-03T02:00:00'), tz)).toEqual(
      msk('2026-12-03T08:00:00'),
    );
    expect(
      releaseAt(
        { ...s, quietFrom: '00:00', quietTo: '00:00' },
        msk('2026-12-03T02:00:00'),
        msk('2026-12-03T02:00:00'),
        tz,
      ),
    ).toEqual(msk('2026-12-03T02:00:00'));
  });

  it('daily summary: at the chosen time after the oldest reminder; a snooze postpones', () => {
    const digest = { ...s, mode: 'digest' as const, digestTime: '16:00' };
    expect(releaseAt(digest, msk('2026-12-02T12:00:00'), msk('2026-12-02T12:00:00'), tz)).toEqual(
      msk('2026-12-02T16:00:00'),
    );
    expect(releaseAt(digest, msk('2026-12-02T17:00:00'), msk('2026-12-02T17:00:00'), tz)).toEqual(
      msk('2026-12-03T16:00:00'),
    );
    expect(
      releaseAt(
        { ...s, snoozedUntil: msk('2026-12-03T12:00:00') },
        msk('2026-12-02T12:00:00'),
        msk('2026-12-02T12:00:00'),
        tz,
      ),
    ).toEqual(msk('2026-12-03T12:00:00'));
    // A snooze ending in quiet hours waits for their end.
    expect(
      releaseAt(
        { ...s, snoozedUntil: msk('2026-12-03T06:00:00') },
        msk('2026-12-02T12:00:00'),
        msk('2026-12-02T12:00:00'),
        tz,
      ),
    ).toEqual(msk('2026-12-03T08:00:00'));
  });

  it('a batch is sent to every linked chat in its language, or waits', () => {
    const batch: TTeacherBatch = {
      teacherId: 't',
      timezone: tz,
      settings: s,
      oldestFoundAt: msk('2026-12-02T12:00:00'),
      lessons: [lesson('a', '2026-12-02', '5А', 'Математика', ['topic'])],
      chats: [
        { chatId: 'c1', locale: 'ru' },
        { chatId: 'c2', locale: 'en' },
      ],
    };
    expect(decideBatch(batch, msk('2026-12-02T12:00:00'))).toEqual({
      send: true,
      messages: [
        { chatId: 'c1', text: 'Заполните, пожалуйста, журнал:\n• 1 урок без темы: 5А математика 2 декабря' },
        { chatId: 'c2', text: 'Please fill in the journal:\n• 1 lesson without a topic: 5А Maths 2 December' },
      ],
    });
    expect(decideBatch(batch, msk('2026-12-02T22:00:00'))).toEqual({ send: false, until: msk('2026-12-03T08:00:00') });
    expect(decideBatch({ ...batch, settings: { ...s, enabled: false } }, msk('2026-12-02T12:00:00'))).toEqual({
      send: true,
      messages: [],
    });
  });
});
