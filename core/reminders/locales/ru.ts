import { numberWords, type TGender } from '../../answers/locales/ru-numbers';
import type { TNumberStyle } from '../../answers/voice-form';
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

/** A count as read, or in words agreeing with its noun for a voice: «2 контрольные», «две контрольные». */
const num = (n: number, numbers: TNumberStyle = 'digits', gender: TGender = 'm') =>
  numbers === 'words' ? numberWords(n, gender) : String(n);

const lessons = (n: number, numbers?: TNumberStyle) => `${num(n, numbers)} ${plural(n, ['урок', 'урока', 'уроков'])}`;

const GROUP: Record<TMissing, (n: number, numbers?: TNumberStyle) => string> = {
  topic: (n, numbers) => `${lessons(n, numbers)} без темы`,
  attendance: (n, numbers) => `${lessons(n, numbers)} без отметок посещаемости`,
  grades: (n, numbers) =>
    `${num(n, numbers, 'f')} ${plural(n, ['контрольная', 'контрольные', 'контрольных'])} без оценок у присутствовавших`,
};

export const ruReminderTexts: TReminderTexts = {
  header: 'Заполните, пожалуйста, журнал:',
  group: (missing, count, numbers) => GROUP[missing](count, numbers),
  lesson: (className, subject, date) => {
    const [, m, d] = date.split('-').map(Number);
    return `${className} ${subject.toLowerCase()} ${d} ${MONTHS[m - 1]}`;
  },
  more: (count, numbers) => `и ещё ${num(count, numbers)}`,
  allFilled: (days, numbers) =>
    `Все уроки за последние ${num(days, numbers)} ${plural(days, ['день', 'дня', 'дней'])} заполнены.`,
  unfilledHead: (count, numbers) => `Не заполнено: ${lessons(count, numbers)}`,
  snoozed: (until) => `Хорошо, напомню о журнале не раньше ${until}.`,
  dateTime: (date, time) => {
    const [, m, d] = date.split('-').map(Number);
    return `${d} ${MONTHS[m - 1]}, ${time}`;
  },
  notTeacher: 'Напоминания о журнале — для учителей: привяжите чат кодом учителя из школы.',
};
