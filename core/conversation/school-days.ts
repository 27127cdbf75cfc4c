/** Calendar arithmetic on school dates (YYYY-MM-DD); the school's zone already made them local. */
export { addDays } from '../calendar/civil-date';

/** "01.12": short enough for a button, unambiguous within a school year. */
export function shortDay(day: string): string {
  return `${day.slice(8, 10)}.${day.slice(5, 7)}`;
}
