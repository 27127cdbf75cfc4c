import type { PendingLinkStore } from '../../../core/linking';
import type { RawSql } from '../../db/database';
import { toDate } from '../../db/sql-values';

// PendingLink rows: a checked code's hash and the chat, under the handle a button or a voice
// session carries. Taking one deletes it in the same statement, so a handle is spent once.

const iso = (d: Date) => d.toISOString();

export function pendingLinkMethods(sql: RawSql): PendingLinkStore {
  return {
    async savePending({ handle, codeHash, chat, expiresAt }) {
      await sql.query(
        `INSERT INTO "PendingLink" (handle, "codeHash", channel, "externalId", "expiresAt") VALUES ($1, $2, $3, $4, $5::timestamptz)`,
        [handle, codeHash, chat.channel, chat.externalId, iso(expiresAt)],
      );
    },

    async takePending(chat, handle, now) {
      const [row] = await sql.query<{ codeHash: string; expiresAt: Date | string }>(
        `DELETE FROM "PendingLink" WHERE handle = $1 AND channel = $2 AND "externalId" = $3 RETURNING "codeHash", "expiresAt"`,
        [handle, chat.channel, chat.externalId],
      );
      return row && toDate(row.expiresAt) > now ? { codeHash: row.codeHash } : null;
    },

    async dropPending(chat, handle) {
      await sql.query(`DELETE FROM "PendingLink" WHERE handle = $1 AND channel = $2 AND "externalId" = $3`, [
        handle,
        chat.channel,
        chat.externalId,
      ]);
    },

    async openPending(chat, now, limit) {
      const rows = await sql.query<{ handle: string }>(
        `SELECT handle FROM "PendingLink" WHERE channel = $1 AND "externalId" = $2 AND "expiresAt" > $3::timestamptz LIMIT $4`,
        [chat.channel, chat.externalId, iso(now), limit],
      );
      return rows.map((row) => row.handle);
    },

    async purgeExpiredPending(now) {
      const [row] = await sql.query<{ n: string }>(
        `WITH d AS (DELETE FROM "PendingLink" WHERE "expiresAt" <= $1::timestamptz RETURNING 1) SELECT count(*) AS n FROM d`,
        [iso(now)],
      );
      return Number(row.n);
    },
  };
}
