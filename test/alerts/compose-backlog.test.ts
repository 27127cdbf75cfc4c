import { composeMessage } from '../../core/alerts/compose-messages';
import { planAlerts } from '../../core/alerts/plan-alerts';
import { ingestBatch } from '../../core/ingest/ingest-batch';
import { createAlertStore } from '../../prisma/stores/alerts/alert-store';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { seedFamilies } from '../helpers/alert-fixtures';
import { event, schoolEvents } from '../helpers/journal-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The coalescing window must hold when the planner falls behind (a burst of grades): a group is
// not composed while facts ingested before its due time are still waiting to be planned.

describe('composing behind a planner backlog', () => {
  let db: TestDatabase;
  afterAll(async () => db?.destroy());

  it('keeps the grades of one window in one message although the second was planned after the first was due', async () => {
    db = await createTestDatabase('pglite');
    const ingest = createIngestStore(db);
    await ingestBatch(ingest, { events: schoolEvents('s1') }, { defaultTimezone: 'Europe/Moscow', withOutbox: false });
    await seedFamilies(db.sql.query, { studentIds: ['s1-st1'], guardiansOf: () => 1 });
    const grade = (id: string, value: string) =>
      event('grade.upserted', {
        gradeId: id,
        studentId: 's1-st1',
        subjectId: 's1-math',
        date: '2026-12-01',
        value,
        weight: 1,
      });
    await ingestBatch(ingest, { events: [grade('gb-1', '5')] }, { defaultTimezone: 'Europe/Moscow' });
    await ingestBatch(ingest, { events: [grade('gb-2', '3')] }, { defaultTimezone: 'Europe/Moscow' });

    const store = createAlertStore(db);
    const plan = (limit: number) => store.planNext(limit, (input) => planAlerts(input, { windowMs: 60_000 }));
    const later = new Date(Date.now() + 5 * 60_000);
    // The planner got through the first grade only; the first item is long due by `later`.
    expect(await plan(1)).toEqual({ facts: 1, items: 1 });
    expect(await store.composeDue(later, 100, composeMessage)).toEqual([]);

    expect(await plan(10)).toEqual({ facts: 1, items: 1 });
    const ids = await store.composeDue(later, 100, composeMessage);
    expect(ids).toHaveLength(1);
    const [message] = await db.sql.query<{ text: string; itemCount: number }>(
      `SELECT text, "itemCount" FROM "AlertMessage"`,
    );
    expect(message).toEqual({ itemCount: 2, text: 'Маша: новое в дневнике (2)\n• 5 по математике\n• 3 по математике' });
  });

  it('does not wait for a stuck planner for ever', async () => {
    const ingest = createIngestStore(db);
    const grade = (id: string) =>
      event('grade.upserted', {
        gradeId: id,
        studentId: 's1-st1',
        subjectId: 's1-math',
        date: '2026-12-02',
        value: '4',
        weight: 1,
      });
    await ingestBatch(ingest, { events: [grade('gs-1')] }, { defaultTimezone: 'Europe/Moscow' });
    await ingestBatch(ingest, { events: [grade('gs-2')] }, { defaultTimezone: 'Europe/Moscow' });
    const store = createAlertStore(db);
    expect(await store.planNext(1, (input) => planAlerts(input, { windowMs: 60_000 }))).toEqual({ facts: 1, items: 1 });
    // The second fact stays unplanned; an hour on, the first item goes out alone.
    expect(await store.composeDue(new Date(Date.now() + 60 * 60_000), 100, composeMessage)).toHaveLength(1);
  });
});
