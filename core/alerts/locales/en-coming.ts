import type { TItemPayload } from '../alert-types';

// English texts of what is coming: tests, school events, announcements.

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Fri 11 Dec" for "2026-12-11"; the weekday of a calendar date needs no time zone. */
export function enDay(iso?: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return `${WEEKDAYS[weekday]} ${d} ${MONTHS[m - 1]}`;
}

const topic = (p: TItemPayload) => (p.topic ? `: ${p.topic}` : '');
const time = (p: TItemPayload) => (p.start ? (p.end ? `, ${p.start}–${p.end}` : `, ${p.start}`) : '');

export const enComing = {
  testScheduled: (p: TItemPayload) =>
    p.previousDate
      ? `${p.subjectName} test moved from ${enDay(p.previousDate)} to ${enDay(p.date)}${topic(p)}`
      : `${p.subjectName} test set for ${enDay(p.date)}${topic(p)}`,
  testTomorrow: (p: TItemPayload) => `${p.subjectName} test ${p.sameDay ? 'today' : 'tomorrow'}${topic(p)}`,
  schoolEvent: (p: TItemPayload) =>
    [
      `${p.isNew ? 'School event' : 'School event changed'}: ${p.title} — ${enDay(p.date)}${time(p)}`,
      p.place ? `Place: ${p.place}` : '',
      p.onlineUrl ? `Link: ${p.onlineUrl}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  announcement: (p: TItemPayload) =>
    `${p.urgent ? '❗ Urgent announcement' : 'Announcement'}: ${p.title}\n${p.text ?? ''}`,
};
