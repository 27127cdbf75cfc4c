import { addDays } from '../calendar/civil-date';
import type { TDateRange } from '../diary/diary-types';

/**
 * The days of a range still ahead of a school's today: from tomorrow (or the range's first day,
 * for a period not begun) to the range's end; null when none is left.
 */
export function daysLeft(range: TDateRange, today: string): TDateRange | null {
  const tomorrow = addDays(today, 1);
  const from = tomorrow > range.from ? tomorrow : range.from;
  return from <= range.to ? { from, to: range.to } : null;
}
