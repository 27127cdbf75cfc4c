import { DateTime } from 'luxon';
import type { IngestStore } from '../../core/ingest';
import { ingestValidEvents } from '../../core/ingest';
import type { Logger } from '../../infra/logger';
import type { Database } from '../db/database';
import type { PrismaClient } from '../generated/client';
import { generateDemoSchool } from './demo-school';
import { loadDemoPeople } from './load-demo-people';

export const DEMO_SCHOOL_ID = 'demo-school';
const CHUNK = 1000;

/**
 * The demo school goes in through core/ingest like any school's data (one way in), silently:
 * two weeks of history must not become a flood of alerts.
 */
export async function loadDemoSchool(deps: {
  ingestStore: IngestStore;
  timezone: string;
  today?: string;
  /** Full weeks of history before today's week (core of the demo: 2). */
  weeksBefore?: number;
  onProgress?: (done: number, total: number) => void;
  /** Given: also the demo people, their links and consents (the playground needs them). */
  prisma?: PrismaClient;
}) {
  const today = deps.today ?? DateTime.now().setZone(deps.timezone).toISODate()!;
  const { events } = generateDemoSchool({ today, weeksBefore: deps.weeksBefore });
  let accepted = 0;
  for (let i = 0; i < events.length; i += CHUNK) {
    const result = await ingestValidEvents(deps.ingestStore, events.slice(i, i + CHUNK), {
      defaultTimezone: deps.timezone,
      withOutbox: false,
    });
    accepted += result.accepted;
    deps.onProgress?.(Math.min(i + CHUNK, events.length), events.length);
  }
  if (deps.prisma) await loadDemoPeople(deps.prisma);
  return { today, events: events.length, accepted };
}

/** First start on the embedded database: load the demo school unless any school is there already. */
export async function loadDemoIfEmpty(deps: {
  db: Database;
  ingestStore: IngestStore;
  logger: Logger;
  timezone: string;
}) {
  const schools = await deps.db.prisma.school.count();
  if (schools > 0) {
    // A data dir from before the demo had people: add them, nothing else.
    if (await deps.db.prisma.school.findUnique({ where: { id: DEMO_SCHOOL_ID }, select: { id: true } }))
      await loadDemoPeople(deps.db.prisma);
    return;
  }
  const started = Date.now();
  const result = await loadDemoSchool({ ...deps, prisma: deps.db.prisma });
  deps.logger.info({ events: result.events, today: result.today, ms: Date.now() - started }, 'demo school loaded');
}
