import { DEMO_NOW, generateDemoSchool } from '../../prisma/demo/demo-school';
import { loadDemoSchool } from '../../prisma/demo/load-demo';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { DEMO_TZ } from '../helpers/demo-database';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { addDays, ofType } from './demo-checks';
import { passReport } from './pass-checks';

// The demo school's turnstile passes («Москвёнок»): they agree with the journal's attendance.

const TODAY = '2026-12-02'; // a Wednesday

describe('demo school passes', () => {
  const { events } = generateDemoSchool({ today: TODAY });
  const passes = ofType(events, 'pass.recorded');

  it('are deterministic: the same today gives the same passes', () => {
    const again = ofType(generateDemoSchool({ today: TODAY }).events, 'pass.recorded');
    expect(JSON.stringify(again)).toBe(JSON.stringify(passes));
  });

  it('agree with attendance: in before the first lesson (after it when late), out after the last, none when absent', () => {
    const report = passReport(events, TODAY, DEMO_NOW);
    expect(report.problems).toEqual([]);
    expect(report.latecomers).toBeGreaterThan(0);
    // A few step-outs a week, school-wide: the window holds two and a half weeks of school days.
    expect(report.stepOuts).toBeGreaterThanOrEqual(2);
    expect(report.stepOuts).toBeLessThanOrEqual(30);
  });

  it('have today everyone present in and nobody gone, and nothing after the snapshot', () => {
    const todays = passes.filter((p) => p.at.startsWith(TODAY));
    expect(new Set(todays.filter((p) => p.direction === 'in').map((p) => p.studentId)).size).toBeGreaterThan(80);
    expect(passes.every((p) => p.at <= `${TODAY}T${DEMO_NOW}:00+03:00`)).toBe(true);
    expect(passes.some((p) => p.at.startsWith(addDays(TODAY, -1)) && p.direction === 'out')).toBe(true);
  });

  it('carry readable ids, the main entrance mostly and the yard one sometimes', () => {
    for (const e of events.filter((x) => x.type === 'pass.recorded')) {
      const p = e.data as (typeof passes)[number];
      expect(p.passId).toMatch(/^pass-\d{8}-\d+[a-z]-\d{2}-\d$/);
      expect(e.id).toBe(`demo:pass:${p.passId}`);
      expect(e.occurredAt).toBe(p.at);
    }
    const places = passes.map((p) => p.place);
    expect(new Set(places)).toEqual(new Set(['Главный вход', 'Вход со двора']));
    expect(places.filter((p) => p === 'Главный вход').length / places.length).toBeGreaterThan(0.7);
  });

  it('read the same for a past day from a later today', () => {
    const later = ofType(generateDemoSchool({ today: addDays(TODAY, 7) }).events, 'pass.recorded');
    const yesterday = (list: typeof passes) => list.filter((p) => p.at.startsWith(addDays(TODAY, -1)));
    expect(yesterday(passes).length).toBeGreaterThan(0);
    expect(yesterday(later)).toEqual(yesterday(passes));
  });

  it.each(['2026-12-05', '2026-12-07', '2026-09-03', '2027-05-20'])('agree with attendance for today = %s', (today) => {
    expect(passReport(generateDemoSchool({ today }).events, today, DEMO_NOW).problems).toEqual([]);
  });
});

describe('the demo school with its passes, loaded', () => {
  let db: TestDatabase;
  afterAll(async () => {
    await db?.destroy();
  });

  it('ingests every event, the passes included', async () => {
    db = await createTestDatabase('pglite');
    const result = await loadDemoSchool({ ingestStore: createIngestStore(db), timezone: DEMO_TZ, today: TODAY });
    expect(result.accepted).toBe(result.events);
    const sent = ofType(generateDemoSchool({ today: TODAY }).events, 'pass.recorded');
    expect(await db.prisma.pass.count()).toBe(sent.length);
    const first = await db.prisma.pass.findUnique({ where: { id: sent[0].passId } });
    expect(first?.at.toISOString()).toBe(new Date(sent[0].at).toISOString());
  });
});
