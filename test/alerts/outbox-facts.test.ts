import type { TOutboxFact } from '../../core/alerts/alert-types';
import { ingestBatch } from '../../core/ingest/ingest-batch';
import { createAlertStore } from '../../prisma/stores/alerts/alert-store';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { event, schoolEvents } from '../helpers/journal-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// A grade fact in the outbox names the grade (and its previous value); the planner reads the
// grade's fields from the grade row. Rows written with the whole grade in the payload still read
// as they were written.

describe('outbox grade facts as the planner reads them', () => {
  let db: TestDatabase;
  afterAll(async () => db?.destroy());

  it('completes slim grade facts from the grade row and keeps what the fact carries', async () => {
    db = await createTestDatabase('pglite');
    const ingest = createIngestStore(db);
    const options = { defaultTimezone: 'Europe/Moscow' };
    await ingestBatch(ingest, { events: schoolEvents('f') }, { ...options, withOutbox: false });
    const grade = (value: string, weight: number) =>
      event('grade.upserted', {
        gradeId: 'f-g1',
        studentId: 'f-st1',
        subjectId: 'f-math',
        date: '2026-12-01',
        value,
        weight,
        workType: 'Контрольная работа',
      });
    await ingestBatch(ingest, { events: [grade('4', 1)] }, options);
    await ingestBatch(ingest, { events: [grade('5', 2)] }, options);

    const stored = await db.sql.query<{ kind: string; payload: unknown }>(
      `SELECT kind, payload FROM "Outbox" ORDER BY id`,
    );
    expect(stored).toEqual([
      { kind: 'grade.created', payload: { gradeId: 'f-g1' } },
      { kind: 'grade.changed', payload: { gradeId: 'f-g1', previousValue: '4', previousWeight: 1 } },
    ]);
    // A row as an older version wrote it: its own values win over the grade row's.
    await db.sql.query(
      `INSERT INTO "Outbox" (kind, "studentId", payload, "eventId") VALUES ('grade.created', 'f-st1', $1::jsonb, 'legacy')`,
      [
        JSON.stringify({
          gradeId: 'f-g1',
          subjectId: 'f-math',
          date: '2026-11-30',
          value: '3',
          weight: 1,
          workType: null,
        }),
      ],
    );

    let seen: TOutboxFact[] = [];
    await createAlertStore(db).planNext(10, (input) => {
      seen = input.facts;
      return [];
    });
    const current = {
      gradeId: 'f-g1',
      subjectId: 'f-math',
      date: '2026-12-01',
      value: '5',
      weight: 2,
      workType: 'Контрольная работа',
      comment: null,
      lessonId: null,
    };
    expect(seen.map((f) => [f.kind, f.payload])).toEqual([
      ['grade.created', current],
      ['grade.changed', { ...current, previousValue: '4', previousWeight: 1 }],
      ['grade.created', { ...current, date: '2026-11-30', value: '3', weight: 1, workType: null }],
    ]);
  });
});
