import type { TMissing } from '../reminder-types';
import type { TReminderTexts } from './texts-type';

const MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

function plural(n: number, forms: readonly [string, string, string]): string {
  const tens = n % 100;
  const ones = n % 10;
  if (tens >= 11 && tens <= 14) return forms[2];
  if (ones === 1) return forms[0];
  return ones >= 2 && ones <= 4 ? forms[1] : forms[2];
}

const lessons = (n: number) => `${n} ${plural(n, ['урок', 'урока', 'уроков'])}`;

const GROUP: Record<TMissing, (n: number) => string> = {
  topic: (n) => `${lessons(n)} без темы`,
  attendance: (n) => `${lessons(n)} без отметок посещаемости`,
  grades: (n) => `${n} ${plural(n, ['контрольная', 'контрольные', 'контрольных'])} без оценок у присутствовавших`,
};

export const ruReminderTexts: TReminderTexts = {
  header: 'Заполните, пожалуйста, журнал:',
  group: (missing, count) => GROUP[missing](count),
  lesson: (className, subject, date) => {
    const [, m, d] = date.split('-').map(Number);
    return `${className} ${subject.toLowerCase()} ${d} ${MONTHS[m - 1]}`;
  },
  more: (count) => `и ещё ${count}`,
  allFilled: (days) => `Все уроки за последние ${days} ${plural(days, ['день', 'дня', 'дней'])} заполнены.`,
  unfilledHead: (count) => `Не заполнено: ${lessons(count)}`,
  snoozed: (until) => `Хорошо, напомню о журнале не раньше ${until}.`,
  dateTime: (date, time) => {
    const [, m, d] = date.split('-').map(Number);
    return `${d} ${MONTHS[m - 1]}, ${time}`;
  },
  notTeacher: 'Напоминания о журнале — для учителей: привяжите чат кодом учителя из школы.',
};
