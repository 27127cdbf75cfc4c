// The public face of core/calendar: outside core, the module is imported only from here.

export { dayInZone, isCivilDate } from './civil-date';
export { isTimeZone } from './time-zone';
