import { DateTime } from 'luxon';
import { isCivilDate } from '../core/calendar';

// Every date a command takes is checked the same way, before any database is opened, and a bad
// one is refused with one line naming the option and the value (runRuntimeCommand prints it, with
// no usage after it: the shape of the command was right). `new Date()` would not do: it turns
// 2026-02-30 into 2 March without a word.

/** A value an option cannot take; its message is the whole line after "dnevnik <command>: ". */
export class OptionValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionValueError';
  }
}

/** A real calendar day YYYY-MM-DD (not 2026-12-32, not a week date). */
export function calendarDateOption(option: string, value: string): string {
  if (!isCivilDate(value)) throw new OptionValueError(`${option} must be a calendar date YYYY-MM-DD, not "${value}"`);
  return value;
}

/** An ISO 8601 date-time such as 2026-12-02T13:00:00+03:00 (a date alone is its midnight in this process's zone). */
export function instantOption(option: string, value: string): Date {
  const at = DateTime.fromISO(value, { setZone: true });
  if (!at.isValid)
    throw new OptionValueError(`${option} must be an ISO date-time such as 2026-12-02T13:00:00+03:00, not "${value}"`);
  return at.toJSDate();
}
