import { dayInZone } from '../calendar/civil-date';

// A feed holds the current school year, 1 September to 31 August: what a parent plans with, and
// what a calendar app can take in one download (a year of a class's lessons is about a thousand
// events). Past years stay in the e-journal; a subscribed calendar drops them on 1 September.

export interface TFeedWindow {
  from: string;
  to: string;
}

export function schoolYearOf(now: Date, timezone: string): TFeedWindow {
  const today = dayInZone(now, timezone);
  const year = Number(today.slice(0, 4));
  const first = Number(today.slice(5, 7)) >= 9 ? year : year - 1;
  return { from: `${first}-09-01`, to: `${first + 1}-08-31` };
}
