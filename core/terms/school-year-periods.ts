import { defaultPeriods, schoolYearOf } from './default-periods';
import { PERIOD_KINDS, type TPeriod, type TPeriodKind } from './period-types';

// Which periods a school year has: the school's own when it sent any for that year, else the
// defaults. Pure, so the read side can hand back stored rows and answers get numbered periods.

/** A period as stored: what the journal sent. */
export interface TPeriodRow {
  id: string;
  name: string;
  kind: TPeriodKind;
  start: string;
  end: string;
}

/**
 * The periods of the school year containing `day`: the school's own (a period belongs to the year
 * its first day falls in), numbered within their kind by start; the defaults when it sent none
 * for that year. The school's periods are never mixed with defaults: a school that sends quarters
 * and a year has no halves.
 */
export function periodsOfSchoolYear(
  stored: readonly TPeriodRow[],
  day: string,
): { periods: TPeriod[]; fromSchool: boolean } {
  const year = schoolYearOf(day);
  const own = stored.filter((p) => p.start >= year.start && p.start <= year.end);
  if (own.length === 0) return { periods: defaultPeriods(day), fromSchool: false };
  const order = (p: TPeriodRow) => PERIOD_KINDS.indexOf(p.kind);
  const sorted = [...own].sort(
    (a, b) => order(a) - order(b) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id),
  );
  const counts = new Map<TPeriodKind, number>();
  const periods = sorted.map((p) => {
    const number = (counts.get(p.kind) ?? 0) + 1;
    counts.set(p.kind, number);
    return { id: p.id, kind: p.kind, number, name: p.name, start: p.start, end: p.end };
  });
  return { periods, fromSchool: true };
}

/**
 * The period of a kind that a question on `day` is about: the one containing the day; in a break,
 * the one that ended last (its results are the news); before the first, the first. null when the
 * school has no period of that kind.
 */
export function currentPeriod(periods: readonly TPeriod[], kind: TPeriodKind, day: string): TPeriod | null {
  const ofKind = periods.filter((p) => p.kind === kind).sort((a, b) => a.start.localeCompare(b.start));
  if (ofKind.length === 0) return null;
  const containing = ofKind.find((p) => p.start <= day && day <= p.end);
  if (containing) return containing;
  const ended = ofKind.filter((p) => p.end < day);
  return ended.at(-1) ?? ofKind[0];
}
