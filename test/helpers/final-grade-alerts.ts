import fs from 'node:fs';
import path from 'node:path';
import type { TSqlQuery } from '../../prisma/db/database';

// The data migration that gives grade subscribers term-mark alerts, as SQL a test can run again
// on rows it seeded after the test database was migrated (the statement is idempotent).

const migrationsDir = path.join(__dirname, '..', '..', 'prisma', 'migrations');

export const FINAL_GRADE_MIGRATION = fs
  .readdirSync(migrationsDir)
  .filter((name) => name.endsWith('_final_grade_alerts'))
  .sort()[0];

export const finalGradeMigrationSql = fs.readFileSync(
  path.join(migrationsDir, FINAL_GRADE_MIGRATION, 'migration.sql'),
  'utf8',
);

export async function subscriptionsOf(query: TSqlQuery) {
  return query<{ personId: string; studentId: string; type: string; enabled: boolean; quietFrom: string }>(
    `SELECT "personId", "studentId", type, enabled, "quietFrom" FROM "Subscription" ORDER BY "personId", "studentId", type`,
  );
}
