import type { QueryContextStore } from '../../../core/conversation';
import { chatSessionKey } from '../../../core/linking';
import { ZQuerySchema } from '../../../core/nlu';
import type { Database } from '../../db/database';
import { toDate } from '../../db/sql-values';

// A chat's last question lives in its ChatSession row family (key "<channel>:<id>:query"), which
// /forget deletes with the rest of the chat's state. Fixed statements on every question: prepared.
const READ = `SELECT value, "updatedAt" AS at FROM "ChatSession" WHERE key = $1`;
const WRITE = `INSERT INTO "ChatSession" (key, value, "updatedAt") VALUES ($1, $2::jsonb, $3::timestamptz)
  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"`;

const keyOf = (chat: Parameters<QueryContextStore['read']>[0]) => `${chatSessionKey(chat)}:query`;

export function createQueryContextStore(db: Database): QueryContextStore {
  const { sql } = db;
  return {
    async read(chat) {
      const row = (await sql.prepared<{ value: unknown; at: Date | string }>(READ, [keyOf(chat)]))[0];
      if (!row) return null;
      // Written by us, but read as data: a row from an older shape is forgotten, not trusted.
      const parsed = ZQuerySchema.safeParse(row.value);
      return parsed.success ? { context: parsed.data, at: toDate(row.at) } : null;
    },
    async write(chat, context, at) {
      await sql.prepared(WRITE, [keyOf(chat), JSON.stringify(context), at.toISOString()]);
    },
  };
}
