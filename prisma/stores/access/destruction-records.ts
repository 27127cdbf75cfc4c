import type { Database } from '../../db/database';
import { toDate } from '../../db/sql-values';

/** A /forget as recorded: when, through which channel, how many rows of each kind — no identifiers. */
export interface TDestructionRecord {
  at: Date;
  channel: string;
  kinds: Record<string, number>;
}

export async function listDestructionRecords(db: Database, since: Date): Promise<TDestructionRecord[]> {
  const rows = await db.sql.query<{ at: Date | string; channel: string; kinds: Record<string, number> | string }>(
    `SELECT "at", channel, kinds FROM "DestructionRecord" WHERE "at" >= $1::timestamptz ORDER BY "at"`,
    [since.toISOString()],
  );
  return rows.map((r) => ({
    at: toDate(r.at),
    channel: r.channel,
    kinds: typeof r.kinds === 'string' ? JSON.parse(r.kinds) : r.kinds,
  }));
}
