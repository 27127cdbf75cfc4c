import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../prisma/db/database';

// The PostgreSQL connection pool in /metrics: connections in use near the maximum, or queries
// waiting for one, say the pool (or the database) is what requests wait on. PGlite has no pool:
// nothing is registered for it.

export function registerDbPoolMetrics(registry: Registry, db: Pick<Database, 'poolStats'>): void {
  const stats = db.poolStats;
  if (!stats) return;
  new Gauge({
    name: 'dnevnik_db_pool_connections',
    help: 'PostgreSQL pool connections by state (idle, in_use)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const { total, idle } = stats();
      this.set({ state: 'idle' }, idle);
      this.set({ state: 'in_use' }, total - idle);
    },
  });
  new Gauge({
    name: 'dnevnik_db_pool_waiting',
    help: 'Queries waiting for a PostgreSQL pool connection',
    registers: [registry],
    collect() {
      this.set(stats().waiting);
    },
  });
  new Gauge({
    name: 'dnevnik_db_pool_max_connections',
    help: 'The PostgreSQL pool size',
    registers: [registry],
    collect() {
      this.set(stats().max);
    },
  });
}
