import { weightedAverage } from '../../core/diary';
import {
  currentPeriod,
  DEFAULT_ROUNDING,
  daysLeft,
  defaultPeriods,
  markFor,
  periodsOfSchoolYear,
  schoolYearOf,
  ZRoundingSchema,
} from '../../core/terms';

// The pure part of term results: the default periods, a school's own numbered, the period a
// question is about, and the rounding of an average into a mark.

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe('default periods', () => {
  test('the school year runs from 1 September to 31 August; a summer day belongs to the year just ended', () => {
    expect(schoolYearOf('2026-12-02')).toEqual({ firstYear: 2026, start: '2026-09-01', end: '2027-08-31' });
    expect(schoolYearOf('2026-09-01').firstYear).toBe(2026);
    expect(schoolYearOf('2026-08-31').firstYear).toBe(2025);
    expect(schoolYearOf('2027-07-15').firstYear).toBe(2026);
  });

  test('four quarters, two halves (Sep–Dec, Jan–May) and the year, with stable ids and no names', () => {
    expect(defaultPeriods('2026-12-02').map((p) => [p.id, p.kind, p.number, p.start, p.end, p.name])).toEqual([
      ['default:2026:quarter:1', 'quarter', 1, '2026-09-01', '2026-10-31', null],
      ['default:2026:quarter:2', 'quarter', 2, '2026-11-01', '2026-12-31', null],
      ['default:2026:quarter:3', 'quarter', 3, '2027-01-01', '2027-03-29', null],
      ['default:2026:quarter:4', 'quarter', 4, '2027-03-30', '2027-05-31', null],
      ['default:2026:half:1', 'half', 1, '2026-09-01', '2026-12-31', null],
      ['default:2026:half:2', 'half', 2, '2027-01-01', '2027-05-31', null],
      ['default:2026:year:1', 'year', 1, '2026-09-01', '2027-05-31', null],
    ]);
    expect(defaultPeriods('2027-05-31')).toEqual(defaultPeriods('2026-09-01'));
  });

  test.each(['2026-10-01', '2028-02-29'])(
    'every school day of the year of %s lies in exactly one quarter and one half',
    (day) => {
      const periods = defaultPeriods(day);
      const year = periods.find((p) => p.kind === 'year')!;
      for (let d = year.start; d <= year.end; d = addDays(d, 1)) {
        for (const kind of ['quarter', 'half'] as const)
          expect([d, periods.filter((p) => p.kind === kind && p.start <= d && d <= p.end).length]).toEqual([d, 1]);
      }
    },
  );
});

describe("a school's own periods", () => {
  const q = (id: string, start: string, end: string, kind: 'quarter' | 'trimester' | 'half' | 'year' = 'quarter') => ({
    id,
    name: id,
    kind,
    start,
    end,
  });

  test('numbered within their kind by start, kinds in order; other school years left out', () => {
    const { periods, fromSchool } = periodsOfSchoolYear(
      [
        q('y', '2026-09-01', '2027-05-31', 'year'),
        q('t2', '2026-12-01', '2027-02-28', 'trimester'),
        q('t1', '2026-09-01', '2026-11-30', 'trimester'),
        q('old', '2025-09-01', '2025-11-30', 'trimester'),
      ],
      '2026-12-02',
    );
    expect(fromSchool).toBe(true);
    expect(periods.map((p) => [p.id, p.kind, p.number])).toEqual([
      ['t1', 'trimester', 1],
      ['t2', 'trimester', 2],
      ['y', 'year', 1],
    ]);
  });

  test('none for the school year: the defaults, never mixed with the school’s', () => {
    const result = periodsOfSchoolYear([q('old', '2025-09-01', '2025-10-26')], '2026-12-02');
    expect(result).toEqual({ periods: defaultPeriods('2026-12-02'), fromSchool: false });
  });

  test('the period a question is about: the one containing the day, in a break the one just ended, before all the first', () => {
    const { periods } = periodsOfSchoolYear(
      [q('q1', '2026-09-01', '2026-10-26'), q('q2', '2026-11-05', '2026-12-28')],
      '2026-12-02',
    );
    expect(currentPeriod(periods, 'quarter', '2026-12-02')?.id).toBe('q2');
    expect(currentPeriod(periods, 'quarter', '2026-10-30')?.id).toBe('q1');
    expect(currentPeriod(periods, 'quarter', '2027-01-05')?.id).toBe('q2');
    expect(currentPeriod(periods, 'quarter', '2026-08-31')?.id).toBe('q1');
    expect(currentPeriod(periods, 'half', '2026-12-02')).toBeNull();
  });
});

describe('rounding', () => {
  const grades = (...pairs: [string, number][]) =>
    pairs.map(([value, weight], i) => ({
      id: `g${i}`,
      date: '2026-11-10',
      subject: 'Математика',
      value,
      weight,
      workType: null,
      comment: null,
    }));

  test('the default thresholds: 4.5 earns a 5, 4.49 a 4, 2.49 a 2', () => {
    expect([4.5, 4.49, 3.5, 3.49, 2.5, 2.49, 1].map((a) => markFor(a, DEFAULT_ROUNDING))).toEqual([
      '5',
      '4',
      '4',
      '3',
      '3',
      '2',
      '2',
    ]);
    expect(markFor(null, DEFAULT_ROUNDING)).toBeNull();
    // 5, 4, 4 with the 5 weighing double: (10 + 8) / 4 = 4.5.
    expect(markFor(weightedAverage(grades(['5', 2], ['4', 1], ['4', 1], ['зачёт', 1])), DEFAULT_ROUNDING)).toBe('5');
  });

  test("a school's stricter rule", () => {
    const strict = { 5: 4.6, 4: 3.6, 3: 2.6 };
    expect([4.5, 4.6, 3.59, 2.6].map((a) => markFor(a, strict))).toEqual(['4', '5', '3', '3']);
  });

  test('a rule is three descending thresholds from 1 to 5, nothing else', () => {
    const ok = (r: unknown) => ZRoundingSchema.safeParse(r).success;
    expect(ok({ 5: 4.5, 4: 3.5, 3: 2.5 })).toBe(true);
    expect(ok({ 5: 5, 4: 4, 3: 3 })).toBe(true);
    expect(ok({ 5: 4.5, 4: 4.5, 3: 2.5 })).toBe(false);
    expect(ok({ 5: 3.5, 4: 4.5, 3: 2.5 })).toBe(false);
    expect(ok({ 5: 4.5, 4: 3.5 })).toBe(false);
    expect(ok({ 5: 4.5, 4: 3.5, 3: 2.5, 2: 1.5 })).toBe(false);
    expect(ok({ 5: 5.5, 4: 3.5, 3: 2.5 })).toBe(false);
    expect(ok({ 5: 4.5, 4: 3.5, 3: 0.5 })).toBe(false);
    expect(ok({ 5: '4.5', 4: 3.5, 3: 2.5 })).toBe(false);
  });
});

describe('the days left of a period', () => {
  const q2 = { from: '2026-11-05', to: '2026-12-28' };
  test('from tomorrow, from the start of one not begun, none after its end', () => {
    expect(daysLeft(q2, '2026-12-02')).toEqual({ from: '2026-12-03', to: '2026-12-28' });
    expect(daysLeft(q2, '2026-10-01')).toEqual(q2);
    expect(daysLeft(q2, '2026-12-27')).toEqual({ from: '2026-12-28', to: '2026-12-28' });
    expect(daysLeft(q2, '2026-12-28')).toBeNull();
  });
});
