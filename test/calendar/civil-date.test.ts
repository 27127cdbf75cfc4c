import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, dayAndMonth, dayInZone, daysBetween, isoWeekday } from '../../core/calendar/civil-date';

// The light calendar arithmetic answers use must agree with luxon (the reference) on every day,
// zone and offset, across leap years and daylight-saving changes.

const day = fc.integer({ min: 0, max: 365 * 40 }).map((n) => DateTime.utc(2000, 1, 1).plus({ days: n }));
const zones = fc.constantFrom(
  'Europe/Moscow',
  'Europe/Kaliningrad',
  'Asia/Vladivostok',
  'Asia/Kamchatka',
  'America/New_York',
  'UTC',
);

describe('civil dates', () => {
  it('weekday, day and month match luxon', () => {
    fc.assert(
      fc.property(day, (d) => {
        const iso = d.toISODate()!;
        expect(isoWeekday(iso)).toBe(d.weekday);
        expect(dayAndMonth(iso)).toEqual({ day: d.day, month: d.month });
      }),
      { numRuns: 2000 },
    );
  });

  it('adding and counting days match luxon', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -800, max: 800 }), (d, n) => {
        const iso = d.toISODate()!;
        const later = d.plus({ days: n }).toISODate()!;
        expect(addDays(iso, n)).toBe(later);
        expect(daysBetween(iso, later)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('the day in a zone matches luxon at any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), zones, (ms, zone) => {
        expect(dayInZone(ms, zone)).toBe(DateTime.fromMillis(ms, { zone }).toISODate());
      }),
      { numRuns: 3000 },
    );
  });

  it('the day remembered for a minute is right for every instant of it, up to the last millisecond before midnight', () => {
    const local = (zone: string, iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 0, max: 59_999 }),
        zones,
        (ms, within, zone) => {
          const minuteStart = Math.floor(ms / 60_000) * 60_000;
          for (const at of [minuteStart, minuteStart + within, minuteStart + 59_999])
            expect(dayInZone(at, zone)).toBe(DateTime.fromMillis(at, { zone }).toISODate());
        },
      ),
      { numRuns: 2000 },
    );
    expect(dayInZone(local('Europe/Moscow', '2026-12-01T23:59:59.999'), 'Europe/Moscow')).toBe('2026-12-01');
    expect(dayInZone(local('Europe/Moscow', '2026-12-02T00:00:00.000'), 'Europe/Moscow')).toBe('2026-12-02');
    // Back to the minute before: the remembered day (now the 2nd) must not answer for it.
    expect(dayInZone(local('Europe/Moscow', '2026-12-01T23:59:59.999'), 'Europe/Moscow')).toBe('2026-12-01');
  });
});
