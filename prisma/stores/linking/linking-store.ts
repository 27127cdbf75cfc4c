import { randomUUID } from 'node:crypto';
import type { LinkingStore, TGrant, TLinkRole, TRedeemResult, TStoredCode } from '../../../core/linking';
import type { Database, TSqlQuery } from '../../db/database';
import { toDate } from '../../db/sql-values';
import { DEMO_SCHOOL_ID } from '../../demo/load-demo';
import { activeConsentSql, type TActiveConsentRow, toActiveConsent } from '../access/active-consent';
import { linkAttemptMethods } from './link-attempts';
import { exportPerson } from './linking-export';
import { pendingLinkMethods } from './pending-links';
import { pupilMayConsent } from './pupil-consent';

// LinkingStore over the raw driver: the redeem and forget transactions need conditional updates,
// ON CONFLICT and row counts, which read plainly in SQL and behave the same on PostgreSQL and PGlite.

interface TCodeRow {
  id: string;
  role: TLinkRole;
  studentId: string | null;
  teacherId: string | null;
  expiresAt: Date | string;
  usedAt: Date | string | null;
  firstName: string | null;
  className: string | null;
}

const CODE_SELECT = `
  SELECT c.id, c.role, c."studentId", c."teacherId", c."expiresAt", c."usedAt",
         COALESCE(s."firstName", concat_ws(' ', t."firstName", t."middleName")) AS "firstName",
         k.name AS "className"
    FROM "LinkCode" c
    LEFT JOIN "Student" s ON s.id = c."studentId"
    LEFT JOIN "SchoolClass" k ON k.id = s."classId"
    LEFT JOIN "Teacher" t ON t.id = c."teacherId"`;

const iso = (d: Date) => d.toISOString();

/**
 * A reusable code (the store moderators' demo code) counts only as a guardian's code for a pupil
 * of the demo school, checked on every lookup and again when it is redeemed: a row made otherwise,
 * or a pupil moved out of the demo school since, is a code that does not exist. `school` names the
 * statement's parameter that carries DEMO_SCHOOL_ID.
 */
const demoOnly = (school: string) => `(NOT c.reusable OR (c.role = 'guardian' AND c."teacherId" IS NULL AND EXISTS (
    SELECT 1 FROM "Student" d WHERE d.id = c."studentId" AND d."schoolId" = ${school})))`;

function grantOf(row: TCodeRow): TGrant {
  return {
    role: row.role,
    studentId: row.studentId,
    teacherId: row.teacherId,
    firstName: row.firstName ?? '',
    className: row.className,
  };
}

export function createLinkingStore(db: Database): LinkingStore {
  const { sql } = db;

  return {
    ...linkAttemptMethods(sql),
    ...pendingLinkMethods(sql),

    async findCode(codeHash) {
      const [row] = await sql.query<TCodeRow>(`${CODE_SELECT} WHERE c."codeHash" = $1 AND ${demoOnly('$2')}`, [
        codeHash,
        DEMO_SCHOOL_ID,
      ]);
      if (!row) return null;
      const stored: TStoredCode = {
        id: row.id,
        expiresAt: toDate(row.expiresAt),
        usedAt: row.usedAt ? toDate(row.usedAt) : null,
        grant: grantOf(row),
      };
      return stored;
    },

    voidCode: (codeId, now) =>
      sql.transaction(async (query) => {
        const [code] = await query<{ codeHash: string }>(
          `UPDATE "LinkCode" SET "usedAt" = $2::timestamptz WHERE id = $1 AND "usedAt" IS NULL RETURNING "codeHash"`,
          [codeId, iso(now)],
        );
        if (code) await query(`DELETE FROM "PendingLink" WHERE "codeHash" = $1`, [code.codeHash]);
      }),

    redeem: (input) =>
      sql.transaction(async (query): Promise<TRedeemResult> => {
        const at = iso(input.now);
        // The conditional update is the single-use guarantee: a second transaction racing for the
        // same code waits on the row lock, re-checks "usedAt" IS NULL and updates nothing. A
        // reusable code is left unused, and redeemed for a demo pupil only.
        const spent = await query<{ id: string }>(
          `UPDATE "LinkCode" c SET "usedAt" = CASE WHEN c.reusable THEN NULL ELSE $2::timestamptz END
            WHERE c.id = $1 AND c."usedAt" IS NULL AND c."expiresAt" > $2::timestamptz AND ${demoOnly('$3')} RETURNING id`,
          [input.codeId, at, DEMO_SCHOOL_ID],
        );
        const [row] = await query<TCodeRow>(`${CODE_SELECT} WHERE c.id = $1`, [input.codeId]);
        if (!row) return { ok: false, reason: 'not_found' };
        if (spent.length === 0)
          return {
            ok: false,
            reason: row.usedAt ? 'used' : toDate(row.expiresAt) <= input.now ? 'expired' : 'not_found',
          };

        const personId = await personOfChat(
          query,
          input.chat.channel,
          input.chat.externalId,
          input.chat.locale ?? 'ru',
        );
        if (row.studentId) {
          await query(
            `INSERT INTO "StudentLink" ("personId", "studentId", role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
            [personId, row.studentId, row.role],
          );
        }
        if (row.teacherId) {
          await query(`INSERT INTO "TeacherLink" ("personId", "teacherId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
            personId,
            row.teacherId,
          ]);
        }
        await query(
          `INSERT INTO "Consent" (id, "personId", "textVersion", "textHash", channel, scope, "acceptedAt") VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)`,
          [
            randomUUID(),
            personId,
            input.consent.textVersion,
            input.consent.textHash,
            input.chat.channel,
            input.consent.scope,
            at,
          ],
        );
        return { ok: true, personId, grant: grantOf(row) };
      }),

    async personForChat(chat) {
      const [row] = await sql.query<{ personId: string }>(
        `SELECT "personId" FROM "Chat" WHERE channel = $1 AND "externalId" = $2`,
        [chat.channel, chat.externalId],
      );
      return row?.personId ?? null;
    },

    async activeConsent(personId) {
      const [row] = await sql.query<TActiveConsentRow>(activeConsentSql('$1'), [personId]);
      return toActiveConsent(row);
    },

    recordConsent: (personId, channel, consent, now) =>
      sql.transaction(async (query) => {
        // The new consent supersedes the old ones: they are closed, so "the active consent" is
        // unambiguous even when both carry the same timestamp.
        await query(
          `UPDATE "Consent" SET "withdrawnAt" = $2::timestamptz WHERE "personId" = $1 AND "withdrawnAt" IS NULL`,
          [personId, iso(now)],
        );
        await query(
          `INSERT INTO "Consent" (id, "personId", "textVersion", "textHash", channel, scope, "acceptedAt") VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)`,
          [randomUUID(), personId, consent.textVersion, consent.textHash, channel, consent.scope, iso(now)],
        );
      }),

    forget: (chat, sessionKey, now) =>
      sql.transaction((query) => forgetPerson(query, chat.channel, chat.externalId, sessionKey, now)),

    exportPerson: (personId) => exportPerson(db.prisma, personId),

    pupilMayConsent: (studentId) => pupilMayConsent(sql.query, studentId),

    async createCodes(codes) {
      await db.prisma.linkCode.createMany({ data: codes.map((c) => ({ ...c })) });
    },
  };
}

/** The person behind a chat, created with the chat when new. */
async function personOfChat(query: TSqlQuery, channel: string, externalId: string, locale: string): Promise<string> {
  const [existing] = await query<{ personId: string }>(
    `SELECT "personId" FROM "Chat" WHERE channel = $1 AND "externalId" = $2`,
    [channel, externalId],
  );
  if (existing) {
    await query(`UPDATE "Chat" SET active = true WHERE channel = $1 AND "externalId" = $2 AND NOT active`, [
      channel,
      externalId,
    ]);
    return existing.personId;
  }
  const personId = randomUUID();
  await query(`INSERT INTO "Person" (id, locale) VALUES ($1, $2)`, [personId, locale]);
  const inserted = await query(
    `INSERT INTO "Chat" (id, "personId", channel, "externalId", locale) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (channel, "externalId") DO NOTHING RETURNING id`,
    [randomUUID(), personId, channel, externalId, locale],
  );
  if (inserted.length > 0) return personId;
  // The same chat accepted another code at the same moment and won the insert: join its person.
  await query(`DELETE FROM "Person" WHERE id = $1`, [personId]);
  const [winner] = await query<{ personId: string }>(
    `SELECT "personId" FROM "Chat" WHERE channel = $1 AND "externalId" = $2`,
    [channel, externalId],
  );
  return winner.personId;
}

async function countDeleted(query: TSqlQuery, deleteSql: string, params: unknown[]): Promise<number> {
  const [row] = await query<{ n: string }>(`WITH d AS (${deleteSql} RETURNING 1) SELECT count(*) AS n FROM d`, params);
  return Number(row.n);
}

async function forgetPerson(query: TSqlQuery, channel: string, externalId: string, sessionKey: string, now: Date) {
  const [chat] = await query<{ personId: string }>(
    `SELECT "personId" FROM "Chat" WHERE channel = $1 AND "externalId" = $2`,
    [channel, externalId],
  );
  const ownSession = `DELETE FROM "ChatSession" WHERE key = $1 OR starts_with(key, $1 || ':')`;
  // Codes this chat sent and has not yet answered the consent for go too, linked or not.
  const ownPending = await countDeleted(query, `DELETE FROM "PendingLink" WHERE channel = $1 AND "externalId" = $2`, [
    channel,
    externalId,
  ]);
  if (!chat) {
    // Nothing personal is stored, but session state may remain: drop it too.
    await query(ownSession, [sessionKey]);
    return null;
  }
  const p = [chat.personId];
  const sessions =
    (await countDeleted(query, ownSession, [sessionKey])) +
    (await countDeleted(
      query,
      `DELETE FROM "ChatSession" s USING "Chat" c WHERE c."personId" = $1 AND (s.key = c.channel || ':' || c."externalId" OR starts_with(s.key, c.channel || ':' || c."externalId" || ':'))`,
      p,
    ));
  const kinds: Record<string, number> = { sessions, ...(await deletePendingAlerts(query, chat.personId)) };
  kinds.pendingLinks =
    ownPending +
    (await countDeleted(
      query,
      `DELETE FROM "PendingLink" l USING "Chat" c WHERE c."personId" = $1 AND l.channel = c.channel AND l."externalId" = c."externalId"`,
      p,
    ));
  kinds.subscriptions = await countDeleted(query, `DELETE FROM "Subscription" WHERE "personId" = $1`, p);
  kinds.studentLinks = await countDeleted(query, `DELETE FROM "StudentLink" WHERE "personId" = $1`, p);
  kinds.teacherLinks = await countDeleted(query, `DELETE FROM "TeacherLink" WHERE "personId" = $1`, p);
  kinds.consents = await countDeleted(query, `DELETE FROM "Consent" WHERE "personId" = $1`, p);
  kinds.oauthTokens = await countDeleted(
    query,
    `DELETE FROM "OAuthToken" t USING "Chat" c WHERE t."chatId" = c.id AND c."personId" = $1`,
    p,
  );
  kinds.chats = await countDeleted(query, `DELETE FROM "Chat" WHERE "personId" = $1`, p);
  kinds.persons = await countDeleted(query, `DELETE FROM "Person" WHERE id = $1`, p);
  await query(
    `INSERT INTO "DestructionRecord" (id, "at", channel, kinds) VALUES ($1, $2::timestamptz, $3, $4::jsonb)`,
    [randomUUID(), iso(now), channel, JSON.stringify(kinds)],
  );
  return kinds;
}

/** Alerts planned or sent to the person's chats carry grades in their text: they go too. */
async function deletePendingAlerts(query: TSqlQuery, personId: string): Promise<Record<string, number>> {
  // The alert tables arrive with their own migration; until then there is nothing to delete.
  const [tables] = await query<{ items: string | null; messages: string | null }>(
    `SELECT to_regclass('"AlertItem"')::text AS items, to_regclass('"AlertMessage"')::text AS messages`,
  );
  const chats = `SELECT id FROM "Chat" WHERE "personId" = $1`;
  const result: Record<string, number> = {};
  if (tables.items)
    result.alertItems = await countDeleted(query, `DELETE FROM "AlertItem" WHERE "chatId" IN (${chats})`, [personId]);
  if (tables.messages)
    result.alertMessages = await countDeleted(query, `DELETE FROM "AlertMessage" WHERE "chatId" IN (${chats})`, [
      personId,
    ]);
  return result;
}
