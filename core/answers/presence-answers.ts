import type { TAccessEntry } from '../access/access-log-port';
import { dayInZone } from '../calendar/civil-date';
import type { TDiaryStudent } from '../diary/diary-types';
import type { TQuery } from '../nlu/types';
import { dayInstants, localTime } from '../presence/presence-day';
import type { PresenceReader } from '../presence/presence-port';
import type { TPassDay } from '../presence/presence-types';
import type { TStudentRef } from './answer-types';
import type { TPresenceAnswer, TPresenceState } from './presence-answer-types';

// «Варвара в школе?», «во сколько ушёл»: the day's turnstile passes of students already chosen by
// access (answer-service). The day is the one said, else each school's today; the facts are the
// same whether the question asked about coming or leaving.

/** What a day's passes say, on the school's clock; `today` decides whether a way in means "still there". */
export function presenceState(day: TPassDay, zone: string, today: boolean): TPresenceState {
  if (!day.schoolSendsPasses) return { kind: 'no-data' };
  const last = day.passes.at(-1);
  if (!last) return { kind: 'no-pass' };
  const firstIn = day.passes.find((p) => p.direction === 'in');
  const arrived = firstIn ? localTime(firstIn.at, zone) : null;
  if (last.direction === 'out') return { kind: 'left', left: localTime(last.at, zone), arrived };
  const since = localTime(last.at, zone);
  return today ? { kind: 'in', since, arrived: arrived ?? since } : { kind: 'came', arrived: arrived ?? since };
}

export async function presenceAnswer(
  query: TQuery,
  students: readonly TDiaryStudent[],
  refs: readonly TStudentRef[],
  reader: PresenceReader,
  entries: readonly TAccessEntry[],
  now: Date,
): Promise<TPresenceAnswer> {
  const todays = students.map((s) => dayInZone(now, s.timezone));
  const days = todays.map((today) => query.date ?? today);
  const read = await reader.passes(
    students.map((s, i) => ({ studentId: s.id, ...dayInstants(days[i], s.timezone) })),
    entries,
  );
  return {
    kind: 'presence',
    // The children of one family are asked about the same day; the first one's words name it.
    period: { from: days[0], to: days[0], today: todays[0] },
    sections: refs.map((student, i) => ({
      student,
      state: presenceState(read[i], students[i].timezone, days[i] === todays[i]),
    })),
  };
}
