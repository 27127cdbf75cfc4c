// The x axis of a subject chart: days of the period mapped to pixels, and a few evenly spread
// dates to label it. Days are ISO dates counted in UTC, where no zone shifts them.

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface TTimeAxis {
  x(date: string): number;
  /** Dates to label, first and last included. */
  ticks: string[];
}

/**
 * `from`–`to` across `left`–`right`, widened to take in every date of `dates` (a grade entered
 * after the period closed still shows), with half a day spare at each end so that a dot on the
 * first or last day is not cut by the edge.
 */
export function timeAxis(
  from: string,
  to: string,
  dates: readonly string[],
  left: number,
  right: number,
  maxTicks: number,
): TTimeAxis {
  let first = dayNumber(from);
  let last = dayNumber(to);
  for (const d of dates) {
    first = Math.min(first, dayNumber(d));
    last = Math.max(last, dayNumber(d));
  }
  const span = last - first;
  const x = (date: string) => left + ((dayNumber(date) - first + 0.5) / (span + 1)) * (right - left);
  const count = Math.max(1, Math.min(maxTicks, span + 1));
  const ticks =
    count === 1
      ? [isoOf(first)]
      : [...new Set(Array.from({ length: count }, (_, i) => isoOf(first + Math.round((i * span) / (count - 1)))))];
  return { x, ticks };
}
