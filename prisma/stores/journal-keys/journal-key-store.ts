import type { JournalKeyStore } from '../../../core/journal-keys';
import type { Database } from '../../db/database';

// Journal keys are read once per journal request (a primary-key lookup) and written only by the
// `dnevnik journal-keys` command, so plain parameterised SQL on the shared pool serves them.

type TKeyRow = { id: string; schoolId: string; createdAt: Date | string; revokedAt: Date | string | null };

export function createJournalKeyStore(db: Database): JournalKeyStore {
  const { sql } = db;
  return {
    insertIfRoom: (key, maxLive) =>
      sql.transaction(async (query) => {
        // Serialises concurrent creates for one school (released at COMMIT): the count and the
        // insert then see each other.
        await query(`SELECT pg_advisory_xact_lock(hashtext('journal-key:' || $1::text))`, [key.schoolId]);
        const [{ live }] = await query<{ live: number }>(
          `SELECT count(*)::int AS live FROM "JournalKey" WHERE "schoolId" = $1 AND "revokedAt" IS NULL`,
          [key.schoolId],
        );
        if (live >= maxLive) return false;
        await query(`INSERT INTO "JournalKey" (id, "schoolId", "sealedSecret") VALUES ($1, $2, $3)`, [
          key.keyId,
          key.schoolId,
          key.sealedSecret,
        ]);
        return true;
      }),
    async list() {
      const rows = await sql.query<TKeyRow>(
        `SELECT id, "schoolId", "createdAt", "revokedAt" FROM "JournalKey" ORDER BY "schoolId", "createdAt", id`,
      );
      return rows.map((r) => ({
        keyId: r.id,
        schoolId: r.schoolId,
        createdAt: new Date(r.createdAt),
        revokedAt: r.revokedAt ? new Date(r.revokedAt) : null,
      }));
    },
    async revoke(keyId) {
      const rows = await sql.query(
        `UPDATE "JournalKey" SET "revokedAt" = now() WHERE id = $1 AND "revokedAt" IS NULL RETURNING id`,
        [keyId],
      );
      return rows.length > 0;
    },
    async findLive(keyId) {
      const [row] = await sql.query<{ schoolId: string; sealedSecret: string }>(
        `SELECT "schoolId", "sealedSecret" FROM "JournalKey" WHERE id = $1 AND "revokedAt" IS NULL`,
        [keyId],
      );
      return row ?? null;
    },
    allSealed: async () =>
      await sql.query<{ keyId: string; sealedSecret: string }>(
        `SELECT id AS "keyId", "sealedSecret" FROM "JournalKey" ORDER BY id`,
      ),
    async replaceSealed(keyId, sealedSecret) {
      await sql.query(`UPDATE "JournalKey" SET "sealedSecret" = $2 WHERE id = $1`, [keyId, sealedSecret]);
    },
  };
}
