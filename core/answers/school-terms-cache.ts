import type { TSchoolTerms } from '../terms/period-types';
import type { TermReader } from '../terms/term-port';

// A school's periods and rounding rule change a few times a year, yet every term question needs
// them before it can read any marks: kept for a minute per school and day, they cost a term answer
// one statement (the marks, with their access-log entries) instead of two. A period the journal
// changes shows within that minute. School data, nobody's marks: nothing here is logged or personal.

const KEEP_MS = 60_000;
/** Far above the schools of one deployment; past it the oldest entries go first. */
const MAX_ENTRIES = 10_000;

export function cachedSchoolTerms(reader: TermReader, clock: () => Date): TermReader {
  const kept = new Map<string, { terms: TSchoolTerms; until: number }>();
  return {
    async schoolTerms(schools) {
      const now = clock().getTime();
      const key = (s: { schoolId: string; day: string }) => `${s.schoolId}\u0000${s.day}`;
      const missing = schools.filter((s) => (kept.get(key(s))?.until ?? 0) <= now);
      if (missing.length > 0) {
        const read = await reader.schoolTerms(missing);
        missing.forEach((s, i) => {
          kept.delete(key(s));
          kept.set(key(s), { terms: read[i], until: now + KEEP_MS });
        });
        while (kept.size > MAX_ENTRIES) kept.delete(kept.keys().next().value as string);
      }
      return schools.map((s) => (kept.get(key(s)) as { terms: TSchoolTerms }).terms);
    },
    studentTerms: (...args) => reader.studentTerms(...args),
  };
}
