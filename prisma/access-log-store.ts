import type { AccessLog, TAccessEntry } from '../core/access/access-log-port';
import type { Database } from './database';

// AccessLog over the raw driver: one multi-row INSERT per answer (an answer about three
// children writes three rows in one statement), and a purge that deletes in bounded batches so
// a year's worth of rows never holds one long transaction.

const PURGE_BATCH = 10_000;

interface TRow {
  viewerId: string;
  studentId: string;
  channel: string;
  intent: string;
  at: Date | string;
}

export function createAccessLogStore(db: Database): AccessLog {
  const { sql } = db;
  return {
    async record(entries: readonly TAccessEntry[]) {
      if (entries.length === 0) return;
      await sql.prepared(
        `INSERT INTO "AccessLog" ("viewerId", "studentId", channel, intent, "at")
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])`,
        [entries.map((e) => e.viewerId), entries.map((e) => e.studentId), entries.map((e) => e.channel), entries.map((e) => e.intent), entries.map((e) => e.at.toISOString())],
      );
    },

    async forStudent(studentId, since, limit) {
      const rows = await sql.query<TRow>(
        `SELECT "viewerId", "studentId", channel, intent, "at" FROM "AccessLog" WHERE "studentId" = $1 AND "at" >= $2::timestamptz ORDER BY "at" DESC, id DESC LIMIT $3`,
        [studentId, since.toISOString(), limit],
      );
      return rows.map((r) => ({ ...r, at: r.at instanceof Date ? r.at : new Date(r.at) }));
    },

    async purge(before) {
      let total = 0;
      for (;;) {
        const [row] = await sql.query<{ n: string }>(
          `WITH d AS (DELETE FROM "AccessLog" WHERE id IN (SELECT id FROM "AccessLog" WHERE "at" < $1::timestamptz LIMIT ${PURGE_BATCH}) RETURNING 1) SELECT count(*) AS n FROM d`,
          [before.toISOString()],
        );
        const n = Number(row.n);
        total += n;
        if (n < PURGE_BATCH) return total;
      }
    },
  };
}
