import { randomUUID } from 'node:crypto';
import type { TLinkChannel } from '../../../core/linking';
import type { OAuthStore } from '../../../core/oauth';
import type { Database } from '../../db/database';

// OAuthStore over the raw driver. Tokens hang off their chat (ON DELETE CASCADE), so /forget
// and a chat deleted any other way take them along.

interface TChatRow {
  channel: TLinkChannel;
  externalId: string;
  locale: string;
}

interface TSpentRow extends TChatRow {
  familyId: string;
  redirectUri: string | null;
  codeChallenge: string | null;
}

const chatRef = (row: TChatRow | undefined) =>
  row
    ? {
        channel: row.channel,
        externalId: row.externalId,
        locale: row.locale === 'en' ? ('en' as const) : ('ru' as const),
      }
    : null;

// A token counts only while nothing of its family is revoked: a token issued in the moment a
// replay revoked the family is dead as well. Tokens from before families have none of their own.
const LIVE = `t."revokedAt" IS NULL AND NOT EXISTS (SELECT 1 FROM "OAuthToken" f WHERE f."familyId" = t."familyId" AND f."revokedAt" IS NOT NULL)`;

export function createOAuthStore(db: Database): OAuthStore {
  const { sql } = db;
  return {
    async saveTokens(chat, tokens) {
      // Inserted through a join, so a chat forgotten in the meantime simply gets no tokens.
      const rows = tokens.map((t) => {
        const id = randomUUID();
        return { id, ...t, familyId: t.familyId ?? id, expiresAt: t.expiresAt.toISOString() };
      });
      await sql.query(
        `INSERT INTO "OAuthToken" (id, "chatId", kind, "tokenHash", "clientId", "expiresAt", "familyId", "redirectUri", "codeChallenge")
         SELECT t.id, c.id, t.kind, t."tokenHash", t."clientId", t."expiresAt", t."familyId", t."redirectUri", t."codeChallenge"
           FROM jsonb_to_recordset($3::jsonb) AS t(id text, kind text, "tokenHash" text, "clientId" text, "expiresAt" timestamptz, "familyId" text, "redirectUri" text, "codeChallenge" text)
           JOIN "Chat" c ON c.channel = $1 AND c."externalId" = $2`,
        [chat.channel, chat.externalId, JSON.stringify(rows)],
      );
    },

    async spend(kind, tokenHash, clientId, now) {
      // The conditional update is the single-use guarantee, as for link codes.
      const [row] = await sql.query<TSpentRow>(
        `UPDATE "OAuthToken" t SET "usedAt" = $4::timestamptz
           FROM "Chat" c
          WHERE t."chatId" = c.id AND t."tokenHash" = $1 AND t.kind = $2 AND t."clientId" = $3
            AND t."usedAt" IS NULL AND t."expiresAt" > $4::timestamptz AND ${LIVE}
          RETURNING c.channel, c."externalId", c.locale, COALESCE(t."familyId", t.id) AS "familyId", t."redirectUri", t."codeChallenge"`,
        [tokenHash, kind, clientId, now.toISOString()],
      );
      if (row)
        return {
          kind: 'spent',
          chat: chatRef(row)!,
          familyId: row.familyId,
          redirectUri: row.redirectUri,
          codeChallenge: row.codeChallenge,
        };
      const [used] = await sql.query<{ familyId: string }>(
        `SELECT COALESCE("familyId", id) AS "familyId" FROM "OAuthToken"
          WHERE "tokenHash" = $1 AND kind = $2 AND "clientId" = $3 AND "usedAt" IS NOT NULL`,
        [tokenHash, kind, clientId],
      );
      return used ? { kind: 'replayed', familyId: used.familyId } : { kind: 'invalid' };
    },

    async revokeFamily(familyId, now) {
      // `id = $1` reaches a family's first token from before families were recorded.
      await sql.query(
        `UPDATE "OAuthToken" SET "revokedAt" = $2::timestamptz WHERE ("familyId" = $1 OR id = $1) AND "revokedAt" IS NULL`,
        [familyId, now.toISOString()],
      );
    },

    async pruneFamily(familyId, now) {
      // A revoked family is kept whole: its rows are what refuses a token issued in a race.
      await sql.query(
        `DELETE FROM "OAuthToken" t WHERE t."familyId" = $1 AND t."expiresAt" <= $2::timestamptz
            AND NOT EXISTS (SELECT 1 FROM "OAuthToken" f WHERE f."familyId" = $1 AND f."revokedAt" IS NOT NULL)`,
        [familyId, now.toISOString()],
      );
    },

    async chatForAccessToken(tokenHash, now) {
      const [row] = await sql.query<TChatRow>(
        `SELECT c.channel, c."externalId", c.locale FROM "OAuthToken" t JOIN "Chat" c ON c.id = t."chatId"
          WHERE t."tokenHash" = $1 AND t.kind = 'access' AND t."expiresAt" > $2::timestamptz AND ${LIVE}`,
        [tokenHash, now.toISOString()],
      );
      return chatRef(row);
    },
  };
}
