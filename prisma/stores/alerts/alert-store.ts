import type { AlertStore, TClaimedMessage, TDeliveryJob } from '../../../core/alerts';
import type { Database } from '../../db/database';
import { composeDueMessages, planNextBatch } from './alert-planning-store';
import { scanMissingPasses } from './missing-passes';
import { scanTestsTomorrow } from './tests-tomorrow';

// The alerts pipeline's store. AlertMessage is the delivery record of one message to one chat:
// a conditional UPDATE claims it, so of several workers (or a restarted one) exactly one sends,
// and a claim left by a killed worker expires after the lease.

const seconds = (ms: number) => ms / 1000;

export function createAlertStore(db: Database): AlertStore {
  const { sql } = db;
  return {
    planNext: (limit, plan) => sql.transaction((query) => planNextBatch(query, limit, plan)),
    scanMissingPasses: (now, latestMs, plan) =>
      sql.transaction((query) => scanMissingPasses(query, now, latestMs, plan)),
    scanTestsTomorrow: (now, defaultTime, plan) =>
      sql.transaction((query) => scanTestsTomorrow(query, now, defaultTime, plan)),
    composeDue: (now, limit, compose) => sql.transaction((query) => composeDueMessages(query, now, limit, compose)),

    async claim(messageId, leaseMs) {
      // "queued" may be claimed a little early: queue timers and the database clock differ slightly.
      const rows = await sql.query<TClaimedMessage>(
        `WITH m AS (
           UPDATE "AlertMessage" SET status = 'sending', "claimedAt" = now(), attempts = attempts + 1
           WHERE id = $1::bigint AND (
             (status = 'queued' AND "nextAttemptAt" <= now() + interval '2 seconds')
             OR (status = 'sending' AND "claimedAt" < now() - make_interval(secs => $2::float8)))
           RETURNING id, "chatId", text, attempts, "ingestedAt")
         SELECT m.id::text AS id, m."chatId", m.text, m.attempts, m."ingestedAt",
                coalesce(c.channel, '') AS channel, coalesce(c."externalId", '') AS "externalId", coalesce(c.active, false) AS "chatActive"
         FROM m LEFT JOIN "Chat" c ON c.id = m."chatId"`,
        [messageId, seconds(leaseMs)],
      );
      const row = rows[0];
      return row ? { ...row, ingestedAt: new Date(row.ingestedAt) } : null;
    },

    async markSent(messageId) {
      await sql.query(
        `UPDATE "AlertMessage" SET status = 'sent', "sentAt" = now(), "lastError" = NULL WHERE id = $1::bigint`,
        [messageId],
      );
    },

    async reschedule(messageId, delayMs, error) {
      await sql.query(
        `UPDATE "AlertMessage" SET status = 'queued', "claimedAt" = NULL, "lastError" = $3,
           "nextAttemptAt" = now() + make_interval(secs => $2::float8)
         WHERE id = $1::bigint AND status = 'sending'`,
        [messageId, seconds(delayMs), error.slice(0, 500)],
      );
    },

    async markFailed(messageId, error) {
      await sql.query(`UPDATE "AlertMessage" SET status = 'failed', "lastError" = $2 WHERE id = $1::bigint`, [
        messageId,
        error.slice(0, 500),
      ]);
    },

    async dropForInactiveChat(messageId, chatId, reason) {
      await sql.transaction(async (query) => {
        await query(`UPDATE "AlertMessage" SET status = 'dropped', "lastError" = $2 WHERE id = $1::bigint`, [
          messageId,
          reason.slice(0, 500),
        ]);
        await query(`UPDATE "Chat" SET active = false WHERE id = $1`, [chatId]);
      });
    },

    async findStranded(_now, leaseMs, graceMs, limit) {
      return sql.query<TDeliveryJob>(
        `SELECT id::text AS "messageId", attempts AS attempt FROM "AlertMessage"
         WHERE (status = 'queued' AND "nextAttemptAt" < now() - make_interval(secs => $2::float8))
            OR (status = 'sending' AND "claimedAt" < now() - make_interval(secs => $1::float8))
         ORDER BY id LIMIT $3`,
        [seconds(leaseMs), seconds(graceMs), limit],
      );
    },

    async oldestDueAgeMs() {
      // The (status, nextAttemptAt) index answers min() from its first entry.
      const rows = await sql.query<{ ms: number | null }>(
        `SELECT (extract(epoch FROM now() - min("nextAttemptAt")) * 1000)::float8 AS ms FROM "AlertMessage"
         WHERE status = 'queued' AND "nextAttemptAt" <= now()`,
      );
      return Math.max(0, rows[0]?.ms ?? 0);
    },
  };
}
