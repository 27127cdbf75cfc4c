import type { AccessLog, TAccessEntry, TViewerRole } from '../../../core/access';
import type { Database } from '../../db/database';
import { toDate } from '../../db/sql-values';

// AccessLog over the raw driver: one multi-row INSERT per answer (an answer about three
// children writes three rows in one statement), and a purge that deletes in bounded batches so
// a year's worth of rows never holds one long transaction.

const PURGE_BATCH = 10_000;

interface TRow {
  viewerId: string;
  studentId: string;
  channel: string;
  intent: string;
  viewerRole: TViewerRole | null;
  at: Date | string;
}

/**
 * The insert of access-log entries, its six array parameters numbered from `first`: on its own
 * here, and as a CTE in front of the diary read that the entries record (prisma/stores/diary/diary-reader.ts).
 */
export function accessLogInsert(first: number): string {
  const [a, b, c, d, e, f] = [first, first + 1, first + 2, first + 3, first + 4, first + 5];
  return `INSERT INTO "AccessLog" ("viewerId", "studentId", channel, intent, "viewerRole", "at")
    SELECT * FROM unnest($${a}::text[], $${b}::text[], $${c}::text[], $${d}::text[], $${e}::text[], $${f}::timestamptz[])`;
}

/** The parameters of accessLogInsert, in its order. */
export function accessLogParams(entries: readonly TAccessEntry[]): unknown[] {
  return [
    entries.map((e) => e.viewerId),
    entries.map((e) => e.studentId),
    entries.map((e) => e.channel),
    entries.map((e) => e.intent),
    entries.map((e) => e.viewerRole),
    entries.map((e) => e.at.toISOString()),
  ];
}

export function createAccessLogStore(db: Database): AccessLog {
  const { sql } = db;
  return {
    async record(entries: readonly TAccessEntry[]) {
      if (entries.length === 0) return;
      await sql.prepared(accessLogInsert(1), accessLogParams(entries));
    },

    async forStudent(studentId, since, limit) {
      const rows = await sql.query<TRow>(
        `SELECT "viewerId", "studentId", channel, intent, "viewerRole", "at" FROM "AccessLog" WHERE "studentId" = $1 AND "at" >= $2::timestamptz ORDER BY "at" DESC, id DESC LIMIT $3`,
        [studentId, since.toISOString(), limit],
      );
      return rows.map((r) => ({ ...r, at: toDate(r.at) }));
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
