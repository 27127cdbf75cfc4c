import type { Database } from '../../db/database';

// Facts fixed at a deployment's first start that later starts must agree with (DeploymentFact).

export interface DeploymentFactsStore {
  /**
   * Records `value` under `key` unless a value is there already; returns the value that stands.
   * Of two processes starting together, the first insert wins and both read it back.
   */
  recordOnce(key: string, value: string): Promise<string>;
  /** The value under `key`, or null. */
  read(key: string): Promise<string | null>;
  /** Overwrites the value under `key` (an operator's deliberate decision). */
  replace(key: string, value: string): Promise<void>;
}

export function createDeploymentFactsStore(db: Database): DeploymentFactsStore {
  const { sql } = db;
  const read = async (key: string) =>
    (await sql.query<{ value: string }>(`SELECT value FROM "DeploymentFact" WHERE key = $1`, [key]))[0]?.value ?? null;
  return {
    async recordOnce(key, value) {
      await sql.query(`INSERT INTO "DeploymentFact" (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [
        key,
        value,
      ]);
      // A statement of its own: it sees a row another process committed while the insert waited.
      return (await read(key)) ?? value;
    },
    read,
    async replace(key, value) {
      await sql.query(
        `INSERT INTO "DeploymentFact" (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "createdAt" = CURRENT_TIMESTAMP`,
        [key, value],
      );
    },
  };
}
