import { dayAndMonth, isoWeekday } from '../../calendar/civil-date';
import type { TComingTexts } from './coming-texts-type';
import { transliterate } from './en-subjects';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const SMALL = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

const suffix = (n: number) => (n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'));
const monthDay = (iso: string, short: boolean) => {
  const { day, month } = dayAndMonth(iso);
  const name = MONTHS[month - 1];
  return `${short ? name.slice(0, 3) : name} ${day}`;
};
const spaced = (...parts: string[]) => parts.filter(Boolean).join(' ');

export const COMING_EN: TComingTexts = {
  fortnight: 'in the next two weeks',
  thisWeek: 'this week',
  testsHead: (span, inSubject) => spaced('Tests', inSubject, span),
  noTests: (span, inSubject) => spaced('No tests', inSubject, span),
  noNextTest: (inSubject) => spaced('No test', inSubject, 'set yet'),
  testDay: (date) => `${WEEKDAYS[isoWeekday(date) - 1].slice(0, 3)}, ${monthDay(date, true)}`,
  spokenDay: (date) => `on ${WEEKDAYS[isoWeekday(date) - 1]}, ${monthDay(date, false)}`,
  lessonNumber: (n, form) =>
    form === 'shown' ? `lesson ${n}` : `in the ${ORDINALS[n - 1] ?? `${n}${suffix(n)}`} lesson`,
  testsOwner: (name, span, count, numbers) =>
    `${transliterate(name)} has ${numbers === 'words' ? (SMALL[count] ?? count) : count} ${count === 1 ? 'test' : 'tests'} ${span}`,
  nextTestOwner: (name, inSubject) => spaced(`${transliterate(name)}'s next test`, inSubject),
  topic: 'topic',
  eventsHead: (span) => `School events ${span}`,
  noEvents: (span) => `No school events ${span}`,
  eventsOwner: (name, span) => `${transliterate(name)}'s school ${span}`,
  eventTime: (start, end, form) =>
    end && form === 'shown' ? `${start}–${end}` : end ? `from ${start} to ${end}` : `at ${start}`,
  unreadableEvent: 'a school event',
  onlineLink: 'watch online',
  dayEventsHead: 'At school',
};
