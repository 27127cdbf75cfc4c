import type { TActiveConsent } from '../../../core/linking';
import { toDate } from '../../db/sql-values';

// "The consent in force" is defined once: a person's latest consent not withdrawn. The chat's
// read of every turn and the linking store's own lookup both use it.

/** The consent in force of the person whose id is the SQL expression `personId` (a column or a parameter). */
export const activeConsentSql = (personId: string) =>
  `SELECT "textVersion", "textHash", "acceptedAt" FROM "Consent" WHERE "personId" = ${personId} AND "withdrawnAt" IS NULL ORDER BY "acceptedAt" DESC LIMIT 1`;

export type TActiveConsentRow = {
  textVersion: string | null;
  textHash: string | null;
  acceptedAt: Date | string | null;
};

/** A row of activeConsentSql (or of an outer join to it: all null when there is none) as a consent. */
export const toActiveConsent = (row: TActiveConsentRow | undefined): TActiveConsent | null =>
  row?.textVersion && row.textHash && row.acceptedAt
    ? { textVersion: row.textVersion, textHash: row.textHash, acceptedAt: toDate(row.acceptedAt) }
    : null;
