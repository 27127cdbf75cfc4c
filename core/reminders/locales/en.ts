import { EN_SUBJECTS } from '../../answers/locales/en-subjects';
import type { TMissing } from '../reminder-types';
import type { TReminderTexts } from './texts-type';

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

// Counts stay digits even where said: no English noun changes with them, and Alexa reads digits as numbers.
const lessons = (n: number) => `${n} ${n === 1 ? 'lesson' : 'lessons'}`;

const GROUP: Record<TMissing, (n: number) => string> = {
  topic: (n) => `${lessons(n)} without a topic`,
  attendance: (n) => `${lessons(n)} without attendance`,
  grades: (n) => `${n} ${n === 1 ? 'test' : 'tests'} without grades for pupils who were present`,
};

export const enReminderTexts: TReminderTexts = {
  header: 'Please fill in the journal:',
  group: (missing, count) => GROUP[missing](count),
  lesson: (className, subject, date) => {
    const [, m, d] = date.split('-').map(Number);
    return `${className} ${EN_SUBJECTS[subject] ?? subject} ${d} ${MONTHS[m - 1]}`;
  },
  more: (count) => `and ${count} more`,
  allFilled: (days) => `All lessons of the last ${days} days are filled in.`,
  unfilledHead: (count) => `Not filled in: ${lessons(count)}`,
  snoozed: (until) => `OK, no journal reminders before ${until}.`,
  dateTime: (date, time) => {
    const [, m, d] = date.split('-').map(Number);
    return `${d} ${MONTHS[m - 1]}, ${time}`;
  },
  notTeacher: 'Journal reminders are for teachers: link this chat with a teacher code from your school.',
};
