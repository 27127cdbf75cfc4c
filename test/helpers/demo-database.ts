import type { TDatabaseKind } from '../../prisma/db/database';
import { loadDemoSchool } from '../../prisma/demo/load-demo';
import { createIngestStore } from '../../prisma/stores/ingest/ingest-store';
import { createTestDatabase, type TestDatabase } from './test-database';

/** A fixed school day (a Wednesday) and a moment on it, so answers are reproducible. */
export const DEMO_TODAY = '2026-12-02';
export const DEMO_NOW = new Date('2026-12-02T13:00:00+03:00');
export const DEMO_TZ = 'Europe/Moscow';

/** A test database holding the demo school and its people, loaded the way `npm start` does. */
export async function createDemoDatabase(kind: TDatabaseKind = 'pglite'): Promise<TestDatabase> {
  const db = await createTestDatabase(kind);
  await loadDemoSchool({ ingestStore: createIngestStore(db), timezone: DEMO_TZ, today: DEMO_TODAY, prisma: db.prisma });
  return db;
}

/** `@db.Date` value of a school day. */
export const dbDay = (day: string) => new Date(`${day}T00:00:00Z`);
