import type { LinkingStore, TAttemptCounts } from '../../../core/linking';
import type { RawSql } from '../../db/database';
import { toDate } from '../../db/sql-values';

// The brakes' tries (LinkAttempt), counted and logged in one step. Without the lock, tries sent at
// once all read the same count before any of them is logged, and every one of them gets a lookup
// (60 at once from one chat got 12 on PostgreSQL where 5 are allowed). The lock is per channel:
// both brakes a try meets, its chat's and its channel's, count tries of that channel only, so
// channels never wait for each other. PGlite is one connection and runs transactions one by one,
// but takes the same lock.

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
// Older tries count for no brake; keep a little slack for clock skew between processes.
const ATTEMPT_RETENTION_MS = 2 * HOUR_MS;
// The advisory-lock key space of the brakes (the second key is the channel's hash).
const BRAKE_LOCK_SPACE = 0x6c696e6b; // "link"

const iso = (d: Date) => d.toISOString();

const COUNTS_SQL = `
  SELECT count(*) FILTER (WHERE "chatKey" = $2) AS chat,
         min("at") FILTER (WHERE "chatKey" = $2) AS oldest,
         count(*) FILTER (WHERE "at" > $4::timestamptz) AS minute,
         count(*) AS hour
    FROM "LinkAttempt" WHERE channel = $1 AND "at" > $3::timestamptz`;

export function linkAttemptMethods(sql: RawSql): Pick<LinkingStore, 'claimAttempt' | 'releaseAttempt'> {
  return {
    async claimAttempt(channel, chatKey, now, admit) {
      const claim = await sql.transaction(async (query) => {
        await query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [BRAKE_LOCK_SPACE, channel]);
        const [row] = await query<{ chat: string; oldest: Date | string | null; minute: string; hour: string }>(
          COUNTS_SQL,
          [channel, chatKey, iso(new Date(now.getTime() - HOUR_MS)), iso(new Date(now.getTime() - MINUTE_MS))],
        );
        const counts: TAttemptCounts = {
          chatLastHour: Number(row.chat),
          chatOldestAt: row.oldest ? toDate(row.oldest) : null,
          channelLastMinute: Number(row.minute),
          channelLastHour: Number(row.hour),
        };
        if (!admit(counts)) return { counts, attemptId: null };
        const [inserted] = await query<{ id: string }>(
          `INSERT INTO "LinkAttempt" (channel, "chatKey", "at") VALUES ($1, $2, $3::timestamptz) RETURNING id::text AS id`,
          [channel, chatKey, iso(now)],
        );
        return { counts, attemptId: inserted.id };
      });
      // Outside the lock: the rows it drops are older than any brake looks.
      if (claim.attemptId !== null)
        await sql.query(`DELETE FROM "LinkAttempt" WHERE "at" < $1::timestamptz`, [
          iso(new Date(now.getTime() - ATTEMPT_RETENTION_MS)),
        ]);
      return claim;
    },

    async releaseAttempt(attemptId) {
      await sql.query(`DELETE FROM "LinkAttempt" WHERE id = $1::bigint`, [attemptId]);
    },
  };
}
