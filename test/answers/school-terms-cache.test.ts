import { cachedSchoolTerms } from '../../core/answers/school-terms-cache';
import type { TermReader } from '../../core/terms';
import { createTermReader } from '../../prisma/stores/terms/term-reader';
import { createDemoDatabase, DEMO_TODAY } from '../helpers/demo-database';
import type { TestDatabase } from '../helpers/test-database';

// The school's periods are read once a minute per school and day, over the real reader; a new
// day or an expired minute reads again, and what comes back is what the reader says.

describe('cachedSchoolTerms', () => {
  let db: TestDatabase;
  let reads: { schoolId: string; day: string }[][];
  let reader: TermReader;
  let now: number;

  beforeAll(async () => {
    db = await createDemoDatabase('pglite');
  });
  afterAll(() => db?.destroy());
  beforeEach(() => {
    const real = createTermReader(db);
    reads = [];
    now = Date.parse('2026-12-02T10:00:00Z');
    // Counts what reaches the database reader; the reading itself is the real one.
    const counted: TermReader = {
      schoolTerms: (schools) => {
        reads.push([...schools]);
        return real.schoolTerms(schools);
      },
      studentTerms: real.studentTerms,
    };
    reader = cachedSchoolTerms(counted, () => new Date(now));
  });

  it('reads a school and day once within the minute, and returns what the reader read', async () => {
    const school = await db.prisma.school.findFirstOrThrow();
    const ask = [{ schoolId: school.id, day: DEMO_TODAY }];
    const first = await reader.schoolTerms(ask);
    expect(first[0].fromSchool).toBe(true);
    expect(first[0].periods.some((p) => p.kind === 'quarter' && p.number === 2)).toBe(true);
    now += 59_000;
    expect(await reader.schoolTerms(ask)).toEqual(first);
    expect(reads).toHaveLength(1);
    now += 2_000;
    await reader.schoolTerms(ask);
    expect(reads).toHaveLength(2);
  });

  it('reads only what it does not hold: another day, another school', async () => {
    const school = await db.prisma.school.findFirstOrThrow();
    await reader.schoolTerms([{ schoolId: school.id, day: DEMO_TODAY }]);
    const both = await reader.schoolTerms([
      { schoolId: school.id, day: DEMO_TODAY },
      { schoolId: 'no-such-school', day: DEMO_TODAY },
    ]);
    expect(reads[1]).toEqual([{ schoolId: 'no-such-school', day: DEMO_TODAY }]);
    // A school that is not stored has the defaults.
    expect(both[1]).toMatchObject({ schoolId: 'no-such-school', fromSchool: false });
    expect(both[0].schoolId).toBe(school.id);
  });
});
