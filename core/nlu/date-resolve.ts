import { DateTime } from 'luxon';
import type { TDateMention, TDateSpan } from './date-mentions';
import type { TWhich } from './date-words';

/**
 * Which way an unqualified date leans. Homework and schedule are asked about ahead ("в пятницу"
 * = the coming Friday), grades and spending after the fact (the Friday just gone).
 */
export type TOrientation = 'past' | 'future';

export interface TDateRange {
  date: string | null;
  dateTo: string | null;
}

const NONE: TDateRange = { date: null, dateTo: null };

/**
 * A date named against the lean costs this many times more per day of distance. "Homework for
 * 1 December" asked on 2 December means yesterday, not a year ahead; a month back it means next
 * year. The crossover is about two weeks.
 */
const WRONG_WAY_COST = 25;

export function resolveDates(spans: readonly TDateSpan[], today: DateTime, lean: TOrientation): TDateRange {
  if (spans.length === 0) return NONE;
  const mentions = combine(spans);
  const range = mentions.find(
    (m) => m.kind === 'week' || m.kind === 'span' || m.kind === 'month' || m.kind === 'weekend',
  );
  if (range) return resolveRange(range, today, lean);

  const singles = lean === 'future' ? mentions : [...mentions].reverse();
  const days: DateTime[] = [];
  let anchor: DateTime | null = null;
  for (const mention of singles) {
    // Later days of a range follow the first ("с понедельника по среду" is one Monday-to-Wednesday).
    const day: DateTime | null =
      anchor && mention.kind === 'weekday' && mention.which === null
        ? relativeWeekday(anchor, mention.weekday, lean)
        : resolveDay(mention, today, lean);
    if (!day) continue;
    anchor ??= day;
    days.push(day);
  }
  if (days.length === 0) return NONE;
  let first = days[0];
  let last = days[0];
  for (const d of days) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  return { date: iso(first), dateTo: first.equals(last) ? null : iso(last) };
}

/**
 * "на следующей неделе в пятницу" is one day, not a week and a day; a weekday next to an
 * explicit date ("в пятницу 11 декабря") only repeats it.
 */
function combine(spans: readonly TDateSpan[]): TDateMention[] {
  const week = spans.find((s) => s.mention.kind === 'week' && s.mention.which !== 'bare');
  const weekWhich = week && week.mention.kind === 'week' && week.mention.which !== 'bare' ? week.mention.which : null;
  const hasLooseDay = spans.some(
    (s) => (s.mention.kind === 'weekday' || s.mention.kind === 'weekend') && s.mention.which === null,
  );
  const out: TDateMention[] = [];
  for (const s of spans) {
    const m = s.mention;
    if (weekWhich && hasLooseDay && s === week) continue;
    if ((m.kind === 'weekday' || m.kind === 'weekend') && m.which === null && weekWhich) {
      out.push({ ...m, which: weekWhich });
      continue;
    }
    if (m.kind === 'weekday' && spans.some((o) => o.mention.kind === 'day' && Math.abs(o.start - s.start) <= 2))
      continue;
    out.push(m);
  }
  return out;
}

function resolveRange(m: TDateMention, today: DateTime, lean: TOrientation): TDateRange {
  const monday = today.startOf('week');
  switch (m.kind) {
    case 'week': {
      if (m.which === 'bare') {
        if (lean === 'past') return range(today.minus({ days: 6 }), today);
        // On a weekend "the week" ahead is the next school week.
        const start = today.weekday >= 6 ? monday.plus({ weeks: 1 }) : monday;
        return range(start, start.plus({ days: 6 }));
      }
      const start = monday.plus({ weeks: shift(m.which) });
      return range(start, start.plus({ days: 6 }));
    }
    case 'span':
      return range(today.minus({ days: m.days - 1 }), today);
    case 'weekend': {
      let weeks = m.which ? shift(m.which) : 0;
      if (!m.which && lean === 'past' && today.weekday < 6) weeks = -1;
      const saturday = monday.plus({ weeks, days: 5 });
      return range(saturday, saturday.plus({ days: 1 }));
    }
    case 'month': {
      if (m.month !== null) return namedMonth(m.month, today, lean);
      if (m.which === 'bare' || m.which === null) {
        if (lean === 'past') return range(today.minus({ months: 1 }).plus({ days: 1 }), today);
        return range(today.startOf('month'), today.endOf('month').startOf('day'));
      }
      const start = today.startOf('month').plus({ months: shift(m.which) });
      return range(start, start.endOf('month').startOf('day'));
    }
    default:
      return NONE;
  }
}

function namedMonth(month: number, today: DateTime, lean: TOrientation): TDateRange {
  let best: DateTime | null = null;
  let bestCost = Infinity;
  for (const year of [today.year - 1, today.year, today.year + 1]) {
    const start = DateTime.fromObject({ year, month, day: 1 }, { zone: today.zone });
    const end = start.endOf('month').startOf('day');
    const ahead = start > today ? daysBetween(today, start) : 0;
    const behind = end < today ? daysBetween(end, today) : 0;
    const cost = lean === 'future' ? ahead + behind * WRONG_WAY_COST : behind + ahead * WRONG_WAY_COST;
    if (cost < bestCost) {
      bestCost = cost;
      best = start;
    }
  }
  return best ? range(best, best.endOf('month').startOf('day')) : NONE;
}

function resolveDay(m: TDateMention, today: DateTime, lean: TOrientation): DateTime | null {
  switch (m.kind) {
    case 'offset':
      return today.plus({ days: m.days });
    case 'weekday': {
      if (m.which) return today.startOf('week').plus({ weeks: shift(m.which), days: m.weekday - 1 });
      return relativeWeekday(today, m.weekday, lean);
    }
    case 'day':
      return resolveCalendarDay(m.day, m.month, m.year, today, lean);
    default:
      return null;
  }
}

/** The weekday on or after `from` (future), or on or before it (past); `from` itself counts. */
function relativeWeekday(from: DateTime, weekday: number, lean: TOrientation): DateTime {
  return lean === 'future'
    ? from.plus({ days: (weekday - from.weekday + 7) % 7 })
    : from.minus({ days: (from.weekday - weekday + 7) % 7 });
}

function resolveCalendarDay(
  day: number,
  month: number | null,
  year: number | null,
  today: DateTime,
  lean: TOrientation,
): DateTime | null {
  const zone = today.zone;
  if (year !== null && month !== null) return valid(DateTime.fromObject({ year, month, day }, { zone }));
  if (month === null) {
    // "на 7-е": the next such day for what lies ahead, the last one for what is done.
    for (let k = 0; k <= 2; k++) {
      const base = today.startOf('month').plus({ months: lean === 'future' ? k : -k });
      const candidate = valid(DateTime.fromObject({ year: base.year, month: base.month, day }, { zone }));
      if (candidate && (lean === 'future' ? candidate >= today : candidate <= today)) return candidate;
    }
    return null;
  }
  let best: DateTime | null = null;
  let bestCost = Infinity;
  for (const y of [today.year - 1, today.year, today.year + 1]) {
    const candidate = valid(DateTime.fromObject({ year: y, month, day }, { zone }));
    if (!candidate) continue;
    const diff = daysBetween(today, candidate);
    const cost =
      lean === 'future' ? (diff >= 0 ? diff : -diff * WRONG_WAY_COST) : diff <= 0 ? -diff : diff * WRONG_WAY_COST;
    if (cost < bestCost) {
      bestCost = cost;
      best = candidate;
    }
  }
  return best;
}

/** Whole days from a to b; both are UTC midnights (see schoolToday), so plain millis are exact. */
function daysBetween(a: DateTime, b: DateTime): number {
  return Math.round((b.toMillis() - a.toMillis()) / 86_400_000);
}

function valid(d: DateTime): DateTime | null {
  return d.isValid ? d : null;
}

function shift(which: TWhich): number {
  return which === 'next' ? 1 : which === 'last' ? -1 : which === 'beforeLast' ? -2 : 0;
}

/** A one-day range ("за последний 1 день") is just that day: dateTo is for real ranges only. */
function range(from: DateTime, to: DateTime): TDateRange {
  const date = iso(from);
  const dateTo = iso(to);
  return { date, dateTo: dateTo === date ? null : dateTo };
}

function iso(d: DateTime): string {
  return d.toISODate() ?? '';
}
