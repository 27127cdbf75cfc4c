import type { Express } from 'express';
import { createAnswerService } from '../../core/answers';
import { createLogger } from '../../infra/logger';
import { createMetrics } from '../../infra/metrics';
import { demoPlaygroundPeople } from '../../prisma/demo/load-demo-people';
import { createQueryContextStore } from '../../prisma/stores/conversation/query-context-store';
import { createReadModel } from '../../prisma/stores/diary/read-model';
import { createPresenceReader } from '../../prisma/stores/presence/presence-reader';
import { createComingReader } from '../../prisma/stores/school-news/coming-reader';
import { createTermReader } from '../../prisma/stores/terms/term-reader';
import { createServer } from '../../webhooks/app';
import { playgroundRoute } from '../../webhooks/playground-route';
import { DEMO_NOW, DEMO_TZ } from './demo-database';
import { testCharts } from './test-charts';
import type { TestDatabase } from './test-database';

/** The HTTP app with the playground wired as main.ts wires it, its clock fixed at DEMO_NOW. */
export function playgroundApp(db: TestDatabase, enabled = true): Express {
  const answers = createAnswerService({
    ...createReadModel(db, DEMO_TZ),
    terms: createTermReader(db),
    presence: createPresenceReader(db),
    coming: createComingReader(db),
    charts: testCharts(),
    defaultTimezone: DEMO_TZ,
  });
  return createServer({
    logger: createLogger('silent'),
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: { database: () => db.ping() },
    routers: [
      playgroundRoute({
        enabled,
        answers,
        people: demoPlaygroundPeople(),
        queryContexts: createQueryContextStore(db),
        now: () => DEMO_NOW,
      }),
    ],
  });
}
