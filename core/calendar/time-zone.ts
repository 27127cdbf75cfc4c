/**
 * An IANA time zone name the runtime knows ("Europe/Moscow"; not "Mars/Base"): a school's zone from
 * its journal and the operator's default zone are both checked by it before any day is counted in them.
 */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
