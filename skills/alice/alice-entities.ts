import type { TQuery } from '../../core/nlu';
import { schoolToday } from '../../core/nlu';
import { type TAliceEntity, ZAliceDateTimeSchema, ZAliceFioSchema } from './alice-schemas';

// Alice's own NLU fills what ours missed: a date it recognised (YANDEX.DATETIME) and a first
// name (YANDEX.FIO). Ours goes first because it knows school words ("на следующей неделе" as a
// range); Yandex's entities only fill empty slots.

/** YANDEX.DATETIME → a calendar day in the school's zone, or null for a time-only or odd value. */
export function entityDate(value: unknown, now: Date, tz: string): string | null {
  const parsed = ZAliceDateTimeSchema.safeParse(value);
  if (!parsed.success) return null;
  const v = parsed.data;
  if (v.day === undefined && v.month === undefined && v.year === undefined) return null;
  let day = schoolToday(now, tz);
  if (v.year !== undefined) day = v.year_is_relative ? day.plus({ years: v.year }) : day.set({ year: v.year });
  if (v.month !== undefined) day = v.month_is_relative ? day.plus({ months: v.month }) : day.set({ month: v.month });
  if (v.day !== undefined) day = v.day_is_relative ? day.plus({ days: v.day }) : day.set({ day: v.day });
  return day.isValid ? day.toISODate() : null;
}

/** YANDEX.FIO → the first name, capitalised as our parser gives it ("маша" → "Маша"). */
export function entityFirstName(value: unknown): string | null {
  const parsed = ZAliceFioSchema.safeParse(value);
  const first = parsed.success ? parsed.data.first_name?.trim() : undefined;
  if (!first) return null;
  return first.charAt(0).toUpperCase() + first.slice(1);
}

export function fillFromEntities(query: TQuery, entities: readonly TAliceEntity[], now: Date, tz: string): TQuery {
  let filled = query;
  for (const entity of entities) {
    if (entity.type === 'YANDEX.DATETIME' && filled.date === null) {
      const date = entityDate(entity.value, now, tz);
      if (date) filled = { ...filled, date, dateTo: null };
    } else if (entity.type === 'YANDEX.FIO' && filled.child === null) {
      const child = entityFirstName(entity.value);
      if (child) filled = { ...filled, child };
    }
  }
  return filled;
}
