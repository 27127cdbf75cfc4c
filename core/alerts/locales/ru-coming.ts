import type { TItemPayload } from '../alert-types';
import { ruDative } from './ru-dative';

// Russian texts of what is coming: tests, school events, announcements. Dates as a parent says
// them («пт 12 декабря»): the weekday matters more than the number when planning the week.

const WEEKDAYS = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
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

/** «пт 11 декабря» for "2026-12-11"; the weekday of a calendar date needs no time zone. */
export function ruDay(iso?: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return `${WEEKDAYS[weekday]} ${d} ${MONTHS[m - 1]}`;
}

const topic = (p: TItemPayload) => (p.topic ? `: ${p.topic}` : '');
const time = (p: TItemPayload) => (p.start ? (p.end ? `, ${p.start}–${p.end}` : `, ${p.start}`) : '');

export const ruComing = {
  testScheduled: (p: TItemPayload) =>
    p.previousDate
      ? `контрольная по ${ruDative(p.subjectName ?? '')} перенесена с ${ruDay(p.previousDate)} на ${ruDay(p.date)}${topic(p)}`
      : `назначена контрольная по ${ruDative(p.subjectName ?? '')} на ${ruDay(p.date)}${topic(p)}`,
  testTomorrow: (p: TItemPayload) =>
    `${p.sameDay ? 'сегодня' : 'завтра'} контрольная по ${ruDative(p.subjectName ?? '')}${topic(p)}`,
  schoolEvent: (p: TItemPayload) =>
    [
      `${p.isNew ? 'Мероприятие' : 'Мероприятие изменено'}: ${p.title} — ${ruDay(p.date)}${time(p)}`,
      p.place ? `Место: ${p.place}` : '',
      p.onlineUrl ? `Ссылка: ${p.onlineUrl}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  announcement: (p: TItemPayload) =>
    `${p.urgent ? '❗ Срочное объявление' : 'Объявление'}: ${p.title}\n${p.text ?? ''}`,
};
