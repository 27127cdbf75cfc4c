import { DateTime } from 'luxon';
import type { TQuery } from '../nlu/types';
import type { JournalPort } from '../reminders/reminder-ports';
import { snoozeUntil } from '../reminders/reminder-timing';
import type { TAnswer } from './answer-types';

// A teacher's own questions about the journal: "какие уроки не заполнены" (ended lessons of the
// last two weeks, or of the days named) and "напомни завтра" (reminders held for a day).

/** How far back "не заполнены" looks when no day is named. */
export const JOURNAL_DAYS = 14;

export async function teacherJournalAnswer(
  query: TQuery,
  teacherIds: readonly string[],
  timezone: string,
  now: Date,
  journal: JournalPort | undefined,
): Promise<TAnswer> {
  if (teacherIds.length === 0 || !journal) return { kind: 'not-teacher' };
  if (query.intent === 'snooze') {
    const until = snoozeUntil(now);
    await journal.snooze(teacherIds, until);
    const local = DateTime.fromJSDate(until, { zone: timezone });
    return { kind: 'snoozed', untilDate: local.toISODate()!, untilTime: local.toFormat('HH:mm') };
  }
  const today = DateTime.fromJSDate(now, { zone: timezone });
  const from = query.date ?? today.minus({ days: JOURNAL_DAYS - 1 }).toISODate()!;
  const to = query.dateTo ?? query.date;
  const lessons = await journal.unfilledLessons(teacherIds, from, now);
  return { kind: 'journal', from, days: JOURNAL_DAYS, lessons: to ? lessons.filter((l) => l.date <= to) : lessons };
}
