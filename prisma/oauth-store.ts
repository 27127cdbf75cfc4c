import { randomUUID } from 'node:crypto';
import type { TLinkChannel } from '../core/linking/linking-types';
import type { OAuthStore } from '../core/oauth/oauth-port';
import type { Database } from './database';

// OAuthStore over the raw driver. Tokens hang off their chat (ON DELETE CASCADE), so /forget
// and a chat deleted any other way take them along.

interface TChatRow {
  channel: TLinkChannel;
  externalId: string;
  locale: string;
}

const chatRef = (row: TChatRow | undefined) => (row ? { channel: row.channel, externalId: row.externalId, locale: row.locale === 'en' ? ('en' as const) : ('ru' as const) } : null);

export function createOAuthStore(db: Database): OAuthStore {
  const { sql } = db;
  return {
    async saveTokens(chat, tokens) {
      // Inserted through a join, so a chat forgotten in the meantime simply gets no tokens.
      await sql.query(
        `INSERT INTO "OAuthToken" (id, "chatId", kind, "tokenHash", "clientId", "expiresAt")
         SELECT t.id, c.id, t.kind, t."tokenHash", t."clientId", t."expiresAt"
           FROM jsonb_to_recordset($3::jsonb) AS t(id text, kind text, "tokenHash" text, "clientId" text, "expiresAt" timestamptz)
           JOIN "Chat" c ON c.channel = $1 AND c."externalId" = $2`,
        [chat.channel, chat.externalId, JSON.stringify(tokens.map((t) => ({ id: randomUUID(), ...t, expiresAt: t.expiresAt.toISOString() })))],
      );
    },

    async spend(kind, tokenHash, clientId, now) {
      // The conditional update is the single-use guarantee, as for link codes.
      const [row] = await sql.query<TChatRow>(
        `UPDATE "OAuthToken" t SET "usedAt" = $4::timestamptz
           FROM "Chat" c
          WHERE t."chatId" = c.id AND t."tokenHash" = $1 AND t.kind = $2 AND t."clientId" = $3
            AND t."usedAt" IS NULL AND t."expiresAt" > $4::timestamptz
          RETURNING c.channel, c."externalId", c.locale`,
        [tokenHash, kind, clientId, now.toISOString()],
      );
      return chatRef(row);
    },

    async chatForAccessToken(tokenHash, now) {
      const [row] = await sql.query<TChatRow>(
        `SELECT c.channel, c."externalId", c.locale FROM "OAuthToken" t JOIN "Chat" c ON c.id = t."chatId"
          WHERE t."tokenHash" = $1 AND t.kind = 'access' AND t."expiresAt" > $2::timestamptz`,
        [tokenHash, now.toISOString()],
      );
      return chatRef(row);
    },
  };
}
